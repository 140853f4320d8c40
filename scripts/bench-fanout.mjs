// npm run bench:fanout — grading a room: tssr-lab grade against a parallel bare-bash floor over ssh, Ansible and
// Testinfra, on 16 and 50 hosts (issue 12), then a load run of 100 hosts × 200 checks that must lose no verdict.
// Each host is its own network namespace (veth into one hub bridge, its own address and sshd, the suite's services on
// its loopback); every client runs inside the hub namespace; a blackhole route guards 10.214.0.0/16 while the room is up.
// Needs root, a build and the compiled tests (the npm script does both), openssh-server, curl, iproute2, ansible,
// python3-testinfra and python3-pytest-xdist. Env: BENCH_ROUNDS (5), BENCH_SIZES (16,50), BENCH_LOAD (100x200, or 0).
// `node scripts/bench-fanout.mjs --cleanup` removes what a killed run left (namespaces, their processes, the route).
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTree } from './bench/fanout-measure.mjs';
import { writeClients } from './bench/fanout-peers.mjs';
import { startRoomServices } from './bench/fanout-services.mjs';
import { checkLoad, printSeries, writeLoadExercise } from './bench/fanout-report.mjs';
import { suite, writeSuite } from './bench/suite.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
// The command as users run it (bin/tssr-lab starts Node on dist/cli.js).
const CLI = join(ROOT, 'bin/tssr-lab');
const PREFIX = 'tssr-fo';
const NET = '10.214';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '16,50').split(',').map(Number);
const [LOAD_HOSTS, LOAD_CHECKS] = (process.env.BENCH_LOAD ?? '100x200').split('x').map(Number);
// Ansible and Testinfra cost minutes per run on 2 busy cores: they can be limited to some sizes and the first rounds.
const PEERS_AT = (process.env.BENCH_PEERS_AT ?? process.env.BENCH_SIZES ?? '16,50').split(',').map(Number);
const PEER_ROUNDS = Number(process.env.BENCH_PEER_ROUNDS ?? ROUNDS);
const PEER_WARMUP = process.env.BENCH_PEER_WARMUP !== '0';
const PORTS = { httpPort: 8080, pyPort: 8000, sshPort: 22 };

