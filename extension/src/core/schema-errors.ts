import type { ErrorObject } from 'ajv';
import localizeFr from 'ajv-i18n/localize/fr';
import { t, type Lang } from './i18n';
import type { YamlSource, Range } from './positions';
import { schemaCheckTypes } from './schemas';

/** One schema problem, located in the YAML source. */
export interface LocatedError { range: Range; message: string; code: string }

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

/** Turns ajv errors into located, localised messages. */
export function locateErrors(errors: ErrorObject[], source: YamlSource, lang: Lang): LocatedError[] {
  const list = precise(errors.map((e) => ({ ...e })));
  if (lang === 'fr') localizeFr(list);
  return list.map((e) => {
    const where = e.instancePath || '/';
    if (e.keyword === 'discriminator') {
      const value = (e.params as { tagValue?: unknown }).tagValue;
      return { range: source.locate(e.instancePath, 'type'), code: 'unknown-check-type', message: t(lang, 'pack.unknownCheckType', String(value), schemaCheckTypes().join(', ')) };
    }
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const message = lang === 'fr' ? `propriété inconnue « ${extra} »` : `unknown property "${extra}"`;
      return { range: source.locate(e.instancePath, extra), code: 'schema', message: `${where}: ${message}` };
    }
    return { range: source.locate(e.instancePath), code: 'schema', message: `${where}: ${e.message ?? e.keyword}` };
  });
}
