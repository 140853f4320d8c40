import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Check, Result } from '../../schemas/generated/types';
import type { Outcome } from '../../agent/src/context';
import { registry } from '../../agent/src/registry';
import { RegexEngine } from '../../agent/src/matchers/regex';
import { reasons } from '../../extension/src/core/i18n/reasons';
import type { Lang } from '../../extension/src/core/i18n';
import { describeFailure } from '../../extension/src/core/learner/failure';
import { fakeSystem, runOn } from '../helpers/fake-system';
import { ROOT } from '../helpers/paths';

const regex = new RegexEngine();
after(() => regex.dispose());

/** Every attribute name a pack or the protocol spells in camelCase (`exitStatus`, `runAs`, `caFile`, `workspaceFiles`…). */
function schemaKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v && typeof v === 'object') Object.keys(v).forEach((name) => /[a-z][A-Z]/.test(name) && keys.add(name));
      walk(v);
    }
  };
  const files = [
    ...readdirSync(join(ROOT, 'schemas/checks')).map((f) => join('schemas/checks', f)),
    'schemas/exercise.schema.json',
    'schemas/pack.schema.json',
    'schemas/protocol.schema.json',
  ];
  for (const f of files.filter((x) => x.endsWith('.json'))) walk(JSON.parse(readFileSync(join(ROOT, f), 'utf8')));
  return keys;
}
// An LDAP attribute the learner writes in the directory, also the name of a pack attribute: domain words stay.
const DOMAIN_WORDS = new Set(['memberOf']);
const KEYS = new Set([...schemaKeys()].filter((k) => !DOMAIN_WORDS.has(k)));

/** Every text inside a value (a check, reason params): names the learner may read as they are (tssr.lan, utilisateurs.csv). */
function textsIn(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [String(v)];
  if (!v || typeof v !== 'object') return [];
  return Object.values(v).flatMap(textsIn);
}

/** Every rule a learner's sentence obeys: one line, no JSON, no braces, no ⏎, no regex source, no property key. */
function assertLearnerText(sentence: string, r: Result, where: string, check?: Check): void {
  assert.ok(sentence.trim().length > 3, `${where}: empty sentence`);
  assert.doesNotMatch(sentence, /\n/, `${where}: several lines: ${sentence}`);
  assert.doesNotMatch(sentence, /[{}⏎]/, `${where}: braces or ⏎: ${sentence}`);
  assert.doesNotMatch(sentence, /"\w+"\s*:|\[object |undefined|NaN|\bnull\b/, `${where}: raw data: ${sentence}`);
  for (const re of regexesIn(r.expected)) assert.ok(!sentence.includes(re), `${where}: regex ${re} in: ${sentence}`);
  // The names of things (paths, hosts, keys of a config file) stay; what remains must hold no key of the pack.
  const values = [...textsIn(check), ...textsIn(r.reason?.params)].filter((x) => x.length > 2 && !regexesIn(r.expected).includes(x));
  const rest = values.sort((a, b) => b.length - a.length).reduce((s, v) => s.split(v).join(' '), sentence);
  if (/[[.]/.test(r.property)) assert.ok(!rest.includes(r.property), `${where}: property ${r.property} in: ${sentence}`);
  const key = rest.match(/[A-Za-z]+/g)?.find((w) => KEYS.has(w));
  assert.equal(key, undefined, `${where}: pack key ${key} in: ${sentence}`);
}

/** Regex sources anywhere in a matcher. */
function regexesIn(m: unknown): string[] {
  if (typeof m !== 'object' || m === null) return [];
  return Object.entries(m).flatMap(([k, v]) => (k === 'matches' || k === 'notMatches' ? [String(v)] : regexesIn(v)));
}

/** Plausible params for any reason template: each placeholder gets a value of the kind it names. */
function paramsFor(template: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
    params[name] =
      name === 'property'
        ? 'stdout[0]'
        : name === 'expected'
          ? { matches: '^Usage ?: .*sauvegarde$' }
          : name === 'actual'
            ? 'Usage: tar [OPTION...]\nGNU tar saves many files'
            : name === 'why'
              ? { code: 'file.missing', params: { path: '/etc/ssh/sshd_config' } }
              : name === 'pattern'
                ? '^sshd\\[[0-9]+\\]: Accepted'
                : /count|size|limit|rows|Ms|Hours|Days|port|uid|gid|first|second/i.test(name)
                  ? 3
                  : name === 'path' || name === 'file' || name === 'source'
                    ? '/etc/ssh/sshd_config'
                    : `val-${name.toLowerCase()}`;
  }
  return params;
}

const base = { event: 'result' as const, criterionId: 'c', checkIndex: 0, durationMs: 1 };
const langs: Lang[] = ['fr', 'en'];

describe('learner sentences: every reason code, both languages', () => {
  // request.* and run.* reasons are the agent's answer to a malformed request: a run error, never a learner's result.
  for (const [code, entry] of Object.entries(reasons)) {
    if (code === 'pass' || /^(request|run)\./.test(code)) continue;
    it(code, () => {
      for (const lang of langs) {
        const params = paramsFor(entry.fr + entry.en);
        const r: Result = {
          ...base,
          checkType: code.split('.')[1] ? code.split('.')[0] : 'file',
          property: 'stdout[0]',
          status: 'fail',
          reason: { code, params },
        };
        const f = describeFailure(r, [], { lang });
        assertLearnerText(f.sentence, { ...r, expected: params.expected }, `${code}/${lang}`);
      }
    });
  }
});

/** The check types' documented examples (schemas/checks/*.schema.json). */
function examples(): Check[] {
  const dir = join(ROOT, 'schemas/checks');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json') && f !== 'common.schema.json')
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { examples?: Check[] }).examples ?? []);
}

