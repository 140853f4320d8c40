/** One mounted file system, as /proc/self/mounts shows it. */
export interface Mount {
  source: string;
  target: string;
  fstype: string;
  options: string[];
}

/** Undoes the octal escapes (\040 for a space) the kernel writes in mount fields. */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** Parses mounts-format text (fstab layout). */
export function parseMounts(text: string): Mount[] {
  return text.split('\n').flatMap((row) => {
    const f = row.split(' ');
    if (f.length < 4) return [];
    return [{ source: unescape(f[0]), target: unescape(f[1]), fstype: f[2], options: f[3].split(',') }];
  });
}
