import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reasons, renderReason } from '../../extension/src/core/i18n/reasons';
import type { CheckContext, Outcome } from '../../agent/src/context';
import { script } from '../../agent/src/checks/script';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { expectText, fromTextMatcher } from '../../agent/src/sandbox/expect-text';
import { insideSandbox, scriptArgv, sourcePath } from '../../agent/src/sandbox/script-source';
import { asUserArgv, cleanEnv } from '../../agent/src/sandbox/spawn-as';
import { fakeSystem } from '../helpers/fake-system';

const regex = new RegexEngine();
after(() => regex.dispose());

describe('script check: the parts that decide before anything runs', () => {
  const cases: Array<[string, string, string | undefined, string[]]> = [
    ['#! with an argument', '#!/usr/bin/env bash\necho', undefined, ['/usr/bin/env', 'bash', '/s', 'a']],
    ['#! with blanks', '#!  /bin/bash  -e \n', undefined, ['/bin/bash', '-e', '/s', 'a']],
    ['no #!: /bin/sh', 'echo hi\n', undefined, ['/bin/sh', '/s', 'a']],
    ['an empty #!: /bin/sh', '#!\n', undefined, ['/bin/sh', '/s', 'a']],
    ['the interpreter given wins', '#!/bin/bash\n', 'python3', ['python3', '/s', 'a']],
  ];
  for (const [name, text, interpreter, argv] of cases) {
    it(`argv: ${name}`, () => assert.deepEqual(scriptArgv('/s', Buffer.from(text), interpreter, ['a']), argv));
  }

  it('paths from the pack stay in the workspace; sandbox paths stay in the sandbox', () => {
    assert.equal(sourcePath('/ws', 'scripts/s.sh'), '/ws/scripts/s.sh');
    assert.equal(sourcePath('/ws', '/usr/local/bin/s'), '/usr/local/bin/s');
    assert.equal(sourcePath('/ws', '../etc/shadow'), undefined);
    assert.equal(insideSandbox('/box', 'out/r.txt'), '/box/out/r.txt');
    for (const bad of ['../x', '/etc/passwd', '.']) assert.equal(insideSandbox('/box', bad), undefined, bad);
  });

  it('text matchers of command checks map onto the generic matchers', () => {
    assert.deepEqual(fromTextMatcher('ok'), { contains: 'ok' });
    assert.deepEqual(fromTextMatcher({ notContains: 'x' }), { not: { contains: 'x' } });
    assert.deepEqual(fromTextMatcher({ notMatches: '^E' }), { not: { matches: '^E' } });
    assert.deepEqual(fromTextMatcher({ equals: 'a' }), { equals: 'a' });
  });

  it("the environment is built from nothing; runAs goes through setpriv with the user's groups when present", () => {
    assert.deepEqual(Object.keys(cleanEnv('/box', { X: '1' })).sort(), ['HOME', 'LANG', 'PATH', 'X']);
    const as = asUserArgv(['/bin/sh', 's'], { name: 'alice', uid: 1001, gid: 1001 });
    assert.ok(as.argv.includes('--init-groups') ? as.argv.slice(-2).join(' ') === '/bin/sh s' : as.uid === 1001);
    assert.deepEqual(asUserArgv(['/bin/sh'], undefined), { argv: ['/bin/sh'] });
  });

  const passwd = [{ name: 'alice', uid: 1001, gid: 1001, home: '/home/alice', shell: '/bin/bash', line: 3 }];
  const runs: Array<[string, Record<string, unknown>, string[], string]> = [
    [
      'a missing script fails',
      { script: 'nope.sh', stdout: ['x'], creates: ['a'] },
      ['script:fail', 'exitStatus:skip', 'stdout[0]:skip', 'creates[0]:skip'],
      'script.missing',
    ],
    ['a script outside the workspace is refused', { script: '../../etc/x' }, ['script:error', 'exitStatus:skip'], 'script.outsideWorkspace'],
    [
      'an unknown runAs user is an error',
      { script: 'x.sh', runAs: 'mallory', idempotent: true },
      ['script:error', 'exitStatus:skip', 'idempotent:skip'],
      'script.unknownUser',
    ],
  ];
  for (const [name, check, summary, code] of runs) {
    it(name, async function () {
      if (check.runAs && process.getuid?.() !== 0) this.skip();
      // A workspace folder that does not exist: nothing here may get as far as running.
      const outcomes: Outcome[] = [];
      await script({ type: 'script', ...check } as never, {
        cwd: '/nonexistent-tssr-ws',
        signal: new AbortController().signal,
        timeoutMs: 5000,
        report: (o) => outcomes.push(o),
        regex,
        system: fakeSystem({ passwd }),
      });
      const got = outcomes.map((o) => `${o.property}:${o.status}`);
      assert.deepEqual(got, summary);
      assert.equal(outcomes[0].reason?.code, code);
    });
  }
});

describe('script check: output matchers on capped text', () => {
  const ctx = (out: Outcome[]): CheckContext => ({
    cwd: '/',
    signal: new AbortController().signal,
    timeoutMs: 5000,
    report: (o) => out.push(o),
    regex,
    system: fakeSystem({}),
  });
  const cases: Array<[string, unknown, string, boolean, string]> = [
    ['contains on whole text', ['b'], 'a\nb\n', false, 'pass'],
    ['one trailing newline ignored by equals', { equals: 'ok' }, 'ok\n', false, 'pass'],
    ['a miss', ['z'], 'a\nb\n', false, 'fail'],
    ['a find in cut text still passes', ['a'], 'aaa', true, 'pass'],
    ['a miss in cut text is unknown', ['z'], 'aaa', true, 'error'],
    ['an absence in cut text is unknown', [{ notContains: 'z' }], 'aaa', true, 'error'],
    ['equals on cut text is unknown', { equals: 'aaa' }, 'aaa', true, 'error'],
    ['a matcher operator', { matches: '^b$' }, 'a\nb', false, 'pass'],
  ];
  for (const [name, matchers, text, cut, status] of cases) {
    it(name, async () => {
      const out: Outcome[] = [];
      await expectText(ctx(out), 'stdout', matchers as never, { text, truncatedAt: cut ? 3 : undefined });
      assert.equal(out.length, 1);
      assert.equal(out[0].status, status, JSON.stringify(out[0]));
    });
  }
});

describe('the reasons of script, backup and run control are worded in both languages', () => {
  it('every code the agent sends from these files has a French and an English sentence', () => {
    const files = ['checks/script.ts', 'checks/backup.ts', 'sandbox/script-source.ts', 'sandbox/expect-text.ts', 'plan.ts'];
    const codes = new Set(
      files.flatMap((f) => [...readFileSync(join(__dirname, '../../../agent/src', f), 'utf8').matchAll(/because\('([a-z][\w.]*)'/g)].map((m) => m[1])),
    );
    assert.ok(codes.size >= 25, `only ${codes.size} codes found`);
    for (const code of codes) {
      assert.ok(reasons[code]?.fr && reasons[code]?.en, `no wording for ${code}`);
    }
  });
  it('a skipped dependent says which prerequisite, in French', () => {
    const text = renderReason('fr', { code: 'skipped', params: { why: { code: 'needs.checkNotPassed', params: { check: 'nginx-actif' } } } });
    assert.equal(text, 'Non évalué : la vérification préalable nginx-actif n’est pas réussie : corrigez-la d’abord');
  });
});
