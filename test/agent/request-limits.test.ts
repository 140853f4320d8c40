import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent, request, results, prop } from '../helpers/agent';
import { AGENT } from '../helpers/paths';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const ws = (entries: unknown[]): Record<string, unknown> => ({ workspace: entries });

// [name, request line, fatal code, message pattern]
const fatals: Array<[string, string, string, RegExp]> = [
  ['concurrency "x"', request([{ type: 'file', path: '/etc/hostname' }], { concurrency: 'x' }), 'BAD_REQUEST', /concurrency.*1 to 64/],
  ['concurrency 0', request([], { concurrency: 0 }), 'BAD_REQUEST', /concurrency/],
  ['concurrency 1.5', request([], { concurrency: 1.5 }), 'BAD_REQUEST', /concurrency/],
  ['defaultTimeoutMs above 2^31-1 (rejected, not clamped)', request([], { defaultTimeoutMs: 2 ** 31 + 5 }), 'BAD_REQUEST', /defaultTimeoutMs.*2147483647/],
  ['defaultTimeoutMs "10"', request([], { defaultTimeoutMs: '10' }), 'BAD_REQUEST', /defaultTimeoutMs/],
  ['unknown lang', request([], { lang: 'de' }), 'BAD_REQUEST', /lang/],
  ['workspace path with ..', request([], ws([{ path: 'a/../../evil', contentBase64: '' }])), 'BAD_WORKSPACE', /\.\./],
  ['absolute workspace path', request([], ws([{ path: '/etc/cron.d/x', contentBase64: '' }])), 'BAD_WORKSPACE', /absolute/],
  ['workspace path with NUL', request([], ws([{ path: 'a\u0000b', contentBase64: '' }])), 'BAD_WORKSPACE', /NUL/],
  ['workspace content not a string', request([], ws([{ path: 'a', contentBase64: 12 }])), 'BAD_WORKSPACE', /base64/],
  ['workspace not an array', request([], { workspace: {} }), 'BAD_WORKSPACE', /array/],
  [
    'workspace file then the same path as a folder',
    request(
      [],
      ws([
        { path: 'a', contentBase64: b64('x') },
        { path: 'a/b', contentBase64: b64('y') },
      ]),
    ),
    'BAD_WORKSPACE',
    /a\/b/,
  ],
  [
    'duplicate workspace path',
    request(
      [],
      ws([
        { path: 'a', contentBase64: b64('x') },
        { path: 'a', contentBase64: b64('y') },
      ]),
    ),
    'BAD_WORKSPACE',
    /EEXIST/,
  ],
];

describe('agent request limits', () => {
  for (const [name, line, code, message] of fatals) {
    it(`${name} → fatal ${code}`, async () => {
      const t = await runAgent(line);
      // These messages were written in English before the client worded them: read them in English.
      results({ ...t, lang: 'en' });
      assert.equal(t.code, 2);
      assert.deepEqual(
        t.events.map((e) => e.event),
        ['hello', 'fatal'],
      );
      assert.equal(t.events[1].code, code);
      assert.match(t.events[1].message as string, message);
    });
  }

  it('a check timeoutMs above 2^31-1 is an error result for that check; the others run', async () => {
    const t = await runAgent(
      request([
        { type: 'file', path: '/etc/hostname', timeoutMs: 2 ** 32 },
        { type: 'file', path: '/etc/hostname' },
      ]),
    );
    const rs = results(t);
    assert.equal(prop(rs, 'timeoutMs', 0).status, 'error');
    assert.equal(prop(rs, 'exists', 1).status, 'pass');
  });

  it('stops reading a 70 MB request line at the cap: fatal REQUEST_TOO_LARGE, memory bounded', async function () {
    if (!existsSync('/usr/bin/time')) this.skip();
    const rssFile = join(mkdtempSync(join(tmpdir(), 'tssr-rss-')), 'rss');
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, AGENT, 'serve']);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const closed = new Promise((r) => child.on('close', r));
    child.stdin.on('error', () => {
      /* the agent stops reading at the cap */
    });
    const head = '{"event":"run","protocol":1,"runId":"big","criteria":[],"workspace":[{"path":"a","contentBase64":"';
    const chunk = 'A'.repeat(1024 * 1024);
    for (let i = 0; i < 70 && child.stdin.writable; i++) {
      if (!child.stdin.write(i === 0 ? head + chunk : chunk)) await Promise.race([new Promise((r) => child.stdin.once('drain', r)), closed]);
    }
    child.stdin.end('"}]}\n');
    const code = await closed;
    const events = out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    results({ events, lines: [], code: code as number, stderr: '' });
    assert.equal(code, 2);
    assert.equal(events.at(-1).code, 'REQUEST_TOO_LARGE');
    assert.match(events.at(-1).message, /67108864/);
    const peakMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
    // 64 MiB kept plus Node itself; before the cap, a 200 MB line took the agent to about 1 GB.
    assert.ok(peakMb < 220, `peak RSS ${peakMb.toFixed(0)} MB`);
  });
});
