import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes a throw-away exercise with one critère per check, named by its key (JSON is YAML), a statement and a no-op
 * solution; returns its folder.
 */
export function exerciseDir(checks: Record<string, Record<string, unknown>>, prefix = 'tssr-ex-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const criteria = Object.entries(checks).map(([id, check]) => ({ id, title: id, referentiel: 'CCS1.1', points: 1, hint: id, checks: [check] }));
  writeFileSync(join(dir, 'exercise.yaml'), JSON.stringify({ id: 'ex', title: 'ex', competences: ['CCS1'], solution: { apply: 'apply.sh' }, criteria }));
  writeFileSync(join(dir, 'apply.sh'), '#!/bin/sh\ntrue\n');
  writeFileSync(join(dir, 'enonce.md'), '# ex\n');
  return dir;
}
