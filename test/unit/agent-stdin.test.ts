import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readFirstLine, readFirstLineFd, type FirstLine } from '../../agent/src/stdin';

// The agent reads its request from fd 0 with fs.read (no process.stdin stream); these are real descriptors.
describe('agent request read from a descriptor', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tssr-stdin-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const noFallback = (): Promise<FirstLine> => Promise.reject(new Error('the stream fallback was not expected'));
  const fromFile = async (content: string | Buffer, limit = 1024): Promise<FirstLine> => {
    const file = join(dir, 'request');
    writeFileSync(file, content);
    const fd = openSync(file, 'r');
    try {
      return await readFirstLineFd(fd, limit, noFallback);
    } finally {
      closeSync(fd);
    }
  };

  it('reads the first line of a file, without what follows', async () => {
    assert.deepEqual(await fromFile('{"event":"run"}\nnot read\n'), { kind: 'line', line: '{"event":"run"}' });
  });

  it('a last line without a newline counts; an empty input is no request', async () => {
    assert.deepEqual(await fromFile('{"a":1}'), { kind: 'line', line: '{"a":1}' });
    assert.deepEqual(await fromFile(''), { kind: 'eof' });
  });

  it('reads a line longer than one read (64 KiB), and refuses one past the limit', async () => {
    const long = 'x'.repeat(200_000);
    assert.deepEqual(await fromFile(`${long}\n`, 300_000), { kind: 'line', line: long });
    assert.deepEqual(await fromFile(`${long}\n`, 100_000), { kind: 'tooLarge', bytes: 200_000 });
  });

  it('a non-blocking descriptor goes on through the stream, from the bytes already read', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, 'w');
    try {
      writeSync(writer, '{"event":');
      let handed: { chunks: Buffer[]; total: number } | undefined;
      const line = await readFirstLineFd(reader, 1024, (sofar) => {
        handed = { chunks: [...sofar.chunks], total: sofar.total };
        return readFirstLine(Readable.from([Buffer.from('"run"}\nrest\n')]), 1024, sofar);
      });
      assert.equal(handed?.total, 9);
      assert.deepEqual(line, { kind: 'line', line: '{"event":"run"}' });
    } finally {
      closeSync(writer);
      closeSync(reader);
    }
  });
});