const roomLib = join(ROOT, 'out/test/helpers/room.js');
if (process.getuid?.() !== 0) {
  console.error('bench:fanout needs root (network namespaces).');
  process.exit(2);
}
for (const f of [join(ROOT, 'dist/cli.js'), join(ROOT, 'dist/agent.js'), roomLib]) {
  if (!existsSync(f)) {
    console.error(`missing ${f}: run "npm run bench:fanout" (it builds first), or "node scripts/build.mjs && npx tsc -p ."`);
    process.exit(2);
  }
}
const { startRoom, cleanupRoom } = require(roomLib);
if (process.argv.includes('--cleanup')) {
  const gone = cleanupRoom(PREFIX, NET);
  console.log(gone.length ? `removed: ${gone.join(', ')}` : 'nothing to clean up');
  process.exit(0);
}
const uptime = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const hostCount = Math.max(...SIZES, LOAD_HOSTS || 0);
const work = mkdtempSync(join(tmpdir(), 'tssr-fanout-'));
let room;
let services;
const teardown = () => {
  services?.stop();
  room?.stop();
  rmSync(work, { recursive: true, force: true });
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(sig, () => {
    teardown();
    process.exit(130);
  });

try {
  console.log(`Load before: ${uptime()}. Building a room of ${hostCount} hosts…`);
  const t0 = performance.now();
  room = await startRoom({ prefix: PREFIX, net: NET, count: hostCount, startTimeoutMs: 30_000 });
  services = await startRoomServices(
    work,
    room.hosts.map((h) => h.ns),
    PORTS,
  );
  console.log(`  up in ${((performance.now() - t0) / 1000).toFixed(1)} s (namespaces, sshd, services).`);
  const dataFile = join(work, 'data.txt');
  writeFileSync(dataFile, 'tssr-bench\n');
  const files = writeSuite(work, { dataFile, ...PORTS });
  const bashLines = suite({ dataFile, ...PORTS }).flatMap(([, checks]) => checks.map((c) => c.bash));
  let seq = 0;
  const series = SIZES.map((n) => {
    const c = writeClients({
      dir: join(work, `n${n}`),
      room,
      hosts: room.hosts.slice(0, n),
      cli: CLI,
      exDir: files.exDir,
      bashFile: files.bash,
      testinfraFile: files.testinfra,
      bashLines,
      runDir: work,
    });
    const tssr = { name: 'tssr-lab grade', make: () => c.tssr(join(work, `run-${seq++}`)) };
    const peers = PEERS_AT.includes(n)
      ? [
          { name: 'Ansible, forks 16', make: () => c.ansible, peer: true },
          { name: 'Testinfra -n 16', make: () => c.testinfra, peer: true },
        ]
      : [];
    const floors = [
      { name: 'bash over ssh, same algorithms', make: () => c.bash, floor: true },
      { name: 'bash over ssh, OpenSSH defaults', make: () => c.bashDefaults },
    ];
    return { n, tools: [tssr, ...floors, ...peers] };
  });
  const exec = async (tool) => {
    const spec = tool.make();
    const r = await runTree(spec.argv, { env: spec.env, cwd: spec.cwd });
    for (const a of spec.after?.() ?? []) await runTree(a, { everyMs: 0, timeoutMs: 10_000 });
    if (tool.name === 'tssr-lab grade') {
      const out = spec.argv[spec.argv.indexOf('--out') + 1];
      r.verdicts = checkLoad(join(out, 'evaluation.json'), Infinity, files.count);
      rmSync(out, { recursive: true, force: true });
    }
    return r;
  };
  // Warm-up: uploads the agent (cached on the hosts from then on) and shows each tool's verdict once.
  const verdict = (s, tool, r, what) => {
    const ok = r.code === 0 && (!r.verdicts || r.verdicts.allPass);
    const failed = [...new Set(r.out.match(/FAILED \S+?::\w+|FAIL \d+|fatal: \[\w+\]|failed=[1-9]\d*/g) ?? [])].slice(0, 8).join(' ');
    console.log(`  ${what} ${s.n} hosts, ${tool.name}: ${ok ? 'all pass' : `exit ${r.code} ${r.verdicts ? r.verdicts.summary : failed}`}`);
  };
  for (const s of series)
    for (const tool of s.tools) {
      tool.times = [];
      tool.peaks = [];
      if (!tool.peer || PEER_WARMUP) verdict(s, tool, await exec(tool), 'warm-up');
    }
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of series)
      for (let k = 0; k < s.tools.length; k++) {
        const tool = s.tools[(k + round) % s.tools.length];
        if (tool.peer && round >= PEER_ROUNDS) continue;
        const r = await exec(tool);
        if (tool.peer && !PEER_WARMUP && round === 0) verdict(s, tool, r, 'first run,');
        tool.times.push(r.ms);
        tool.peaks.push(r.peakKb);
      }
    process.stdout.write(`\r  round ${round + 1}/${ROUNDS} (load ${uptime()})`);
  }
  process.stdout.write('\n');
  printSeries(series, ROUNDS, files.count);

  if (LOAD_HOSTS) {
    const exDir = writeLoadExercise(work, files.exDir, LOAD_CHECKS);
    const c = writeClients({
      dir: join(work, 'load'),
      room,
      hosts: room.hosts.slice(0, LOAD_HOSTS),
      cli: CLI,
      exDir,
      bashFile: files.bash,
      testinfraFile: files.testinfra,
      bashLines,
      runDir: work,
    });
    const out = join(work, 'run-load');
    const spec = c.tssr(out);
    const r = await runTree(spec.argv, { env: spec.env, cwd: spec.cwd });
    const v = checkLoad(join(out, 'evaluation.json'), LOAD_HOSTS, LOAD_CHECKS);
    console.log(
      `\nLoad run: ${LOAD_HOSTS} hosts × ${LOAD_CHECKS} checks in one tssr-lab grade run (concurrency 16): ${(r.ms / 1000).toFixed(1)} s, exit ${r.code}, evaluator peak PSS ${(r.peakKb / 1024).toFixed(0)} MB.`,
    );
    console.log(`  ${v.summary}`);
    console.log(`  ${v.exact ? 'PASS' : 'FAIL'}: evaluation.json holds ${v.verdicts} check verdicts, expected exactly ${LOAD_HOSTS * LOAD_CHECKS}.`);
    console.log(`  memory goal (≤ 300 MB at ${LOAD_HOSTS} hosts): ${r.peakKb / 1024 <= 300 ? 'met' : 'NOT met'}`);
  }
  console.log(`\nLoad after: ${uptime()} (2 cores shared with other work; medians of ${ROUNDS} alternating rounds).`);
} finally {
  teardown();
}
