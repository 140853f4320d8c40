import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const quick = "  - { id: rapide, title: Rapide, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: file, path: /etc/passwd, contents: ['root:'] }] }";

/** The second critère of each exercise the fault suite runs, after a quick one that passes at once. */
const SECOND: Record<string, string> = {
  quick: '',
  // Long enough for any fault to land while it runs.
  midrun:
    "  - { id: lent, title: Lent, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: command, exec: [sleep, '25'], exitStatus: 0, timeoutMs: 60000 }] }",
  hang: "  - { id: pendu, title: Pendu, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: command, exec: [sleep, '600'], exitStatus: 0, timeoutMs: 1500 }] }",
  flood:
    "  - { id: deluge, title: Déluge, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: command, exec: ['yes'], exitStatus: 0, timeoutMs: 3000 }] }",
};

/** Writes the fault suite's small exercise folders (quick, midrun, hang, flood) under `root`. */
export function writeExercise(root: string): void {
  for (const [name, second] of Object.entries(SECOND)) {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'enonce.md'), '# Panne\n');
    writeFileSync(join(dir, 'x.sh'), '#!/bin/sh\n');
    writeFileSync(
      join(dir, 'exercise.yaml'),
      [`id: panne-${name}`, 'title: Panne', 'competences: [CP9]', 'solution: { apply: x.sh }', 'criteria:', quick, second, '']
        .filter((l, i, a) => l || i === a.length - 1)
        .join('\n'),
    );
  }
}
