/** One /etc/passwd entry. */
export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
  line: number;
}
/** One /etc/group entry. */
export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
  line: number;
}

/** Parses passwd-format text; malformed and comment lines are skipped. */
export function parsePasswd(text: string): PasswdEntry[] {
  return text.split('\n').flatMap((l, i) => {
    const f = l.split(':');
    if (f.length < 7 || l.startsWith('#')) return [];
    return [{ name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5], shell: f[6], line: i + 1 }];
  });
}

/** Parses group-format text. */
export function parseGroups(text: string): GroupEntry[] {
  return text.split('\n').flatMap((l, i) => {
    const f = l.split(':');
    if (f.length < 4 || l.startsWith('#')) return [];
    return [{ name: f[0], gid: Number(f[2]), members: f[3] ? f[3].split(',') : [], line: i + 1 }];
  });
}

/** Primary and supplementary group names of a user, sorted. */
export function groupsOf(user: PasswdEntry, groups: GroupEntry[]): string[] {
  const names = groups.filter((g) => g.gid === user.gid || g.members.includes(user.name)).map((g) => g.name);
  return [...new Set(names)].sort();
}
