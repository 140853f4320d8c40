import assert from 'node:assert/strict';
import { CHECK_SCHEMAS } from '../../extension/src/core/check-schemas';
import { validateText } from '../../extension/src/core/pack';
import { buildRequest, selectedCriteria } from '../../extension/src/core/request';
import { runDeadlineMs } from '../../extension/src/core/run-deadline';
import { launcherCommand, launcherVerdict } from '../../extension/src/ssh/remote';
import type { Exercise, RunRequest } from '../../schemas/generated/types';

/** An exercise with two critères; `x` and `y` are the YAML of their checks (and extra keys). */
function exercise(x: string, y: string, extra = ''): string {
  return `id: ex
title: Exercice
competences: [CP9]
solution: { apply: s.sh }
${extra}criteria:
  - id: x
    title: X
    referentiel: CP9.1
    points: 1
    hint: Indice
${x}
  - id: y
    title: Y
    referentiel: CP9.1
    points: 1
    hint: Indice
${y}
`;
}
const check = (id: string, needs?: string[]): string =>
  `      - type: file\n        path: /etc/passwd\n        id: ${id}${needs ? `\n        needs: [${needs.join(', ')}]` : ''}`;
const checks = (...items: string[]): string => `    checks:\n${items.join('\n')}`;

function problems(text: string, lang: 'fr' | 'en' = 'fr'): Array<{ code: string; line: number; col: number; message: string }> {
  return validateText('exercise', text, 'exercise.yaml', lang, () => ({ ok: true, abs: '/x' })).problems.map((p) => ({
    code: p.code,
    line: p.range.line,
    col: p.range.col,
    message: p.message,
  }));
}

describe('run control rules: needs between critères and checks', () => {
  it('accepts needs that resolve without a loop', () => {
    assert.deepEqual(problems(exercise(checks(check('a'), check('b', ['a'])), `    needs: [x]\n${checks(check('c', ['b']))}`)), []);
  });

  const cases: Array<[string, string, string, number, number, RegExp]> = [
    ['an unknown check id', exercise(checks(check('a', ['ghost'])), checks(check('b'))), 'unknown-needs', 15, 17, /vérification inconnue « ghost ».*a, b/],
    ['an unknown critère id', exercise(checks(check('a')), `    needs: [zz]\n${checks(check('b'))}`), 'unknown-needs', 20, 13, /critère inconnu « zz ».*x, y/],
    ['a check that needs itself', exercise(checks(check('a', ['a'])), checks(check('b'))), 'needs-cycle', 15, 17, /boucle : a → a/],
    ['a loop between checks', exercise(checks(check('a', ['b'])), checks(check('b', ['a']))), 'needs-cycle', 25, 17, /boucle : (a → b → a|b → a → b)/],
    ['a loop through a critère', exercise(checks(check('a', ['b'])), `    needs: [x]\n${checks(check('b'))}`), 'needs-cycle', 21, 13, /boucle/],
    [
      'a duplicate id that needs would name',
      exercise(checks(check('a')), checks(check('a'), check('c', ['a']))),
      'duplicate-check-id',
      23,
      13,
      /en double « a »/,
    ],
  ];
  for (const [name, text, code, line, col, message] of cases) {
    it(`locates ${name} at ${line}:${col}`, () => {
      const p = problems(text);
      assert.equal(p.length, 1, JSON.stringify(p));
      assert.deepEqual([p[0].code, p[0].line, p[0].col], [code, line, col], p[0].message);
      assert.match(p[0].message, message);
    });
  }

  it('speaks English', () => {
    const [p] = problems(exercise(checks(check('a', ['b'])), checks(check('b', ['a']))), 'en');
    assert.match(p.message, /^Dependencies in a loop: .*remove one of the needs/);
  });

  it('a workspace script must be listed in workspaceFiles; a target path need not', () => {
    const script = (path: string): string => checks(`      - type: script\n        script: ${path}`);
    assert.deepEqual(problems(exercise(script('backup.sh'), script('/usr/local/bin/sauvegarde'), 'workspaceFiles: [backup.sh]\n')), []);
    const p = problems(exercise(script('backup.sh'), checks(check('b'))));
    assert.deepEqual(
      p.map((x) => [x.code, x.line]),
      [['script-not-in-workspace', 13]],
    );
    assert.match(p[0].message, /workspaceFiles/);
  });
});

