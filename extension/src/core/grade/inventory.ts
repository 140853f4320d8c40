import { homedir } from 'node:os';
import { isAbsolute, join, resolve, dirname } from 'node:path';
import SSHConfig from 'ssh-config';
import YAML from 'yaml';
import { UsageError } from '../errors';
import { t, type Lang } from '../i18n';

/** One SSH hop: where to connect, as whom, with which key. */
export interface Hop {
  host: string;
  port: number;
  user: string;
  /** Private key file, absolute. */
  key?: string;
}

/** One candidate's machine to grade. */
export interface Candidate extends Hop {
  /** Stable id: the run folder's file names and the reports use it. */
  id: string;
  /** The candidate's name as the jury reads it. */
  name: string;
  /** Hosts to jump through first, in order (ssh's ProxyJump). */
  jump: Hop[];
  /** Extra variables from the roster or the inventory (e.g. the candidate's IP plan). */
  vars: Record<string, string>;
}

/** Reads `~/.ssh/config` style text once; Host aliases resolve through it. */
export interface SshConfigSource {
  text: string;
  /** Folder that relative IdentityFile paths and `~` resolve against. */
  home: string;
}

export interface InventoryOptions {
  lang: Lang;
  /** The user's ssh config, for Host aliases (none: aliases stay host names). */
  sshConfig?: SshConfigSource;
  /** Defaults when the inventory says nothing: the evaluator's own user and key. */
  defaults?: Partial<Hop>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Parses an inventory file's text: a TSSR Lab roster, an Ansible INI or YAML inventory, or an ssh config. */
export function parseInventory(text: string, file: string, opts: InventoryOptions): Candidate[] {
  const base = dirname(resolve(file));
  const entries = detect(text, file, opts.lang);
  const cfg = opts.sshConfig ? SSHConfig.parse(opts.sshConfig.text) : undefined;
  const home = opts.sshConfig?.home ?? homedir();
  const seen = new Set<string>();
  return entries.map((e) => {
    const c = resolveEntry(e, cfg, home, base, opts);
    if (!ID.test(c.id)) throw new UsageError('INVENTORY', t(opts.lang, 'grade.badId', file, c.id));
    if (seen.has(c.id)) throw new UsageError('INVENTORY', t(opts.lang, 'grade.duplicateId', file, c.id));
    seen.add(c.id);
    return c;
  });
}

/** An entry before ssh config and defaults are applied. */
interface Entry {
  id: string;
  name?: string;
  host: string;
  port?: number;
  user?: string;
  key?: string;
  jump?: string;
  vars: Record<string, string>;
}

function detect(text: string, file: string, lang: Lang): Entry[] {
  if (/^\s*Host\s+\S/im.test(text) && !/^\s*\w+\s*:/m.test(text)) return fromSshConfig(text);
  if (/^\s*\[[^\]]+\]\s*$/m.test(text) || /\.(ini|cfg)$|(^|\/)hosts$/.test(file)) return fromAnsibleIni(text);
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch (e) {
    throw new UsageError('INVENTORY', t(lang, 'grade.badYaml', file, (e as Error).message.split('\n')[0]));
  }
  if (isObject(doc) && Array.isArray(doc.candidates)) return fromRoster(doc, file, lang);
  if (isObject(doc) && Object.values(doc).some((g) => isObject(g) && ('hosts' in g || 'children' in g))) return fromAnsibleYaml(doc);
  throw new UsageError('INVENTORY', t(lang, 'grade.unknownFormat', file));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
const vars = (o: Record<string, unknown>, skip: string[]): Record<string, string> =>
  Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (skip.includes(k) || isObject(v) || Array.isArray(v) ? [] : [[k, String(v)]])));

/** The roster: `candidates: [{ id, name, host, port, user, key, vars }]` with optional `defaults`. */
function fromRoster(doc: Record<string, unknown>, file: string, lang: Lang): Entry[] {
  const d = isObject(doc.defaults) ? doc.defaults : {};
  return (doc.candidates as unknown[]).map((raw, i) => {
    if (!isObject(raw) || typeof raw.host !== 'string') throw new UsageError('INVENTORY', t(lang, 'grade.rosterEntry', file, i + 1));
    const port = str(raw.port ?? d.port);
    return {
      id: str(raw.id) ?? raw.host,
      name: str(raw.name),
      host: raw.host,
      port: port ? Number(port) : undefined,
      user: str(raw.user ?? d.user),
      key: str(raw.key ?? d.key),
      jump: str(raw.jump ?? d.jump),
      vars: { ...(isObject(d.vars) ? vars(d.vars, []) : {}), ...(isObject(raw.vars) ? vars(raw.vars, []) : {}) },
    };
  });
}

const ANSIBLE = ['ansible_host', 'ansible_port', 'ansible_user', 'ansible_ssh_private_key_file', 'ansible_ssh_common_args'];

