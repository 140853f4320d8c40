import commonSchema from '../../../schemas/checks/common.schema.json';
import fileSchema from '../../../schemas/checks/file.schema.json';
import commandSchema from '../../../schemas/checks/command.schema.json';
import portSchema from '../../../schemas/checks/port.schema.json';
import userSchema from '../../../schemas/checks/user.schema.json';
import packageSchema from '../../../schemas/checks/package.schema.json';
import groupSchema from '../../../schemas/checks/group.schema.json';
import processSchema from '../../../schemas/checks/process.schema.json';
import kernelParamSchema from '../../../schemas/checks/kernelParam.schema.json';
import httpSchema from '../../../schemas/checks/http.schema.json';
import serviceSchema from '../../../schemas/checks/service.schema.json';
import scriptSchema from '../../../schemas/checks/script.schema.json';
import backupSchema from '../../../schemas/checks/backup.schema.json';
import lintSchema from '../../../schemas/checks/lint.schema.json';
import interfaceSchema from '../../../schemas/checks/interface.schema.json';
import addrSchema from '../../../schemas/checks/addr.schema.json';
import routeSchema from '../../../schemas/checks/route.schema.json';
import dnsSchema from '../../../schemas/checks/dns.schema.json';
import tlsCertSchema from '../../../schemas/checks/tlsCert.schema.json';
import cronSchema from '../../../schemas/checks/cron.schema.json';
import configKeySchema from '../../../schemas/checks/configKey.schema.json';
import configTestSchema from '../../../schemas/checks/configTest.schema.json';
import logSchema from '../../../schemas/checks/log.schema.json';
import mountSchema from '../../../schemas/checks/mount.schema.json';
import firewallSchema from '../../../schemas/checks/firewall.schema.json';
import snmpSchema from '../../../schemas/checks/snmp.schema.json';
import ldapSchema from '../../../schemas/checks/ldap.schema.json';
import sqlSchema from '../../../schemas/checks/sql.schema.json';

/** The schemas of schemas/checks/: one per check type, plus their shared definitions (one per line). */
export const CHECK_SCHEMAS: ReadonlyArray<{ $id: string; properties?: unknown }> = [
  commonSchema,
  fileSchema,
  commandSchema,
  portSchema,
  userSchema,
  packageSchema,
  groupSchema,
  processSchema,
  kernelParamSchema,
  httpSchema,
  serviceSchema,
  scriptSchema,
  backupSchema,
  lintSchema,
  interfaceSchema,
  addrSchema,
  routeSchema,
  dnsSchema,
  tlsCertSchema,
  cronSchema,
  configKeySchema,
  configTestSchema,
  logSchema,
  mountSchema,
  firewallSchema,
  snmpSchema,
  ldapSchema,
  sqlSchema,
];
