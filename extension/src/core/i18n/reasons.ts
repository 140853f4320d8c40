import type { Reason } from '../../../../schemas/generated/types';
import type { Lang } from '../i18n';
import { fill, type Entries } from './define';
import { common } from './checks/common';
import { netInterface } from './checks/interface';
import { addr } from './checks/addr';
import { route } from './checks/route';
import { dns } from './checks/dns';
import { tlsCert } from './checks/tlsCert';
import { http } from './checks/http';
import { cron } from './checks/cron';
import { configKey } from './checks/configKey';
import { configTest } from './checks/configTest';
import { log } from './checks/log';
import { mount } from './checks/mount';
import { script } from './checks/script';
import { backup } from './checks/backup';
import { runControl } from './checks/run-control';
import { firewall } from './checks/firewall';
import { snmp } from './checks/snmp';
import { ldap } from './checks/ldap';
import { sql } from './checks/sql';
import { run } from './checks/run';
import { file } from './checks/file';
import { command } from './checks/command';
import { user } from './checks/user';
import { group } from './checks/group';
import { pkg } from './checks/package';
import { processes } from './checks/process';
import { kernelParam } from './checks/kernelParam';
import { service } from './checks/service';
import { runAs } from './checks/runAs';
import { lintCheck } from './checks/lint';

/** Every reason the agent may send, by code (a prototype-less object: see `messages`). A check type adds its group here (one import, one line). */
export const reasons: Entries = Object.assign(
  Object.create(null) as Entries,
  common,
  netInterface,
  addr,
  route,
  dns,
  tlsCert,
  http,
  cron,
  configKey,
  configTest,
  log,
  mount,
  script,
  backup,
  runControl,
  firewall,
  snmp,
  ldap,
  sql,
  run,
  file,
  command,
  user,
  group,
  pkg,
  processes,
  kernelParam,
  service,
  runAs,
  lintCheck,
);

/** Words a reason from the agent in the user's language; an unknown code (a newer agent) is shown as data. */
export function renderReason(lang: Lang, reason: Reason): string {
  const entry = reasons[reason.code];
  if (!entry) return `${reason.code} ${JSON.stringify(reason.params ?? {})}`;
  return fill(entry[lang], reason.params, (nested) => renderReason(lang, nested), lang);
}
