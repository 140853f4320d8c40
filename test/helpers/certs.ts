import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A self-signed EC certificate made by the real openssl, as a TSSR learner makes one for an intranet:
 * writes `<dir>/<file>.key` and `<dir>/<file>.pem` and returns their paths.
 */
export function makeCert(dir: string, file: string, o: { subject: string; days?: number; san?: string }): { key: string; cert: string } {
  const key = join(dir, `${file}.key`);
  const cert = join(dir, `${file}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      String(o.days ?? 1),
      '-subj',
      o.subject,
      ...(o.san ? ['-addext', `subjectAltName=${o.san}`] : []),
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key, cert };
}
