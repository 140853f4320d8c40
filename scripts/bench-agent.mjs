// npm run bench:agent — TSSR Lab against bare bash, Testinfra and Serverspec on one 40-check suite (issue 8).
// Every tool runs in ONE alternating series (BENCH_RUNS rounds, 15 by default, the order rotating each round), locally
// and over SSH to a private sshd on 127.0.0.1; then a 500-check agent run. Prints medians, ratios, peak memory
// (summed RSS of the process tree, sampled from /proc) and the CLI's phases (TSSR_LAB_TIMINGS=1).
// Needs: a build and the compiled tests (npm run bench:agent does both), root, openssh-server, curl, iproute2, cron;
// Testinfra and Serverspec are optional columns: sudo apt-get install -y python3-testinfra ruby-serverspec
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { controlLoop, load, run, stats } from './bench/measure.mjs';
import { peers, startHttp, startSshd } from './bench/services.mjs';
import { writeSuite } from './bench/suite.mjs';
import { printPhases, printTable } from './bench/report.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CLI = join(ROOT, 'dist/cli.js');
const AGENT = join(ROOT, 'dist/agent.js');

for (const f of [CLI, AGENT, join(ROOT, 'out/test/helpers/sshd.js')]) {
  if (!existsSync(f)) {
    console.error(`missing ${f}: run "npm run bench:agent" (it builds first), or "node scripts/build.mjs && npx tsc -p ."`);
    process.exit(2);
  }
}
const tools = peers();
if (tools.missing.length) console.log(`Not installed, their columns are skipped: sudo apt-get install -y ${tools.missing.join(' ')}\n`);

