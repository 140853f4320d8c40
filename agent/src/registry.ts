import type { Check } from '../../schemas/generated/types';
import type { CheckRunner } from './context';
import { command } from './checks/command';
import { file } from './checks/file';
import { group } from './checks/group';
import { http } from './checks/http';
import { kernelParam } from './checks/kernelParam';
import { pkg } from './checks/package';
import { port } from './checks/port';
import { processCheck } from './checks/process';
import { service } from './checks/service';
import { user } from './checks/user';
import { firewall } from './checks/firewall';
import { snmp } from './checks/snmp';
import { ldap } from './checks/ldap';
import { sql } from './checks/sql';

/** Checks the agent runs on the target; `lint` is evaluated by the client on the learner's files. */
type AgentCheck = Exclude<Check, { type: 'lint' }>;
type RunnerTable = { [T in AgentCheck['type']]: CheckRunner<Extract<AgentCheck, { type: T }>> };

/** Every check type this agent implements, keyed by its schema `type`. */
export const registry: RunnerTable = { file, command, port, user, package: pkg, group, process: processCheck, kernelParam, http, service, firewall, snmp, ldap, sql };

/** Check types announced in `hello`. */
export const checkTypes = Object.keys(registry).sort();
