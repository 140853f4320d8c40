import assert from 'node:assert/strict';
import { argvLang, commanderError } from '../../extension/src/cli/commander-text';
import { main } from '../../extension/src/cli/main';

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
    ["error: unknown command 'chek'\n(Did you mean check?)", /commande inconnue chek : les commandes sont/, /unknown command chek: the commands are/],
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
});