const ASSERTED = new Set(
  (
    'activeSince addrs backend carrier count device enabled exists exitStatus expiresInDays filesystem filetype finalUrl gateway gid group groups home ' +
    'idempotent installed issuer keyMatches linkedTo listening mac masked maxAgeHours members metric mode mtu opts owner reachable readableBy redirects ' +
    'resolvable rowCount rows running san selfSigned sha256 shell size source state status subject trusted uid usage user valid value values walk ' +
    'writableBy executableBy stdout stderr contents body headers locked maxDays minDays warnDays expires passwordHash versions schedule attributes permissions'
  ).split(' '),
);

/** A value found that differs from the expected one, of the same kind. */
function other(v: unknown): unknown {
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'string') return 'autre-valeur';
  if (Array.isArray(v)) return [];
  if (v && typeof v === 'object') return other(Object.values(v)[0]);
  return null;
}

/** One mismatch per asserted attribute of an example, as the agent reports it (text lists indexed, maps dotted). */
function mismatches(c: Check): Result[] {
  const out: Result[] = [];
  const push = (property: string, expected: unknown, actual: unknown): void => {
    out.push({ ...base, checkType: c.type, property, status: 'fail', expected, actual, reason: { code: 'mismatch', params: { property, expected, actual } } });
  };
  for (const [k, v] of Object.entries(c)) {
    if (!ASSERTED.has(k)) continue;
    if (['stdout', 'stderr', 'contents', 'headers'].includes(k) && Array.isArray(v))
      v.forEach((m, i) => push(`${k}[${i}]`, typeof m === 'string' ? { contains: m } : m, 'Usage: tar [OPTION...]\nligne 2'));
    else if (k === 'attributes' && v && typeof v === 'object') Object.entries(v).forEach(([a, m]) => push(`attributes.${a}`, m, other(m)));
    else if (k === 'permissions' && v && typeof v === 'object')
      Object.entries(v).forEach(([who, bits]) => Object.entries(bits as object).forEach(([bit, want]) => push(`permissions.${who}.${bit}`, want, !want)));
    else push(k, v, other(v));
  }
  return out;
}

describe('learner sentences: a wrong value for every asserted attribute of every check type’s example', () => {
  for (const c of examples()) {
    it(`${c.type}: ${mismatches(c)
      .map((r) => r.property)
      .join(', ')}`, () => {
      for (const r of mismatches(c))
        for (const lang of langs) {
          const f = describeFailure(r, [], { lang, check: c });
          assertLearnerText(f.sentence, r, `${c.type}.${r.property}/${lang}`, c);
        }
    });
  }
});

// Types that read the real disk or spawn processes: their failures come from the sample exercise's real run below.
const REAL_IO = new Set(['command', 'script', 'file', 'backup', 'lint']);

describe('learner sentences: every agent check type’s example on an empty machine', () => {
  const failing = new Set<string>();
  after(() => assert.ok(failing.size >= 15, `only ${failing.size} types failed on an empty machine`));
  for (const c of examples().filter((x) => !REAL_IO.has(x.type))) {
    it(`${c.type} on a machine that has nothing`, async () => {
      const runner = registry[c.type as keyof typeof registry] as unknown as Parameters<typeof runOn<Check>>[0];
      const { outcomes } = await runOn(runner, c, fakeSystem({}), regex);
      const failed = outcomes.filter((o: Outcome) => o.status !== 'pass');
      if (failed.length) failing.add(c.type);
      for (const o of failed)
        for (const lang of langs) {
          const r = { ...base, checkType: c.type, ...o } as Result;
          assertLearnerText(describeFailure(r, [], { lang, check: c }).sentence, r, `${c.type}.${o.property}/${lang}`, c);
        }
    });
  }
});
