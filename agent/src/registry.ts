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
import { script } from './checks/script';
import { backup } from './checks/backup';
import { user } from './checks/user';
import { netInterface } from './checks/interface';
import { addr } from './checks/addr';
import { route } from './checks/route';
import { dns } from './checks/dns';
import { tlsCert } from './checks/tlsCert';
import { cron } from './checks/cron';
import { configKey } from './checks/configKey';
import { configTest } from './checks/configTest';
import { log } from './checks/log';
import { mount } from './checks/mount';
import { firewall } from './checks/firewall';
import { snmp } from './checks/snmp';
import { ldap } from './checks/ldap';
import { sql } from './checks/sql';

/** Checks the agent runs on the target; `lint` is evaluated by the client on the learner's files. */
type AgentCheck = Exclude<Check, { type: 'lint' }>;
type RunnerTable = { [T in AgentCheck['type']]: CheckRunner<Extract<AgentCheck, { type: T }>> };

/** Every check type this agent implements, keyed by its schema `type` (one per line: types are added by many hands). */
export const registry: RunnerTable = {
  command,
  file,
  group,
  http,
  kernelParam,
  package: pkg,
  port,
  process: processCheck,
  service,
  script,
  backup,
  user,
  interface: netInterface,
  addr,
  route,
  dns,
  tlsCert,
  cron,
  configKey,
  configTest,
  log,
  mount,
  firewall,
  snmp,
  ldap,
  sql,
};

/** Check types announced in `hello`. */
export const checkTypes = Object.keys(registry).sort();
