import type { ErrorObject, ValidateFunction } from 'ajv';
import checkSchema from '../../../schemas/check.schema.json';
import commonSchema from '../../../schemas/common.schema.json';
import exerciseSchema from '../../../schemas/exercise.schema.json';
import packSchema from '../../../schemas/pack.schema.json';
import protocolSchema from '../../../schemas/protocol.schema.json';
import reportSchema from '../../../schemas/report.schema.json';
import { CHECK_SCHEMAS } from './check-schemas';
import type * as Generated from './generated-validators';

/** The schemas, as loaded from schemas/ (the single source of truth); `checks` holds one per check type. */
export const SCHEMAS = {
  common: commonSchema,
  check: checkSchema,
  checks: CHECK_SCHEMAS,
  exercise: exerciseSchema,
  pack: packSchema,
  protocol: protocolSchema,
  report: reportSchema,
};

let loaded: Record<string, ValidateFunction | undefined> | undefined;
/**
 * Standalone ajv code, compiled from schemas/ at build time by scripts/gen-validators.mjs (gitignored output): a run
 * compiles no schema, and the bundle carries no ajv compiler. Required on first use: a megabyte of code that the
 * editor's activation and a CLI command without validation do not need.
 */
function compiled(): Record<string, ValidateFunction | undefined> {
  return (loaded ??= (require('./generated-validators') as typeof Generated).VALIDATORS as unknown as Record<string, ValidateFunction | undefined>);
}

/** A compiled validator for a schema or one of its $defs, e.g. `protocol.schema.json#/$defs/AgentEvent`. */
export function validator(ref: string): ValidateFunction {
  const v = compiled()[ref];
  if (!v) throw new Error(`unknown schema ${ref}: add it to the refs of scripts/gen-validators.mjs`);
  return v;
}

/** Validates a value; returns ajv's errors or an empty list. */
export function validate(ref: string, value: unknown): ErrorObject[] {
  const v = validator(ref);
  return v(value) ? [] : [...(v.errors ?? [])];
}

/** Check types declared in the check schema's oneOf, each read from the `type` const of its schemas/checks/ file. */
export function schemaCheckTypes(): string[] {
  const byId = new Map<string, unknown>(CHECK_SCHEMAS.map((s) => [s.$id, s]));
  return checkSchema.oneOf
    .map((r) => byId.get(r.$ref) as { properties?: { type?: { const?: string } } } | undefined)
    .map((d) => d?.properties?.type?.const)
    .filter((x): x is string => typeof x === 'string')
    .sort();
}