function fromAnsibleVars(name: string, v: Record<string, unknown>): Entry {
  const port = str(v.ansible_port);
  const jump = /ProxyJump=(\S+)|-J\s+(\S+)/.exec(str(v.ansible_ssh_common_args) ?? '');
  return {
    id: name,
    name: str(v.candidate_name) ?? name,
    host: str(v.ansible_host) ?? name,
    port: port ? Number(port) : undefined,
    user: str(v.ansible_user),
    key: str(v.ansible_ssh_private_key_file),
    jump: jump ? (jump[1] ?? jump[2]).replace(/['"]/g, '') : undefined,
    vars: vars(v, [...ANSIBLE, 'candidate_name']),
  };
}

/** Ansible INI: `[group]` sections of `name key=value…` lines, `[group:vars]` applied to the group's hosts. */
function fromAnsibleIni(text: string): Entry[] {
  const hosts = new Map<string, { groups: Set<string>; v: Record<string, string> }>();
  const groupVars = new Map<string, Record<string, string>>();
  const children = new Map<string, string[]>();
  let section = 'ungrouped';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s[#;].*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const head = /^\[([^\]]+)\]$/.exec(line);
    if (head) {
      section = head[1];
      continue;
    }
    const [group, kind] = section.split(':');
    const pairs = Object.fromEntries([...line.matchAll(/(\w+)=("[^"]*"|'[^']*'|\S+)/g)].map((m) => [m[1], m[2].replace(/^["']|["']$/g, '')]));
    if (kind === 'vars') {
      const eq = line.indexOf('=');
      if (eq > 0)
        groupVars.set(group, {
          ...groupVars.get(group),
          [line.slice(0, eq).trim()]: line
            .slice(eq + 1)
            .trim()
            .replace(/^["']|["']$/g, ''),
        });
    } else if (kind === 'children') children.set(group, [...(children.get(group) ?? []), line]);
    else {
      const name = line.split(/\s+/)[0];
      const h = hosts.get(name) ?? { groups: new Set<string>(), v: {} };
      h.groups.add(group);
      Object.assign(h.v, pairs);
      hosts.set(name, h);
    }
  }
  const parentsOf = (g: string): string[] => [...children.entries()].filter(([, kids]) => kids.includes(g)).flatMap(([p]) => [p, ...parentsOf(p)]);
  return [...hosts.entries()].map(([name, h]) => {
    const groups = [...h.groups].flatMap((g) => [...parentsOf(g).reverse(), g]);
    const merged = Object.assign({}, groupVars.get('all'), ...groups.map((g) => groupVars.get(g) ?? {}), h.v);
    return fromAnsibleVars(name, merged);
  });
}

/** Ansible YAML: `group: { hosts: { name: vars }, vars: {}, children: { … } }`, nested. */
function fromAnsibleYaml(doc: Record<string, unknown>): Entry[] {
  const out = new Map<string, Record<string, unknown>>();
  const walk = (group: Record<string, unknown>, inherited: Record<string, unknown>): void => {
    const v = { ...inherited, ...(isObject(group.vars) ? group.vars : {}) };
    if (isObject(group.hosts)) for (const [name, hv] of Object.entries(group.hosts)) out.set(name, { ...out.get(name), ...v, ...(isObject(hv) ? hv : {}) });
    if (isObject(group.children)) for (const child of Object.values(group.children)) if (isObject(child)) walk(child, v);
  };
  for (const group of Object.values(doc)) if (isObject(group)) walk(group, {});
  return [...out.entries()].map(([name, v]) => fromAnsibleVars(name, v));
}

/** An ssh config as an inventory: each concrete `Host` alias is a candidate. */
function fromSshConfig(text: string): Entry[] {
  const cfg = SSHConfig.parse(text);
  const names = [...cfg].flatMap((l) =>
    l.type === SSHConfig.DIRECTIVE && l.param.toLowerCase() === 'host' ? (typeof l.value === 'string' ? l.value.split(/\s+/) : l.value.map((v) => v.val)) : [],
  );
  return names.filter((n) => !/[*?!]/.test(n)).map((n) => ({ id: n, host: n, vars: {} }));
}

/** The options ssh would use for an alias. `Match exec` is never run: an inventory's config is not ours to execute. */
function computed(cfg: SSHConfig | undefined, alias: string): Record<string, string | string[]> {
  return cfg ? cfg.compute(alias, { ignoreCase: true, matchExec: false }) : {};
}

function expand(p: string, home: string, base: string): string {
  const q = p.replace(/^~(?=\/|$)/, home);
  return isAbsolute(q) ? q : join(base, q);
}

/** Applies the ssh config (HostName, Port, User, IdentityFile, ProxyJump) and the defaults to one entry. */
function resolveEntry(e: Entry, cfg: SSHConfig | undefined, home: string, base: string, opts: InventoryOptions): Candidate {
  const hop = (alias: string, own: Partial<Hop>): Hop => {
    const c = computed(cfg, alias);
    const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
    const key = own.key ?? first(c.identityfile) ?? opts.defaults?.key;
    return {
      host: first(c.hostname) ?? alias,
      port: own.port ?? (first(c.port) ? Number(first(c.port)) : (opts.defaults?.port ?? 22)),
      user: own.user ?? first(c.user) ?? opts.defaults?.user ?? 'root',
      ...(key ? { key: expand(key, home, base) } : {}),
    };
  };
  const main = hop(e.host, { port: e.port, user: e.user, key: e.key });
  const c = computed(cfg, e.host);
  const jumpSpec = e.jump ?? (Array.isArray(c.proxyjump) ? c.proxyjump[0] : c.proxyjump);
  const jump = jumpSpec && jumpSpec !== 'none' ? jumpSpec.split(',').map((j) => parseJump(j.trim(), hop)) : [];
  return { id: e.id, name: e.name ?? e.id, ...main, jump, vars: e.vars };
}

/** `[user@]host[:port]`, or an alias of the ssh config. */
function parseJump(spec: string, hop: (alias: string, own: Partial<Hop>) => Hop): Hop {
  const m = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(spec);
  if (!m) return hop(spec, {});
  return hop(m[2].replace(/^\[|\]$/g, ''), { user: m[1], port: m[3] ? Number(m[3]) : undefined });
}
