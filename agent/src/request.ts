import type { RunRequest } from '../../extension/src/core/generated/protocol';
import { PROTOCOL_MAJOR } from './protocol';

/** Why a request line was refused; becomes a `fatal` line. */
export class RequestError extends Error {
  constructor(readonly code: 'BAD_JSON' | 'BAD_REQUEST' | 'PROTOCOL_MISMATCH', message: string) { super(message); }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses and shape-checks the run request. Check bodies are validated per check by their runners. */
export function parseRequest(line: string): RunRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new RequestError('BAD_JSON', `The request is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(value) || value.event !== 'run') throw new RequestError('BAD_REQUEST', 'Expected a JSON object with "event": "run"');
  if (value.protocol !== PROTOCOL_MAJOR) {
    throw new RequestError('PROTOCOL_MISMATCH', `Protocol ${String(value.protocol)} is not supported; this agent speaks ${PROTOCOL_MAJOR}. Update the extension or the agent so they match.`);
  }
  if (typeof value.runId !== 'string') throw new RequestError('BAD_REQUEST', '"runId" must be a string');
  if (!Array.isArray(value.criteria)) throw new RequestError('BAD_REQUEST', '"criteria" must be an array');
  value.criteria.forEach((c, i) => {
    if (!isObject(c) || typeof c.id !== 'string' || !Array.isArray(c.checks) || !c.checks.every(isObject)) {
      throw new RequestError('BAD_REQUEST', `criteria[${i}] must be {id: string, checks: object[]}`);
    }
  });
  if (value.workspace !== undefined && !Array.isArray(value.workspace)) throw new RequestError('BAD_REQUEST', '"workspace" must be an array');
  return value as unknown as RunRequest;
}
