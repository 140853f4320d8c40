import assert from 'node:assert/strict';
import { runAgent, request, results } from '../helpers/agent';
import { registry } from '../../agent/src/registry';

describe('agent protocol', () => {
  it('writes hello first, then results, then a summary, all valid protocol lines', async () => {
    const t = await runAgent(request([{ type: 'file', path: '/etc/passwd' }]));
    assert.equal(t.code, 0);
    assert.equal(t.events[0].event, 'hello');
    assert.deepEqual(t.events[0].checkTypes, Object.keys(registry).sort());
    assert.equal(t.events.at(-1)!.event, 'summary');
    const rs = results(t);
    assert.equal(rs.length, 1);
    assert.equal(t.stderr, '');
  });

  const fatals: Array<[string, string, string]> = [
    ['not JSON', 'garbage{\n', 'BAD_JSON'],
    ['not a run request', '{"event":"hello"}\n', 'BAD_REQUEST'],
    ['another protocol major', '{"event":"run","protocol":2,"runId":"x","criteria":[]}\n', 'PROTOCOL_MISMATCH'],
    ['criteria not an array', '{"event":"run","protocol":1,"runId":"x","criteria":{}}\n', 'BAD_REQUEST'],
    ['nothing on stdin', '', 'NO_REQUEST'],
  ];
  for (const [name, input, code] of fatals) {
    it(`answers ${name} with one fatal line and exit code 2, never a stack trace`, async () => {
      const t = await runAgent(input);
      assert.equal(t.code, 2);
      results(t);
      assert.deepEqual(
        t.events.map((e) => e.event),
        ['hello', 'fatal'],
      );
      assert.equal(t.events[1].code, code);
      assert.doesNotMatch(t.lines.join('\n') + t.stderr, /\n\s+at /);
    });
  }

  it('turns an unknown check type into an error result and goes on', async () => {
    const t = await runAgent(
      request([
        { type: 'noSuchType', name: 'ssh' },
        { type: 'file', path: '/etc/hostname' },
      ]),
    );
    const rs = results(t);
    const unknown = rs.find((r) => r.checkIndex === 0)!;
    assert.equal(unknown.status, 'error');
    assert.match(unknown.message, /noSuchType/);
    assert.equal(rs.find((r) => r.checkIndex === 1)!.status, 'pass');
    assert.equal(t.events.at(-1)!.event, 'summary');
  });

  it('streams results in order of completion, not of declaration', async () => {
    const t = await runAgent(
      request([
        { type: 'command', exec: ['sleep', '0.6'], exitStatus: 0 },
        { type: 'command', exec: ['true'], exitStatus: 0 },
      ]),
    );
    const order = results(t).map((r) => r.checkIndex);
    assert.deepEqual(order, [1, 0]);
  });

  it('writes the workspace files into a private folder used as the working directory', async () => {
    const content = Buffer.from('#!/bin/sh\necho from-workspace\n').toString('base64');
    const t = await runAgent(
      request(
        [
          { type: 'command', exec: ['sh', 'script.sh'], stdout: ['from-workspace'] },
          { type: 'file', path: 'script.sh', mode: '0755' },
        ],
        { workspace: [{ path: 'script.sh', contentBase64: content, mode: 0o755 }] },
      ),
    );
    const rs = results(t);
    assert.deepEqual(rs.map((r) => `${r.checkIndex}:${r.property}:${r.status}`).sort(), ['0:stdout[0]:pass', '1:exists:pass', '1:mode:pass']);
  });

  it('refuses a workspace path that escapes its folder', async () => {
    const t = await runAgent(request([], { workspace: [{ path: '../evil', contentBase64: '' }] }));
    assert.notEqual(t.code, 0);
    assert.equal(t.events.at(-1)!.event, 'fatal');
  });
});
