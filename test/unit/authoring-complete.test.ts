import assert from 'node:assert/strict';
import { complete } from '../../extension/src/core/authoring/complete';
import { cursorContext } from '../../extension/src/core/authoring/cursor';
import { referentielHover } from '../../extension/src/core/authoring/referentiel-help';
import { schemaHover } from '../../extension/src/core/authoring/schema-hover';
import type { Lang } from '../../extension/src/core/i18n';

/** A file with `|` where the cursor is. */
function at(src: string): { text: string; offset: number } {
  const offset = src.indexOf('|');
  return { text: src.slice(0, offset) + src.slice(offset + 1), offset };
}

const EXERCISE_HEAD = 'id: ex\ntitle: Titre\ncompetences: [CP9]\nsolution:\n  apply: s.sh\ncriteria:\n';

describe('authoring: the cursor’s place in the YAML tree', () => {
  const cases: Array<[string, string, { kind: string; path: Array<string | number>; prefix: string }]> = [
    ['a key being typed at the root', 'id: a\nti|', { kind: 'key', path: [], prefix: 'ti' }],
    [
      'a check’s type value',
      `${EXERCISE_HEAD}  - id: c\n    checks:\n      - type: fi|`,
      { kind: 'value', path: ['criteria', 0, 'checks', 0, 'type'], prefix: 'fi' },
    ],
    [
      'an empty check type value',
      `${EXERCISE_HEAD}  - id: c\n    checks:\n      - type: |\n`,
      { kind: 'value', path: ['criteria', 0, 'checks', 0, 'type'], prefix: '' },
    ],
    [
      'a key in a check after its type',
      `${EXERCISE_HEAD}  - id: c\n    checks:\n      - type: file\n        pa|`,
      { kind: 'key', path: ['criteria', 0, 'checks', 0], prefix: 'pa' },
    ],
    ['a new item of a flow list', 'competences: [CP1, C|]', { kind: 'value', path: ['competences', 1], prefix: 'C' }],
    [
      'the référentiel of a critère',
      `${EXERCISE_HEAD}  - id: c\n    referentiel: CP1|\n    points: 1`,
      { kind: 'value', path: ['criteria', 0, 'referentiel'], prefix: 'CP1' },
    ],
    ['an existing key, cursor inside it', 'id: a\nver|sion: 1.0.0', { kind: 'key', path: [], prefix: 'ver' }],
  ];
  for (const [name, src, want] of cases)
    it(name, () => {
      const { text, offset } = at(src);
      const ctx = cursorContext(text, offset);
      assert.ok(ctx, 'no context');
      assert.deepEqual({ kind: ctx.kind, path: ctx.path, prefix: ctx.prefix }, want);
    });

  it('offers nothing inside a comment', () => {
    const { text, offset } = at('# une note sur CP|\nid: a');
    assert.equal(cursorContext(text, offset), undefined);
  });
});

describe('authoring: completion in exercise.yaml and pack.yaml', () => {
  const labels = (src: string, file: 'exercise' | 'pack' = 'exercise'): string[] => {
    const { text, offset } = at(src);
    return complete(text, offset, file, 'fr').map((s) => s.label);
  };

  const cases: Array<[string, string, 'exercise' | 'pack', string[], string[]]> = [
    // name, file with cursor, kind of file, labels that must be offered, labels that must not
    [
      'check types at a check’s type',
      `${EXERCISE_HEAD}  - id: c\n    checks:\n      - type: |`,
      'exercise',
      ['file', 'command', 'service', 'lint', 'dns'],
      ['CP9.1'],
    ],
    [
      'a file check’s attributes, not those of others',
      `${EXERCISE_HEAD}  - id: c\n    checks:\n      - type: file\n        |`,
      'exercise',
      ['path', 'mode', 'owner', 'contents'],
      ['exec', 'type', 'url'],
    ],
    [
      'attributes not yet written only',
      `${EXERCISE_HEAD}  - id: c\n    checks:\n      - type: file\n        path: /etc\n        |`,
      'exercise',
      ['mode'],
      ['path'],
    ],
    [
      'an attribute’s enum values',
      `${EXERCISE_HEAD}  - id: c\n    checks:\n      - type: lint\n        files: [a.sh]\n        failOn: |`,
      'exercise',
      ['error', 'warning', 'info'],
      [],
    ],
    [
      'a nested enum (file type)',
      `${EXERCISE_HEAD}  - id: c\n    checks:\n      - type: file\n        path: /srv\n        filetype: |`,
      'exercise',
      ['file', 'directory', 'symlink'],
      [],
    ],
    ['critère ids at referentiel', `${EXERCISE_HEAD}  - id: c\n    referentiel: |`, 'exercise', ['CP1.1', 'CP11.4', 'CCS4.2'], ['CP11']],
    ['competence ids in a flow list', 'id: a\ncompetences: [CP1, |]', 'exercise', ['CP9', 'CCS1'], ['CP9.1']],
    ['competence ids in a block list', 'id: a\ncompetences:\n  - CP1\n  - |', 'exercise', ['CP9', 'CCS1'], ['CP9.1']],
    ['a critère’s keys', `${EXERCISE_HEAD}  - id: c\n    |`, 'exercise', ['title', 'referentiel', 'hints', 'assessment', 'checks'], ['id', 'path']],
    ['assessment values', `${EXERCISE_HEAD}  - id: c\n    assessment: |`, 'exercise', ['auto', 'evidence', 'jury'], []],
    ['the exercise snippet in an empty file', '|', 'exercise', ['exercise …', 'id', 'criteria'], []],
    ['check snippets in a new check', `${EXERCISE_HEAD}  - id: c\n    checks:\n      - |`, 'exercise', ['file …', 'service …', 'type'], ['path']],
    ['pack keys and the exam flag', 'id: p\n|', 'pack', ['title', 'version', 'exam'], ['id', 'criteria']],
    ['the exam flag’s values', 'id: p\nexam: |', 'pack', ['true', 'false'], []],
  ];
  for (const [name, src, file, want, not] of cases)
    it(name, () => {
      const got = labels(src, file);
      for (const w of want) assert.ok(got.includes(w), `${w} missing from ${got.join(', ')}`);
      for (const n of not) assert.ok(!got.includes(n), `${n} offered: ${got.join(', ')}`);
    });

  it('documents check types with their schema description and critères with their official text', () => {
    const types = (() => {
      const { text, offset } = at(`${EXERCISE_HEAD}  - id: c\n    checks:\n      - type: |`);
      return complete(text, offset, 'exercise', 'fr');
    })();
    assert.match(types.find((s) => s.label === 'lint')!.documentation!, /^Passe le coach de scripts/);
    const { text, offset } = at(`${EXERCISE_HEAD}  - id: c\n    referentiel: CP11|`);
    const ids = complete(text, offset, 'exercise', 'fr');
    const c = ids.find((s) => s.label === 'CP11.4')!;
    assert.match(c.documentation!, /CP11\.4/);
    assert.match(c.documentation!, /Compétence \*\*CP11\*\*/);
    assert.deepEqual([c.start, c.end], [offset - 4, offset]);
  });

  it('offers only référentiel ids and snippets when the YAML extension completes the schema', () => {
    const { text, offset } = at(`${EXERCISE_HEAD}  - id: c\n    checks:\n      - |`);
    const kinds = new Set(complete(text, offset, 'exercise', 'fr', 'tssrOnly').map((s) => s.kind));
    assert.deepEqual([...kinds], ['snippet']);
  });
});