describe('run control in the request', () => {
  const crit = (id: string, checks: unknown[], needs?: string[]): Exercise['criteria'][number] =>
    ({ id, title: id, referentiel: 'CP9.1', points: 1, hint: 'h', checks, ...(needs ? { needs } : {}) }) as Exercise['criteria'][number];
  const ex = {
    id: 'ex',
    title: 'Ex',
    competences: ['CP9'],
    solution: { apply: 's.sh' },
    criteria: [
      crit('base', [{ type: 'file', path: '/etc', id: 'etc' }]),
      crit('svc', [{ type: 'file', path: '/etc/passwd', needs: ['etc'] }]),
      crit('top', [{ type: 'file', path: '/etc/hosts' }], ['svc']),
      crit('alone', [{ type: 'file', path: '/tmp' }]),
    ],
  } as unknown as Exercise;

  it('--only brings the prerequisites along, transitively (critère and check needs), in exercise order', () => {
    assert.deepEqual(selectedCriteria(ex, ['top']), ['base', 'svc', 'top']);
    assert.deepEqual(selectedCriteria(ex, ['alone']), ['alone']);
    assert.equal(selectedCriteria(ex, undefined), undefined);
  });

  it('the request carries critère needs; the checks carry their own', () => {
    const req = buildRequest(ex, '/nonexistent', { lang: 'fr', only: ['top'] });
    assert.deepEqual(
      req.criteria.map((c) => [c.id, c.needs ?? null]),
      [
        ['base', null],
        ['svc', null],
        ['top', ['svc']],
      ],
    );
    assert.deepEqual((req.criteria[1].checks[0] as { needs?: string[] }).needs, ['etc']);
  });

  it('the run deadline covers retry windows, and with needs the sequential bound', () => {
    const check = (extra: Record<string, unknown>): RunRequest['criteria'][number] => ({
      id: 'c',
      checks: [{ type: 'file', path: '/', timeoutMs: 1000, ...extra } as never],
    });
    const plain = runDeadlineMs({ criteria: [check({}), check({})], concurrency: 2 });
    assert.equal(runDeadlineMs({ criteria: [check({ retry: { timeoutMs: 5000 } }), check({})], concurrency: 2 }), plain + 7500);
    assert.equal(runDeadlineMs({ criteria: [check({ id: 'a' }), check({ needs: ['a'] })], concurrency: 2 }), plain + 1000);
  });
});

describe('the SSH launcher with --sudo', () => {
  it('runs the agent through sudo -n with absolute paths, and only then', () => {
    const hash = 'abcdef0123456789';
    assert.doesNotMatch(launcherCommand(hash), /sudo/);
    assert.match(launcherCommand(hash, true), /exec sudo -n -- "\$\(command -v node\)" "\$PWD"\/'\.cache\/tssr-lab\/agent-abcdef0123456789\.js' serve$/);
  });
  it("tells a missing sudo and sudo's own refusals from an agent failure", () => {
    const cases: Array<[number, string, boolean, string | undefined]> = [
      [92, 'tssr-lab-launcher: no-sudo\n', true, 'no-sudo'],
      [1, 'sudo: a password is required\n', true, 'sudo-refused'],
      [1, 'sudo: un mot de passe est nécessaire\n', true, 'sudo-refused'],
      [1, 'sudo: a password is required\n', false, undefined],
      [1, 'Error: agent crashed\n', true, undefined],
    ];
    for (const [code, stderr, sudo, want] of cases) assert.equal(launcherVerdict(code, stderr, sudo), want, stderr);
  });
});

describe('run control in every check type', () => {
  it('each check type the agent runs takes id, needs and retry (a new type adds the two $ref lines)', () => {
    const missing = CHECK_SCHEMAS.filter((s) => s.properties && !/lint\.schema/.test(s.$id))
      .filter((s) => !['id', 'needs', 'retry'].every((k) => k in (s.properties as Record<string, unknown>)))
      .map((s) => s.$id);
    assert.deepEqual(missing, []);
  });
});
