import { childEnv } from '../child-env';
import { childProcess } from '../lazy';

/** One line per installed package: name, a tab, then `[epoch:]version-release`. */
export const RPM_QUERY_FORMAT = '%{NAME}\\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\\n';

/** Parses `rpm -qa --qf RPM_QUERY_FORMAT` output into installed versions per package name. */
export function parseRpmList(text: string): Map<string, string[]> {
  const installed = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const name = line.slice(0, tab);
    const version = line.slice(tab + 1).trim();
    const list = installed.get(name);
    if (list) list.push(version);
    else installed.set(name, [version]);
  }
  return installed;
}

/** Runs one `rpm -qa` (argv array, no shell, bounded output and time); rejects when rpm fails. */
export function listRpm(rpm = 'rpm', timeoutMs = 60_000): Promise<Map<string, string[]>> {
  return new Promise((resolve, reject) => {
    childProcess().execFile(
      rpm,
      ['-qa', '--qf', RPM_QUERY_FORMAT],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 32 * 1024 * 1024, env: { ...childEnv(), LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(String(stderr).trim() || error.message));
        resolve(parseRpmList(String(stdout)));
      },
    );
  });
}