describe('authoring: schema documentation in the editor’s language', () => {
  const CHECK = `${EXERCISE_HEAD}  - id: c\n    checks:\n`;
  const doc = (src: string, label: string, lang: Lang): string | undefined => {
    const { text, offset } = at(src);
    return complete(text, offset, src.startsWith('id: p\n') ? 'pack' : 'exercise', lang).find((s) => s.label === label)?.documentation;
  };
  const cases: Array<[string, string, string, RegExp, RegExp]> = [
    // name, file with cursor, label, French documentation, English documentation
    ['a check type', `${CHECK}      - type: |`, 'lint', /^Passe le coach de scripts/, /^Script coaching/],
    ['an attribute', `${CHECK}      - type: file\n        |`, 'path', /^Chemin absolu sur la cible/, /^Absolute path on the target/],
    ['an attribute through its $ref', `${CHECK}      - type: file\n        |`, 'timeoutMs', /^Millisecondes/, /^Milliseconds/],
    ['an enum value', `${CHECK}      - type: lint\n        files: [a.sh]\n        failOn: |`, 'error', /^Gravité la plus faible/, /^Lowest severity/],
    ['a critère key', `${EXERCISE_HEAD}  - id: c\n    |`, 'assessment', /^Comment le critère est jugé/, /^How the critère is judged/],
    ['a pack key', 'id: p\n|', 'exam', /^Pack d’examen/, /^Exam pack/],
  ];
  for (const [name, src, label, fr, en] of cases)
    it(`${name}: French by default, English with lang 'en'`, () => {
      assert.match(doc(src, label, 'fr') ?? '', fr);
      assert.match(doc(src, label, 'en') ?? '', en);
    });

  const hovers: Array<[string, string, 'exercise' | 'pack', RegExp | undefined, RegExp | undefined]> = [
    ['a check attribute', `${CHECK}      - type: file\n        pa|th: /etc/passwd`, 'exercise', /^Chemin absolu sur la cible/, /^Absolute path/],
    ['a check type value', `${CHECK}      - type: li|nt\n        files: [a.sh]`, 'exercise', /^Passe le coach de scripts/, /^Script coaching/],
    ['a pack key', 'id: p\nex|am: true', 'pack', /^Pack d’examen/, /^Exam pack/],
    ['a key no schema knows', 'id: p\nfoo|bar: 1', 'pack', undefined, undefined],
    ['a plain value', 'id: p\ntitle: Sauve|garde', 'pack', undefined, undefined],
  ];
  for (const [name, src, file, fr, en] of hovers)
    it(`hover on ${name}`, () => {
      const { text, offset } = at(src);
      for (const [lang, want] of [['fr', fr] as const, ['en', en] as const]) {
        const h = schemaHover(text, offset, file, lang);
        if (!want) assert.equal(h, undefined, lang);
        else {
          assert.match(h!.markdown, want, lang);
          assert.ok(h!.start <= offset && offset <= h!.end, 'the span holds the cursor');
        }
      }
    });
});

describe('authoring: hover on a référentiel id', () => {
  const cases: Array<[string, string, RegExp | undefined]> = [
    ['a critère', 'referentiel: CP1|1.4', /\*\*CP11\.4\*\* — .+\n\nCompétence \*\*CP11\*\*/],
    ['a competence', 'competences: [CC|S4]', /\*\*CCS4\*\* — /],
    ['an unknown id says what to do', 'referentiel: CP9|9.1', /n’est pas un identifiant du référentiel TSSR : choisissez/],
    ['anything else', 'title: Sauve|garde', undefined],
  ];
  for (const [name, src, want] of cases)
    it(name, () => {
      const { text, offset } = at(src);
      const h = referentielHover(text, offset, 'fr');
      if (!want) assert.equal(h, undefined);
      else assert.match(h!.markdown, want);
    });
});
