import type { Fatal, RunRequest } from '../../schemas/generated/types';
import { MAX_CONCURRENCY, MAX_TIMEOUT_MS, MAX_WORKSPACE_BYTES, MAX_WORKSPACE_FILES } from './limits';
import { PROTOCOL_MAJOR } from './protocol';
import { because, type Reason } from './reason';

/** Why a request line was refused; becomes a `fatal` line carrying the reason. */
export class RequestError extends Error {
  constructor(
    readonly code: Fatal['code'],
    readonly reason: Reason,
  ) {
    super(reason.code);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bad(code: string, params?: Record<string, unknown>): never {
  throw new RequestError('BAD_REQUEST', because(code, params));
}

/** An optional integer field within [min, max], or a BAD_REQUEST naming the field and the range. */
function checkInteger(value: Record<string, unknown>, key: string, min: number, max: number): void {
  const v = value[key];
  if (v === undefined) return;
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) bad('request.badInteger', { key, min, max, actual: v });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks the workspace entries: relative paths inside the folder, base64 contents, a total size cap. */
function checkWorkspace(entries: unknown): void {
  if (entries === undefined) return;
  const refuse = (code: string, params?: Record<string, unknown>): never => {
    throw new RequestError('BAD_WORKSPACE', because(code, params));
  };
  if (!Array.isArray(entries)) refuse('request.workspaceNotArray');
  const list = entries as unknown[];
  if (list.length > MAX_WORKSPACE_FILES) refuse('request.workspaceTooMany', { count: list.length, limit: MAX_WORKSPACE_FILES });
  let total = 0;
  list.forEach((f, i) => {
    const at = `workspace[${i}]`;
    if (!isObject(f)) return refuse('request.workspaceEntry', { at });
    const path = f.path;
    if (typeof path !== 'string' || path === '') return refuse('request.workspaceNoPath', { at });
    if (path.includes('\0')) refuse('request.workspaceNul', { at });
    if (path.startsWith('/')) refuse('request.workspaceAbsolute', { at, path });
    if (path.split('/').some((s) => s === '..')) refuse('request.workspaceDotDot', { at, path });
    if (typeof f.contentBase64 !== 'string' || !BASE64.test(f.contentBase64)) refuse('request.workspaceBase64', { at });
    const mode = f.mode as number | undefined;
    if (mode !== undefined && (!Number.isInteger(mode) || mode < 0 || mode > 0o7777)) refuse('request.workspaceMode', { at });
    total += Math.floor(((f.contentBase64 as string).length * 3) / 4);
    if (total > MAX_WORKSPACE_BYTES) refuse('request.workspaceTooLarge', { limit: MAX_WORKSPACE_BYTES });
  });
}

/** Parses and shape-checks the run request. Check bodies are validated per check by their runners. */
export function parseRequest(line: string): RunRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new RequestError('BAD_JSON', because('request.badJson', { error: (e as Error).message }));
  }
  if (!isObject(value) || value.event !== 'run') bad('request.notRun');
  if (value.protocol !== PROTOCOL_MAJOR) {
    throw new RequestError('PROTOCOL_MISMATCH', because('request.protocolMismatch', { actual: String(value.protocol), expected: PROTOCOL_MAJOR }));
  }
  if (typeof value.runId !== 'string') bad('request.badRunId');
  // `lang` is kept for older clients; the agent sends reasons, which the client words.
  if (value.lang !== undefined && value.lang !== 'fr' && value.lang !== 'en') bad('request.badLang', { actual: value.lang });
  checkInteger(value, 'concurrency', 1, MAX_CONCURRENCY);
  checkInteger(value, 'defaultTimeoutMs', 1, MAX_TIMEOUT_MS);
  if (!Array.isArray(value.criteria)) bad('request.badCriteria');
  value.criteria.forEach((c, i) => {
    if (!isObject(c) || typeof c.id !== 'string' || !Array.isArray(c.checks) || !c.checks.every(isObject)) bad('request.badCriterion', { index: i });
    if (c.checkIndexes !== undefined && (!Array.isArray(c.checkIndexes) || !c.checkIndexes.every((n) => Number.isInteger(n) && n >= 0))) {
      bad('request.badCheckIndexes', { index: i });
    }
  });
  checkWorkspace(value.workspace);
  return value as unknown as RunRequest;
}
