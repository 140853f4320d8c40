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
import lintSchema from '../../../schemas/checks/lint.schema.json';
import firewallSchema from '../../../schemas/checks/firewall.schema.json';
import snmpSchema from '../../../schemas/checks/snmp.schema.json';
import ldapSchema from '../../../schemas/checks/ldap.schema.json';
import sqlSchema from '../../../schemas/checks/sql.schema.json';

/** The schemas of schemas/checks/: one per check type, plus their shared definitions. */
export const CHECK_SCHEMAS: ReadonlyArray<{ $id: string; properties?: unknown }> = [
  commonSchema, fileSchema, commandSchema, portSchema, userSchema, packageSchema,
  groupSchema, processSchema, kernelParamSchema, httpSchema, serviceSchema, lintSchema,
  firewallSchema, snmpSchema, ldapSchema, sqlSchema,
];
