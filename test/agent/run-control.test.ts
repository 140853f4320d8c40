import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { results, runAgent } from '../helpers/agent';

const dir = mkdtempSync(join(tmpdir(), 'tssr-runctl-'));

describe('run control through the built agent', function () {
  this.timeout(60_000);
  it('a file that a prerequisite starts writing converges under retry; a failed prerequisite skips its dependents', async () => {
    const late = join(dir, 'late.txt');
    const req = {
      event: 'run',
      protocol: 1,
      runId: 't',
      concurrency: 1,
      criteria: [
        { id: 'demarre', checks: [{ type: 'command', id: 'start', exec: ['sh', '-c', `(sleep 0.4; echo ok > ${late}) >/dev/null 2>&1 &`], exitStatus: 0 }] },
        { id: 'attend', checks: [{ type: 'file', path: late, needs: ['start'], retry: { timeoutMs: 10_000, intervalMs: 50 } }] },
        { id: 'casse', checks: [{ type: 'file', id: 'absent', path: join(dir, 'never') }] },
        {
          id: 'suite',
          needs: ['casse'],
          checks: [
            { type: 'file', path: late },
            { type: 'port', port: 1 },
          ],
        },
      ],
    };
    const rs = results(await runAgent(JSON.stringify(req) + '\n'));
    const by = (id: string): Array<Record<string, any>> => rs.filter((r) => r.criterionId === id);
    assert.deepEqual(
      by('attend').map((r) => `${r.property}:${r.status}`),
      ['exists:pass'],
    );
    assert.ok(by('attend')[0].reason.params.attempts > 1, JSON.stringify(by('attend')[0]));
    assert.deepEqual(
      by('suite').map((r) => `${r.checkIndex} ${r.property}:${r.status} ${r.reason.params.why.code}`),
      ['0 needs:skip needs.criterionNotPassed', '1 needs:skip needs.criterionNotPassed'],
    );
  });
});
