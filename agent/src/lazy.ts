// Node built-ins that only some checks use, loaded on first use: a run that spawns nothing, hashes nothing and sends
// no datagram never parses child_process, crypto or dgram (about 2 to 6 ms of start-up each, on the target's Node).

/** node:child_process, for commands, scripts and tools. */
export const childProcess = (): typeof import('node:child_process') => require('node:child_process') as typeof import('node:child_process');

/** node:crypto, for hashes. */
export const crypto = (): typeof import('node:crypto') => require('node:crypto') as typeof import('node:crypto');

/** node:dgram, for SNMP and remote syslog. */
export const dgram = (): typeof import('node:dgram') => require('node:dgram') as typeof import('node:dgram');

/** node:net, for address parsing (child_process and http load it anyway when they run). */
export const net = (): typeof import('node:net') => require('node:net') as typeof import('node:net');
