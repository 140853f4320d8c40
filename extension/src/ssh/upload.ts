import { TransportError } from '../core/errors';
import { t, type Lang } from '../core/i18n';

type Done = (err?: Error | null) => void;
/** The few SFTP calls an upload needs (ssh2's SFTPWrapper has them; only ssh-transport.ts imports ssh2). */
export interface SftpSession {
  realpath(path: string, cb: (err: Error | undefined, abs: string) => void): void;
  mkdir(path: string, cb: Done): void;
  writeFile(path: string, data: string, cb: Done): void;
  rename(from: string, to: string, cb: Done): void;
  unlink(path: string, cb: Done): void;
  /** OpenSSH's statvfs extension, to tell a full disk from other write failures. */
  ext_openssh_statvfs?(
    path: string,
    cb: (err: Error | undefined, info: { f_bsize: number | bigint; f_frsize: number | bigint; f_bavail: number | bigint }) => void,
  ): void;
  end(): void;
}

/** Free bytes where the agent goes, when the server tells (OpenSSH's statvfs extension), else undefined. */
function freeBytes(sftp: SftpSession, dir: string): Promise<number | undefined> {
  return new Promise((res) => {
    if (!sftp.ext_openssh_statvfs) return res(undefined);
    try {
      sftp.ext_openssh_statvfs(dir, (e, info) => res(e || !info ? undefined : Number(info.f_bavail) * Number(info.f_frsize || info.f_bsize)));
    } catch {
      res(undefined);
    }
  });
}

/**
 * Uploads the agent over SFTP to `rel` (relative to the home folder, where SFTP starts), through a temporary
 * name so that a concurrent run never sees half a file. Resolves to the absolute path, for logs.
 */
export async function uploadAgent(sftp: SftpSession, rel: { dir: string; file: string }, source: string, label: string, lang: Lang): Promise<string> {
  try {
    const home = await new Promise<string>((res, rej) => sftp.realpath('.', (e, p) => (e ? rej(e) : res(p))));
    let prefix = '';
    for (const part of rel.dir.split('/')) {
      prefix = prefix ? `${prefix}/${part}` : part;
      await new Promise<void>((res) => sftp.mkdir(prefix, () => res()));
    }
    const tmp = `${rel.file}.${process.pid}.${Date.now()}.tmp`;
    const written = await new Promise<Error | undefined>((res) => sftp.writeFile(tmp, source, (e) => res(e ?? undefined)));
    if (written) {
      // SFTP says only "Failure" for a full disk: ask how much room is left, to say so and what to do.
      sftp.unlink(tmp, () => undefined);
      const free = await freeBytes(sftp, rel.dir);
      if (free !== undefined && free < Buffer.byteLength(source)) {
        throw new TransportError(
          'DISK_FULL',
          t(lang, 'ssh.diskFull', label, `${home}/${rel.dir}`, Math.floor(free / 1024), Math.ceil(Buffer.byteLength(source) / 1024)),
        );
      }
      throw written;
    }
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
