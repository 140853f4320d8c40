import type { Check } from '../../extension/src/core/generated/protocol';
import type { CheckRunner } from './context';
import { command } from './checks/command';
import { file } from './checks/file';
import { pkg } from './checks/package';
import { port } from './checks/port';
import { user } from './checks/user';

type RunnerTable = { [T in Check['type']]: CheckRunner<Extract<Check, { type: T }>> };

/** Every check type this agent implements, keyed by its schema `type`. */
export const registry: RunnerTable = { file, command, port, user, package: pkg };

/** Check types announced in `hello`. */
export const checkTypes = Object.keys(registry).sort();
