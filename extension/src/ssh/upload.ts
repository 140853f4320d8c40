import type { Client, SFTPWrapper } from 'ssh2';
import { TransportError } from '../core/errors';
import { t, type Lang } from '../core/i18n';

function open(client: Client, label: string, lang: Lang): Promise<SFTPWrapper> {
  return new Promise((resolve, reject) => client.sftp((err, s) => {
    if (err) return reject(new TransportError('SFTP_FAILED', t(lang, 'ssh.sftpFailed', label, err.message)));
    s.on('error', () => { /* reported by the pending operation's callback */ });
    resolve(s);
  }));
}

/**
 * Uploads the agent over SFTP to `rel` (relative to the home folder, where SFTP starts), through a temporary
 * name so that a concurrent run never sees half a file. Resolves to the absolute path, for logs.
 */
export async function uploadAgent(client: Client, rel: { dir: string; file: string }, source: string, label: string, lang: Lang,
  trace?: (l: string) => void): Promise<string> {
  trace?.('ssh session: sftp');
  const sftp = await open(client, label, lang);
  try {
    const home = await new Promise<string>((res, rej) => sftp.realpath('.', (e, p) => (e ? rej(e) : res(p))));
    let prefix = '';
    for (const part of rel.dir.split('/')) {
      prefix = prefix ? `${prefix}/${part}` : part;
      await new Promise<void>((res) => sftp.mkdir(prefix, () => res()));
    }
    const tmp = `${rel.file}.${process.pid}.${Date.now()}.tmp`;
    await new Promise<void>((res, rej) => sftp.writeFile(tmp, source, (e) => (e ? rej(e) : res())));
    // Another run may have won the race: its file has the same content, so keep it and drop ours.
    await new Promise<void>((res) => sftp.rename(tmp, rel.file, (e) => (e ? sftp.unlink(tmp, () => res()) : res())));
    return `${home}/${rel.file}`;
  } catch (e) {
    if (e instanceof TransportError) throw e;
    throw new TransportError('UPLOAD_FAILED', t(lang, 'ssh.uploadFailed', label, (e as Error).message));
  } finally {
    sftp.end();
  }
}