const dir = mkdtempSync(join(tmpdir(), 'tssr-bench-'));
const dataFile = join(dir, 'data.txt');
writeFileSync(dataFile, 'tssr-bench\n');
const http = await startHttp(dir);
const sshd = await startSshd(ROOT, dir);
try {
  const suite = writeSuite(dir, { dataFile, httpPort: http.httpPort, pyPort: http.pyPort, sshPort: sshd.port });
  const { loadExercise } = require(join(ROOT, 'out/extension/src/core/pack.js'));
  const { buildRequest } = require(join(ROOT, 'out/extension/src/core/request.js'));
  const ex = loadExercise(suite.exDir, 'fr');
  if (!ex.data) throw new Error(`the generated exercise is invalid: ${JSON.stringify(ex.problems)}`);
  const request = buildRequest(ex.data, ex.dir, { lang: 'fr' });
  writeFileSync(join(dir, 'request.json'), JSON.stringify(request) + '\n');
  // 500 checks: the suite's checks over and over, 25 critères of 20.
  const many = Array.from({ length: 500 }, (_, i) => suite.checks[i % suite.checks.length]);
  const request500 = { ...request, criteria: Array.from({ length: 25 }, (_, i) => ({ id: `c${i}`, checks: many.slice(i * 20, i * 20 + 20) })) };
  writeFileSync(join(dir, 'request500.json'), JSON.stringify(request500) + '\n');

  const ssh = `ssh://root@127.0.0.1:${sshd.port}`;
  const sshFlags = ['--target', ssh, '-i', sshd.clientKey, '--known-hosts', sshd.knownHosts];
  let round = 0;
  const series = [
    { side: 'local', name: 'tssr-lab check', cmd: process.execPath, args: [CLI, 'check', suite.exDir], env: { TSSR_LAB_TIMINGS: '1' } },
    // BENCH_BASELINE=/path/to/another/dist/cli.js adds that CLI to the same series (before/after a change).
    process.env.BENCH_BASELINE && {
      side: 'local',
      name: 'tssr-lab check, baseline',
      cmd: process.execPath,
      args: [process.env.BENCH_BASELINE, 'check', suite.exDir],
    },
    { side: 'local', name: 'the agent alone', cmd: process.execPath, args: [AGENT, 'serve'], stdinFile: join(dir, 'request.json') },
    { side: 'local', name: 'bare bash', cmd: 'bash', args: [suite.bash], floor: true },
    tools.testinfra && { side: 'local', name: 'Testinfra', cmd: 'py.test-3', args: ['-q', '-p', 'no:cacheprovider', suite.testinfra], peer: true },
    tools.serverspec && { side: 'local', name: 'Serverspec', cmd: 'rspec', args: [suite.serverspec] },
    {
      side: 'ssh',
      name: 'tssr-lab check (agent cached)',
      cmd: process.execPath,
      args: [CLI, 'check', suite.exDir, ...sshFlags],
      env: { TSSR_LAB_TIMINGS: '1' },
    },
    process.env.BENCH_BASELINE && {
      side: 'ssh',
      name: 'tssr-lab check, baseline',
      cmd: process.execPath,
      args: [process.env.BENCH_BASELINE, 'check', suite.exDir, ...sshFlags],
    },
    // The floor: bash over ssh with the key exchange and cipher tssr-lab uses; OpenSSH's defaults shown for reference.
    {
      side: 'ssh',
      name: 'bash over ssh, same algorithms',
      cmd: 'ssh',
      args: ['-F', sshd.sameConfig, '127.0.0.1', 'bash', '-s'],
      stdinFile: suite.bash,
      floor: true,
    },
    { side: 'ssh', name: 'bash over ssh, OpenSSH defaults', cmd: 'ssh', args: ['-F', sshd.config, '127.0.0.1', 'bash', '-s'], stdinFile: suite.bash },
    tools.testinfra && {
      side: 'ssh',
      name: 'Testinfra (ControlMaster)',
      cmd: 'py.test-3',
      peer: true,
      // The master is closed after each run: one handshake per run, as for bash over ssh.
      args: ['-q', '-p', 'no:cacheprovider', '--hosts=ssh://127.0.0.1', `--ssh-config=${sshd.masterConfig}`, suite.testinfra],
      after: () => run('ssh', ['-F', sshd.masterConfig, '-O', 'exit', '127.0.0.1']),
    },
  ].filter(Boolean);
  const exec = async (t, sample) => {
    const r = await run(t.cmd, typeof t.args === 'function' ? t.args() : t.args, { stdinFile: t.stdinFile, env: t.env, sample });
    await t.after?.();
    return r;
  };

  const before = controlLoop();
  console.log(`Load before: ${load()}. ${suite.count} checks, ${RUNS} alternating rounds; first a check-and-warm-up round (uploads the agent over SSH).`);
  for (const t of series) {
    const r = await exec(t);
    t.verdict =
      r.code === 0
        ? 'all pass'
        : `exit ${r.code}: ${(r.stdout + r.stderr)
            .split('\n')
            .filter((l) => /FAIL|ÉCHEC|failed|✘/.test(l))
            .slice(0, 3)
            .join(' | ')}`;
    if (r.code !== 0) console.log(`  ${t.side} ${t.name}: ${t.verdict}`);
    t.times = [];
    t.timings = [];
  }
  for (round = 0; round < RUNS; round++) {
    const order = series.map((_, i) => series[(i + round) % series.length]);
    for (const t of order) {
      const r = await exec(t);
      t.times.push(r.ms);
      const line = /tssr-lab timings \(ms\): (.*)/.exec(r.stderr);
      if (line)
        t.timings.push(
          Object.fromEntries(
            line[1]
              .split(' ')
              .map((kv) => kv.split('='))
              .filter(([, v]) => !Number.isNaN(Number(v)))
              .map(([k, v]) => [k, Number(v)]),
          ),
        );
    }
    process.stdout.write(`\r  round ${round + 1}/${RUNS}`);
  }
  process.stdout.write('\n');
  // Memory apart from the timed runs: sampling /proc every few ms costs CPU.
  for (const t of series.filter((x) => x.side === 'local')) t.peakKb = stats(await Promise.all([0, 1, 2].map(async () => (await exec(t, true)).peakKb))).median;
  const agent500 = { name: 'the agent alone, 500 checks', times: [], peakKb: 0 };
  for (let i = 0; i < RUNS; i++) agent500.times.push((await run(process.execPath, [AGENT, 'serve'], { stdinFile: join(dir, 'request500.json') })).ms);
  agent500.peakKb = (await run(process.execPath, [AGENT, 'serve'], { stdinFile: join(dir, 'request500.json'), sample: true })).peakKb;
  const after = controlLoop();

  printTable(
    `local, ${suite.count} checks`,
    series.filter((t) => t.side === 'local'),
    RUNS,
  );
  printTable(
    `over SSH to 127.0.0.1, one host, ${suite.count} checks`,
    series.filter((t) => t.side === 'ssh'),
    RUNS,
  );
  printTable('500 checks', [agent500], RUNS);
  printPhases(series.filter((t) => t.timings.length));
  const c = (s) => `median ${s.median.toFixed(1)} ms (min ${s.min.toFixed(1)}, p90 ${s.p90.toFixed(1)})`;
  console.log(`\nMachine noise control, fixed JS loop: before ${c(before)}, after ${c(after)}. Load after: ${load()}.`);
} finally {
  sshd.stop();
  http.stop();
  rmSync(dir, { recursive: true, force: true });
}
