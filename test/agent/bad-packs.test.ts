import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CLI, FIXTURES, ROOT } from '../helpers/paths';

/** One command of a case: its arguments (`{case}` is the case folder), exit code, a located message, the count of located lines, a memory bound. */
interface Run {
  args: string[];
  exit: number;
  message: string;
  located?: number;
  maxRssMb?: number;
}
/** What the test builds in the copy before running: symlinks, FIFOs, empty folders, a big file. */
interface Setup {
  links?: [string, string][];
  fifos?: string[];
  dirs?: string[];
  big?: { path: string; bytes: number; sparse?: boolean };
}
/** One row of cases.json. */
interface Case {
  case: string;
  why: string;
  setup?: Setup;
  runs: Run[];
}

const CORPUS = join(FIXTURES, 'bad-packs');
const cases: Case[] = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8'));
const LOCATED = /^\S+:\d+:\d+: /gm;
const DAY = 24 * 3600;

describe('bad-input corpus (test/fixtures/bad-packs)', () => {
  let tmp: string;
  let canaries: string[];
  const subst = (s: string): string => s.replace(/@CANARY@/g, join(tmp, 'canary.txt')).replace(/@OUTSIDE@/g, join(tmp, 'outside'));

  // Old access times: on ext4 relatime, any read of a canary moves its atime to now.
  const age = (): void => {
    const now = Date.now() / 1000;
    for (const f of canaries) utimesSync(f, now - 2 * DAY, now - 3 * DAY);
  };
  const atimes = (): number[] => canaries.map((f) => statSync(f).atimeMs);

  before(() => {
    mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
    tmp = mkdtempSync(join(ROOT, '.test-tmp', 'bad-packs-'));
    writeFileSync(join(tmp, 'canary.txt'), 'canary: never read\n');
    mkdirSync(join(tmp, 'outside'));
    cpSync(join(CORPUS, '_outside'), join(tmp, 'outside'), { recursive: true });
    // Preloaded into the CLI: writes its peak resident memory (KiB) where the test asks. VmHWM, not maxRSS:
    // maxRSS keeps the high-water mark of the forked copy of this test process from before exec.
    writeFileSync(
      join(tmp, 'rss.cjs'),
      "process.on('exit', () => { const fs = require('fs'); " +
        "fs.writeFileSync(process.env.TSSR_TEST_RSS_FILE, /VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); });\n",
    );
    canaries = [join(tmp, 'canary.txt'), ...readdirSync(join(tmp, 'outside')).map((n) => join(tmp, 'outside', n))];
    // The canary method must be able to fail: a read of an aged file moves its atime here.
    age();
    const before = atimes()[0];
    readFileSync(canaries[0]);
    assert.notEqual(statSync(canaries[0]).atimeMs, before, 'this file system does not update atime on read: the canary would prove nothing');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds at least 40 cases, one folder each (_outside is what the hostile paths aim at)', () => {
    assert.ok(cases.length >= 40, `${cases.length} cases`);
    const folders = readdirSync(CORPUS, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== '_outside')
      .map((e) => e.name)
      .sort();
    assert.deepEqual(folders, cases.map((c) => c.case).sort());
  });

  for (const c of cases) {
    it(`${c.case}: ${c.why}`, () => {
      const dir = join(tmp, c.case);
      cpSync(join(CORPUS, c.case), dir, { recursive: true });
      for (const f of walk(dir)) {
        const text = readFileSync(f, 'latin1');
        if (/@(CANARY|OUTSIDE)@/.test(text)) writeFileSync(f, subst(text), 'latin1');
      }
      build(dir, c.setup ?? {}, subst);
      age();
      const seen = atimes();
      const table: string[] = [];
      for (const run of c.runs) {
        const args = run.args.map((a) => a.replace('{case}', dir));
        const rssFile = join(tmp, 'rss.txt');
        const env = { ...process.env, LANG: 'C.UTF-8', TSSR_LAB_LANG: '', TSSR_TEST_RSS_FILE: rssFile };
        const r = spawnSync(process.execPath, ['-r', join(tmp, 'rss.cjs'), CLI, ...args], { encoding: 'utf8', timeout: 30_000, env });
        const output = r.stdout + r.stderr;
        const shown = `tssr-lab ${run.args.join(' ')}\n${output}`;
        assert.equal(r.signal, null, `killed (hung?): ${shown}`);
        assert.equal(r.status, run.exit, shown);
        assert.match(output, new RegExp(run.message, 'm'), shown);
        if (run.located !== undefined) assert.equal(output.match(LOCATED)?.length ?? 0, run.located, shown);
        assert.doesNotMatch(output, /ENOENT|EISDIR|\n\s+at /, shown);
        const line = output.split('\n').find((l) => new RegExp(run.message).test(l)) ?? '';
        table.push(`${run.args.join(' ').replace('{case}', '<case>')} → ${r.status}|${line.split(`${tmp}/`).join('')}`);
        if (run.maxRssMb !== undefined) {
          const peakMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
          assert.ok(peakMb < run.maxRssMb, `peak memory ${peakMb.toFixed(0)} MB, bound ${run.maxRssMb} MB`);
        }
      }
      assert.deepEqual(atimes(), seen, 'a file outside the case folder was read');
      // BAD_PACKS_TABLE=<file> writes the corpus table of the issue's closing note: case, commands and exit codes, message.
      if (process.env.BAD_PACKS_TABLE) {
        appendFileSync(
          process.env.BAD_PACKS_TABLE,
          `| ${c.case} | ${table.map((x) => x.split('|')[0]).join(', ')} | ${table[0].split('|').slice(1).join('|')} |\n`,
        );
      }
    });
  }
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

function build(dir: string, s: Setup, subst: (x: string) => string): void {
  for (const [path, target] of s.links ?? []) symlinkSync(subst(target), join(dir, path));
  for (const path of s.fifos ?? []) execFileSync('mkfifo', [join(dir, path)]);
  for (const path of s.dirs ?? []) mkdirSync(join(dir, path));
  if (s.big) writeBig(join(dir, s.big.path), s.big.bytes, s.big.sparse ?? false);
}

// A real YAML body (a long list of critères) or a sparse file of that size.
function writeBig(file: string, bytes: number, sparse: boolean): void {
  const fd = openSync(file, 'w');
  try {
    if (sparse) {
      writeSync(fd, 'id: gros\n');
      writeSync(fd, '\n', bytes - 1);
      return;
    }
    const item =
      '  - id: c\n    title: Un critère parmi beaucoup\n    referentiel: CP9.1\n    points: 1\n    hint: Indice\n    checks: [{ type: file, path: /etc/hostname }]\n';
    const chunk = Buffer.from(item.repeat(Math.ceil((1 << 20) / item.length)));
    let written = writeSync(fd, 'id: gros\ntitle: Gros\ncompetences: [CP9]\nsolution: { apply: s.sh }\ncriteria:\n');
    while (written + chunk.length <= bytes) written += writeSync(fd, chunk);
    writeSync(fd, Buffer.alloc(bytes - written, ' '));
  } finally {
    closeSync(fd);
  }
}
