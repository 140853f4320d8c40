import type { ErrorObject } from 'ajv';
import localizeFr from 'ajv-i18n/localize/fr';
import { t, type Lang } from './i18n';
import type { YamlSource, Range } from './positions';
import { schemaCheckTypes } from './schemas';

/** The schema pattern of displayed texts (common.schema.json): no C0 or C1 control character but tab and newlines. */
const CONTROL_FREE = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$';

/**
 * ajv's own keyword sentences ("must have required property"), not ours: ajv-i18n's French, ajv's built-in English.
 * Keyed by Lang so that a new language is a type error here; our own schema sentences come from the catalogue.
 */
const AJV_WORDS: Record<Lang, ((errors: ErrorObject[]) => void) | undefined> = {
  fr: localizeFr,
  en: undefined,
};

/** One schema problem, located in the YAML source. */
export interface LocatedError {
  range: Range;
  message: string;
  code: string;
}

/** Drops wrapper errors (oneOf/anyOf/if) when a more precise error sits at or under the same path. */
function precise(errors: ErrorObject[]): ErrorObject[] {
  const wrappers = new Set(['oneOf', 'anyOf', 'if']);
  const specific = errors.filter((e) => !wrappers.has(e.keyword));
  const kept = errors.filter((e) => !wrappers.has(e.keyword) || !specific.some((s) => s.instancePath.startsWith(e.instancePath)));
  // Inside a oneOf of alternatives (e.g. text or {fr,en}), "must be string" and "must be object" both fire: keep the first per path.
  const seen = new Set<string>();
  return kept.filter((e) => {
    const k = `${e.instancePath}|${e.keyword === 'type' ? 'type' : e.keyword + JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The value at an ajv instancePath, to quote it in a message. */
function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (v, seg) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
      root,
    );
}

/** A control character in a text, shown as U+XXXX. */
function firstControl(value: unknown): string {
  const m = typeof value === 'string' ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(value) : null;
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : '(NUL, ESC…)';
}

/** Turns ajv errors into located, localised messages; `value` (the validated data) lets messages quote the culprit. */
export function locateErrors(errors: ErrorObject[], source: YamlSource, lang: Lang, value?: unknown): LocatedError[] {
  const list = precise(errors.map((e) => ({ ...e })));
  AJV_WORDS[lang]?.(list);
  const seen = new Set<string>();
  return list
    .map((e): LocatedError => {
      const where = e.instancePath || '/';
      if (e.keyword === 'discriminator') {
        const value = (e.params as { tagValue?: unknown }).tagValue;
        return {
          range: source.locate(e.instancePath, 'type'),
          code: 'unknown-check-type',
          message: t(lang, 'pack.unknownCheckType', String(value), schemaCheckTypes().join(', ')),
        };
      }
      if (e.keyword === 'additionalProperties') {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        return { range: source.locate(e.instancePath, extra), code: 'schema', message: `${where}: ${t(lang, 'schema.unknownProperty', extra)}` };
      }
      if (e.keyword === 'pattern' && (e.params as { pattern: string }).pattern === CONTROL_FREE) {
        return {
          range: source.locate(e.instancePath),
          code: 'control-char',
          message: `${where}: ${t(lang, 'pack.controlChar', firstControl(valueAt(value, e.instancePath)))}`,
        };
      }
      if (/\/exec\/0$/.test(e.instancePath) && e.keyword === 'minLength') {
        return { range: source.locate(e.instancePath), code: 'empty-program', message: `${where}: ${t(lang, 'pack.emptyProgram')}` };
      }
      const culprit = valueAt(value, e.instancePath);
      if (typeof culprit === 'number' && !Number.isFinite(culprit)) {
        return {
          range: source.locate(e.instancePath),
          code: 'not-finite',
          message: `${where}: ${t(lang, 'pack.notFinite', Number.isNaN(culprit) ? '.nan' : culprit > 0 ? '.inf' : '-.inf')}`,
        };
      }
      return { range: source.locate(e.instancePath), code: 'schema', message: `${where}: ${e.message ?? e.keyword}` };
    })
    .filter((l) => {
      // Two keywords can say the same thing of one value (NaN breaks both bounds): say it once.
      const key = `${l.range.line}:${l.range.col}|${l.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
