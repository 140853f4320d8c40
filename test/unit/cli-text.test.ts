import assert from 'node:assert/strict';
import { argvLang, commanderError } from '../../extension/src/cli/commander-text';
import { main } from '../../extension/src/cli/main';
import { spawnSync } from 'node:child_process';
import { CLI } from '../helpers/paths';

describe('CLI text in the run’s language', () => {
  const argvCases: Array<[string[], string | undefined]> = [
    [['check', 'x'], undefined],
    [['--lang', 'en', 'check', 'x'], 'en'],
    [['check', 'x', '--lang=fr'], 'fr'],
    [['--lang'], undefined],
  ];
  for (const [argv, want] of argvCases) it(`reads --lang from ${JSON.stringify(argv)} → ${want}`, () => assert.equal(argvLang(argv), want));

  const errors: Array<[string, RegExp, RegExp]> = [
    ["error: unknown option '--bogus'", /option inconnue --bogus : voyez tssr-lab --help/, /unknown option --bogus: see tssr-lab --help/],
    [
      "error: unknown command 'chek'\n(Did you mean check?)",
      /commande inconnue chek : voyez la liste des commandes avec --help \(vouliez-vous dire check \?\)/,
      /unknown command chek: see the list of commands with --help \(did you mean check\?\)/,
    ],
    ["error: missing required argument 'exercise'", /argument exercise manquant/, /missing argument exercise/],
    [
      "error: option '-f, --format <format>' argument 'yaml' is invalid. Allowed choices are text, json, junit.",
      /valeur « yaml » refusée pour -f, --format <format> : valeurs possibles text, json, junit/,
      /value "yaml" refused/,
    ],
  ];
  for (const [raw, fr, en] of errors) {
    it(`words commander's "${raw.split('\n')[0]}" in French and English`, () => {
      assert.match(commanderError(raw, 'fr'), fr);
      assert.match(commanderError(raw, 'en'), en);
    });
  }

  it('prints its help in French by default and in English with --lang en', async () => {
    const env = process.env.TSSR_LAB_LANG;
    process.env.TSSR_LAB_LANG = 'fr';
    try {
      for (const [argv, want, not] of [
        [
          ['check', '--help'],
          /Utilisation :.*clé privée SSH.*valeurs possibles :\s+"text",\s+"json",\s+"junit",\s+par\s+défaut :\s+"text"/s,
          /SSH private key|choices:|default:/,
        ],
        [['--lang', 'en', 'check', '--help'], /Usage:.*SSH private key/s, /Utilisation/],
      ] as const) {
        const lines: string[] = [];
        assert.equal(
          await main(
            [...argv],
            (s) => lines.push(s),
            (s) => lines.push(s),
          ),
          0,
        );
        assert.match(lines.join('\n'), want);
        assert.doesNotMatch(lines.join('\n'), not);
      }
    } finally {
      if (env === undefined) delete process.env.TSSR_LAB_LANG;
      else process.env.TSSR_LAB_LANG = env;
    }
  });
  it('speaks French by default and English with --lang en, LANG=en or TSSR_LAB_LANG=en: help, usage errors, nested commands', function () {
    this.timeout(60_000);
    const run = (args: string[], env: Record<string, string> = {}) => {
      const clean = { ...process.env };
      for (const k of ['LANG', 'LC_ALL', 'TSSR_LAB_LANG']) delete clean[k];
      return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...clean, ...env } });
    };
    const english = /\b(display help|output the version|error:|Usage:|Options:|Commands:|missing required|unknown option)\b/;
    for (const args of [['--help'], ['pack', '--help'], ['check', '--help']]) {
      const fr = run(args);
      assert.equal(fr.status, 0);
      assert.match(fr.stdout, /Utilisation :/);
      assert.doesNotMatch(fr.stdout, english, fr.stdout);
    }
    for (const [args, fr] of [
      [['pack', 'test'], /^tssr-lab: argument pack manquant/],
      [['chek'], /^tssr-lab: commande inconnue chek .*vouliez-vous dire check/],
      [['check', 'x', '--bogus'], /^tssr-lab: option inconnue --bogus/],
    ] as const) {
      const r = run([...args]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, fr);
      assert.doesNotMatch(r.stderr, english);
    }
    assert.match(run(['--lang', 'en', '--help']).stdout, /Usage:.*Commands:/s);
    assert.match(run(['pack', 'test'], { LANG: 'en_GB.UTF-8' }).stderr, /^tssr-lab: missing argument pack/);
    assert.match(run(['chek'], { TSSR_LAB_LANG: 'en' }).stderr, /unknown command chek.*did you mean check\?/);
  });
});
