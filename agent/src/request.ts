import type { Fatal, RunRequest } from '../../schemas/generated/types';
import { MAX_CONCURRENCY, MAX_TIMEOUT_MS, MAX_WORKSPACE_BYTES, MAX_WORKSPACE_FILES } from './limits';
import { PROTOCOL_MAJOR } from './protocol';

/** Why a request line was refused; becomes a `fatal` line. */
export class RequestError extends Error {
  constructor(readonly code: Fatal['code'], message: string) { super(message); }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(message: string): never {
  throw new RequestError('BAD_REQUEST', message);
}

/** An optional integer field within [min, max], or a BAD_REQUEST naming the field and the range. */
function checkInteger(value: Record<string, unknown>, key: string, min: number, max: number): void {
  const v = value[key];
  if (v === undefined) return;
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) {
    bad(`"${key}" must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks the workspace entries: relative paths inside the folder, base64 contents, a total size cap. */
function checkWorkspace(entries: unknown): void {
  if (entries === undefined) return;
  const refuse = (message: string): never => { throw new RequestError('BAD_WORKSPACE', message); };
  if (!Array.isArray(entries)) refuse('"workspace" must be an array of {path, contentBase64, mode?}');
  const list = entries as unknown[];
  if (list.length > MAX_WORKSPACE_FILES) refuse(`the workspace has ${list.length} files; the limit is ${MAX_WORKSPACE_FILES}`);
  let total = 0;
  list.forEach((f, i) => {
    const at = `workspace[${i}]`;
    if (!isObject(f)) return refuse(`${at} must be an object {path, contentBase64, mode?}`);
    const path = f.path;
    if (typeof path !== 'string' || path === '') return refuse(`${at}.path must be a non-empty string`);
    if (path.includes('\0')) refuse(`${at}.path contains a NUL byte`);
    if (path.startsWith('/')) refuse(`${at}.path "${path}" is absolute; give a path relative to the workspace`);
    if (path.split('/').some((s) => s === '..')) refuse(`${at}.path "${path}" leaves the workspace folder ("..")`);
    if (typeof f.contentBase64 !== 'string' || !BASE64.test(f.contentBase64)) refuse(`${at}.contentBase64 must be a base64 string`);
    const mode = f.mode as number | undefined;
    if (mode !== undefined && (!Number.isInteger(mode) || mode < 0 || mode > 0o7777)) refuse(`${at}.mode must be an integer file mode (0 to 0o7777)`);
    total += Math.floor(((f.contentBase64 as string).length * 3) / 4);
    if (total > MAX_WORKSPACE_BYTES) refuse(`the workspace files exceed ${MAX_WORKSPACE_BYTES} bytes; send fewer or smaller files`);
  });
}

/** Parses and shape-checks the run request. Check bodies are validated per check by their runners. */
export function parseRequest(line: string): RunRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new RequestError('BAD_JSON', `The request is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(value) || value.event !== 'run') bad('Expected a JSON object with "event": "run"');
  if (value.protocol !== PROTOCOL_MAJOR) {
    throw new RequestError('PROTOCOL_MISMATCH', `Protocol ${String(value.protocol)} is not supported; this agent speaks ${PROTOCOL_MAJOR}. Update the extension or the agent so they match.`);
  }
  if (typeof value.runId !== 'string') bad('"runId" must be a string');
  if (value.lang !== undefined && value.lang !== 'fr' && value.lang !== 'en') bad(`"lang" must be "fr" or "en", got ${JSON.stringify(value.lang)}`);
  checkInteger(value, 'concurrency', 1, MAX_CONCURRENCY);
  checkInteger(value, 'defaultTimeoutMs', 1, MAX_TIMEOUT_MS);
  if (!Array.isArray(value.criteria)) bad('"criteria" must be an array');
  value.criteria.forEach((c, i) => {
    if (!isObject(c) || typeof c.id !== 'string' || !Array.isArray(c.checks) || !c.checks.every(isObject)) {
      bad(`criteria[${i}] must be {id: string, checks: object[]}`);
    }
    if (c.checkIndexes !== undefined && (!Array.isArray(c.checkIndexes) || !c.checkIndexes.every((n) => Number.isInteger(n) && n >= 0))) {
      bad(`criteria[${i}].checkIndexes must be an array of non-negative integers`);
    }
  });
  checkWorkspace(value.workspace);
  return value as unknown as RunRequest;
}
