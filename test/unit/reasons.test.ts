import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { reasons, renderReason } from '../../extension/src/core/i18n/reasons';
import { ROOT } from '../helpers/paths';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The text from `open` (a `{` or `(`) to its matching closer; strings are not special-cased (reason params hold none with braces). */
function balanced(text: string, open: number): string {
  const closer = text[open] === '{' ? '}' : ')';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === text[open]) depth++;
    else if (text[i] === closer && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/** One place the agent builds a reason: the codes its first argument may take, and the param names of a literal second argument. */
interface Site {
  where: string;
  codes: string[];
  params?: Set<string>;
}

/** Every `because(…)` (and the request parser's `bad(…)`/`refuse(…)`) of the agent sources, with literal codes. */
function sites(): Site[] {
  const out: Site[] = [];
  for (const file of sources(join(ROOT, 'agent/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:because|bad|refuse)\(/g)) {
      const call = balanced(text, m.index! + m[0].length - 1).slice(1, -1);
      if (call.startsWith('code:')) continue; // the helpers' own declarations
      const comma = call.search(/,\s*\{/);
      const first = comma < 0 ? call : call.slice(0, comma);
      // Literals the code is picked among; a literal compared to (`init === 'systemd' ? …`) is no code.
      const codes = [...first.matchAll(/(?<![=!]==\s*)'([a-z][A-Za-z0-9.]*)'/g)].map((c) => c[1]);
      if (!codes.length) continue;
      let object = comma < 0 ? undefined : balanced(call, call.indexOf('{', comma));
      // A spread of a variable (`{ ...where, oid }`) sends keys this scan cannot see: its params are not checked.
      if (object !== undefined && /\.\.\.\s*[A-Za-z_]/.test(object)) object = undefined;
      // Keys written `key:` or as shorthand `key,`/`key }`, at any depth (a conditional spread adds its keys too).
      const params = object === undefined ? undefined : new Set([...object.matchAll(/[{,]\s*(?:\.\.\.\([^?]*\?\s*\{\s*)?(\w+)\s*(?=[:,}])/g)].map((k) => k[1]));
      out.push({ where: `${relative(ROOT, file)}: ${m[0]}${first}`, codes, params });
    }
  }
  return out;
}

/** Codes picked from a table rather than written in a call (e.g. the http probe's failures): dotted literals anywhere. */
function dottedCodes(): string[] {
  const all = sources(join(ROOT, 'agent/src')).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/'([a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*)'/g)].map((m) => m[1]),
  );
  // Only literals in a code family the catalogue knows (`snmp.…`); file names such as 'snmp.conf' are no codes.
  const families = new Set(
    Object.keys(reasons)
      .filter((k) => k.includes('.'))
      .map((k) => k.split('.')[0]),
  );
  const fileNames = /^[a-z]+\.(conf|cnf|notice|json|yaml|ya?ml|txt|pem|log|sh|d)$/;
  return [...new Set(all)].filter((c) => families.has(c.split('.')[0]) && !fileNames.test(c));
}

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

describe('reason catalogue', () => {
  const found = sites();

  it('finds the agent’s reasons (the scan itself works)', () => {
    assert.ok(found.length > 40, `${found.length} sites`);
    assert.ok(found.some((s) => s.codes.includes('file.missing') && s.params?.has('path')));
  });

  it('has an entry for every code the agent sends (a typo fails here)', () => {
    const codes = new Set([...found.flatMap((s) => s.codes), ...dottedCodes()]);
    const missing = [...codes].filter((c) => !reasons[c]).sort();
    assert.deepEqual(missing, []);
  });

  it('each entry names only params its call sites send, in both languages', () => {
    const bad: string[] = [];
    for (const s of found) {
      if (!s.params) continue;
      for (const code of s.codes) {
        for (const lang of ['fr', 'en'] as const) {
          const extra = placeholders(reasons[code]?.[lang] ?? '').filter((p) => !s.params!.has(p));
          if (extra.length) bad.push(`${s.where} (${code}, ${lang}): {${extra.join('}, {')}} not sent`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  // Codes built from a table or a variable, where no literal params sit beside them: their sample params.
  const samples: Record<string, Record<string, unknown>> = {
    'http.tooManyRedirects': { url: 'http://h/loop', error: 'ERR_TOO_MANY_REDIRECTS', max: 10 },
    'http.badRedirect': { url: 'ftp://h/', error: 'ERR_REDIRECT_PROTOCOL', max: 10 },
    'http.noResponse': { url: 'http://h/', error: 'ECONNREFUSED', max: 10 },
    'http.untrustedCert': { url: 'https://h/', error: 'DEPTH_ZERO_SELF_SIGNED_CERT', max: 10 },
    skipped: { why: { code: 'user.missing', params: { name: 'bob' } } },
  };
  for (const [code, params] of Object.entries(samples)) {
    it(`renders ${code} with no placeholder left`, () => {
      for (const lang of ['fr', 'en'] as const) {
        const text = renderReason(lang, { code, params });
        assert.doesNotMatch(text, /\{\w+\}/, `${lang}: ${text}`);
        assert.ok(!text.startsWith(code), `${lang}: ${code} has no entry`);
      }
    });
  }

  it('French and English differ for every entry (no copy left untranslated), each filled in', () => {
    const same = Object.entries(reasons)
      .filter(([, e]) => !e.fr || !e.en || (e.fr === e.en && /[a-z]{4}/.test(e.fr)))
      .map(([c]) => c);
    assert.deepEqual(same, []);
  });
});
