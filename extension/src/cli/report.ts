import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Evaluation } from '../../../schemas/generated/types';
import { UsageError } from '../core/errors';
import { assemble } from '../core/grade/assemble';
import { mergeEvaluations } from '../core/grade/merge';
import { reporters, type EvaluationReporter } from '../core/grade/reporters';
import { RunFolder } from '../core/grade/run-folder';
import { verifyEvaluation } from '../core/grade/sign';
import { t, type Lang } from '../core/i18n';
import { validate } from '../core/schemas';
import { readKey, writeEvaluation } from './grade-output';
import { EXIT } from './exit';

/** Options of `tssr-lab report`. */
export interface ReportFlags {
  format: string;
  out?: string;
  pdf?: boolean;
  sign?: string;
  lang: Lang;
}

/** An evaluation from a run folder (assembled from its journals) or from an evaluation.json file. */
export function loadEvaluation(path: string, lang: Lang): { evaluation: Evaluation; dir: string } {
  if (!existsSync(path)) throw new UsageError('NO_SUCH_PATH', t(lang, 'usage.noSuchPath', path));
  if (statSync(path).isDirectory()) {
    if (!RunFolder.isRun(path)) throw new UsageError('NOT_A_RUN', t(lang, 'grade.notARun', path));
    return { evaluation: assemble(new RunFolder(resolve(path)), lang), dir: resolve(path) };
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError('BAD_REPORT', t(lang, 'report.badJson', path, (e as Error).message));
  }
  const errors = validate('evaluation.schema.json', data);
  if (errors.length) throw new UsageError('BAD_REPORT', t(lang, 'report.notEvaluation', path, `${errors[0].instancePath} ${errors[0].message}`));
  return { evaluation: data as Evaluation, dir: resolve(path, '..') };
}

/** Candidates' trace documents: the inventory variable `trace` names a file, relative to the run folder. */
function traces(ev: Evaluation, dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of ev.hosts) {
    const file = h.candidate.vars?.trace;
    if (file && existsSync(resolve(dir, file))) out.set(h.candidate.id, readFileSync(resolve(dir, file), 'utf8').slice(0, 200_000));
  }
  return out;
}

/** Prints HTML files to PDF through headless Chromium, when it is installed. */
function toPdf(files: string[], lang: Lang, err: (s: string) => void): void {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!chromium) {
    err(t(lang, 'report.noChromium'));
    return;
  }
  for (const html of files) {
    const pdf = html.replace(/\.html$/, '.pdf');
    execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`], {
      stdio: 'ignore',
      timeout: 60_000,
    });
  }
}

/** Writes one format of a run's evaluation into `<run>/rapport` (or --out); resolves to the exit code. */
export function report(path: string, o: ReportFlags, out: (s: string) => void, err: (s: string) => void): number {
  const reporter = (reporters as Record<string, EvaluationReporter | undefined>)[o.format];
  if (!reporter) throw new UsageError('BAD_FORMAT', t(o.lang, 'report.badFormat', o.format, Object.keys(reporters).join(', ')));
  const { evaluation, dir } = loadEvaluation(path, o.lang);
  const target = resolve(o.out ?? join(dir, 'rapport'));
  mkdirSync(target, { recursive: true });
  const written = reporter.render(evaluation, { lang: o.lang, traces: traces(evaluation, dir) }).map((f) => {
    const file = join(target, f.name);
    writeFileSync(file, f.content);
    return file;
  });
  if (o.format === 'json' && o.sign) written.splice(0, 1, writeEvaluation(target, evaluation, o.sign, o.lang));
  if (o.pdf && o.format === 'html') toPdf(written, o.lang, err);
  for (const f of written) out(relative(process.cwd(), f));
  return EXIT.ok;
}

/** `report merge`: one class report from the run folders of several shards or rooms. */
export function reportMerge(paths: string[], o: ReportFlags & { out?: string }, out: (s: string) => void): number {
  const merged = mergeEvaluations(
    paths.map((p) => loadEvaluation(p, o.lang).evaluation),
    o.lang,
  );
  const target = resolve(o.out ?? 'evaluation-fusion');
  mkdirSync(target, { recursive: true });
  out(relative(process.cwd(), writeEvaluation(target, merged, o.sign, o.lang)));
  const reporter = (reporters as Record<string, EvaluationReporter | undefined>)[o.format];
  if (reporter && o.format !== 'json') {
    for (const f of reporter.render(merged, { lang: o.lang })) {
      writeFileSync(join(target, f.name), f.content);
      out(relative(process.cwd(), join(target, f.name)));
    }
  }
  return EXIT.ok;
}

/** `verify`: checks a signed evaluation against a public key; names each candidate's critère that was edited. */
export function verify(file: string, pubkey: string, lang: Lang, out: (s: string) => void): number {
  const { evaluation } = loadEvaluation(file, lang);
  const v = verifyEvaluation(evaluation, readKey(pubkey, lang));
  if (v.ok) {
    out(t(lang, 'verify.ok', v.keyId));
    return EXIT.ok;
  }
  out(t(lang, `verify.${v.why}` as const));
  for (const pointer of v.changed) out(`  - ${describePointer(evaluation, pointer, lang)}`);
  return EXIT.failed;
}

/** `/hosts/1/runs/0/criteria/2` → « candidat c02 (Bruno Petit), exercice web, critère tls ». */
function describePointer(ev: Evaluation, pointer: string, lang: Lang): string {
  const m = /^\/hosts\/(\d+)\/runs\/(\d+)\/criteria\/(\d+)$/.exec(pointer);
  if (!m) return t(lang, 'verify.rest');
  const h = ev.hosts[Number(m[1])];
  const run = h?.runs[Number(m[2])];
  const c = run?.criteria[Number(m[3])];
  return t(lang, 'verify.where', h?.candidate.id ?? '?', h?.candidate.name ?? '?', run?.exercise.id ?? '?', c?.id ?? '?');
}
