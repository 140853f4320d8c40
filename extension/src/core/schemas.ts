import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import checkSchema from '../../../schemas/check.schema.json';
import commonSchema from '../../../schemas/common.schema.json';
import exerciseSchema from '../../../schemas/exercise.schema.json';
import packSchema from '../../../schemas/pack.schema.json';
import protocolSchema from '../../../schemas/protocol.schema.json';
import reportSchema from '../../../schemas/report.schema.json';

/** The schemas, as loaded from schemas/ (the single source of truth). */
export const SCHEMAS = { common: commonSchema, check: checkSchema, exercise: exerciseSchema, pack: packSchema, protocol: protocolSchema, report: reportSchema };

let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: false });
    addFormats(ajv);
    for (const s of Object.values(SCHEMAS)) ajv.addSchema(s);
  }
  return ajv;
}

/** A compiled validator for a schema or one of its $defs, e.g. `protocol.schema.json#/$defs/AgentEvent`. */
export function validator(ref: string): ValidateFunction {
  let v = cache.get(ref);
  if (!v) {
    v = instance().getSchema(ref);
    if (!v) throw new Error(`unknown schema ${ref}`);
    cache.set(ref, v);
  }
  return v;
}

/** Validates a value; returns ajv's errors or an empty list. */
export function validate(ref: string, value: unknown): ErrorObject[] {
  const v = validator(ref);
  return v(value) ? [] : [...(v.errors ?? [])];
}

/** Check types declared in the check schema's oneOf. */
export function schemaCheckTypes(): string[] {
  return Object.values(checkSchema.$defs)
    .map((d) => (d as { properties?: { type?: { const?: string } } }).properties?.type?.const)
    .filter((x): x is string => typeof x === 'string')
    .sort();
}
