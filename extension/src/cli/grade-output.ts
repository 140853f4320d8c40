import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evaluation } from '../../../schemas/generated/types';
import { UsageError } from '../core/errors';
import { signEvaluation } from '../core/grade/sign';
import { t, type Lang } from '../core/i18n';

/** Reads a PEM key file for signing or verifying, with a message saying how to make one when it is not usable. */
export function readKey(file: string, lang: Lang): Buffer {
  if (!existsSync(file)) throw new UsageError('NO_KEY', t(lang, 'grade.noKey', file));
  const text = readFileSync(file);
  if (/OPENSSH PRIVATE KEY/.test(text.toString())) throw new UsageError('OPENSSH_KEY', t(lang, 'grade.opensshKey', file));
  return text;
}

/** Writes `evaluation.json` into the run folder, signed when a key is given; returns its path. */
export function writeEvaluation(dir: string, report: Evaluation, signKey: string | undefined, lang: Lang): string {
  let out = report;
  if (signKey) {
    try {
      out = signEvaluation(report, readKey(signKey, lang));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError('BAD_KEY', t(lang, 'grade.badKey', signKey, (e as Error).message));
    }
  }
  const file = join(dir, 'evaluation.json');
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  return file;
}
