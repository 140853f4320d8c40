// SSH bench: cached runs of a small exercise over a loopback sshd, through the CLI and in-process.
// Prints the median CLI wall time over N runs, the median time to first result after the SSH session is ready,
// and the number of SSH sessions (channels) opened per run. Needs `npx tsc -p . && node scripts/build.mjs` first.
// Usage: node scripts/bench-ssh.mjs [runs=15] [--no-native] [--nagle]
// --nagle leaves TCP_NODELAY off in the in-process runs, to show what setting it saves.
// --compare <other/cli.js> alternates the CLI runs with another build (e.g. an older commit's dist/cli.js) under the same load.
// --no-native hides ssh2's optional add-ons (sshcrypto.node, cpu-features) from the in-process runs, as in the
// CLI bundle, which cannot load them: compare the in-process figures with and without it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
if (process.argv.includes('--no-native')) {
  const Module = require('node:module');
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (/sshcrypto\.node$|^cpu-features$/.test(request)) throw new Error(`hidden by --no-native: ${request}`);
    return resolve.call(this, request, ...rest);
  };
}
const { startSshd } = require('../out/test/helpers/sshd.js');
const { runExercise } = require('../out/extension/src/core/run.js');
const { SshTransport } = require('../out/extension/src/ssh/ssh-transport.js');
const { loadExercise } = require('../out/extension/src/core/pack.js');

const RUNS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 15);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const dir = mkdtempSync(join(tmpdir(), 'tssr-bench-ssh-'));
writeFileSync(join(dir, 'enonce.md'), '# Bench\n');
writeFileSync(join(dir, 'x.sh'), '#!/bin/sh\n');
writeFileSync(
  join(dir, 'exercise.yaml'),
  `id: bench-ssh
title: Bench SSH
competences: [CP9]
solution: { apply: x.sh }
criteria:
${['/etc/passwd', '/etc/group', '/etc/hostname', '/etc/os-release'].map((p, i) => `  - { id: f${i}, title: F${i}, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: file, path: ${p} }] }`).join('\n')}
${['true', 'uname', 'id', 'hostname'].map((c, i) => `  - { id: c${i}, title: C${i}, referentiel: CP9.1, points: 1, hint: h, checks: [{ type: command, exec: ['${c}'], exitStatus: 0 }] }`).join('\n')}
`,
);

const sshd = await startSshd();
const target = `ssh://root@127.0.0.1:${sshd.port}`;
const compareAt = process.argv.indexOf('--compare');
const other = compareAt > 0 ? process.argv[compareAt + 1] : undefined;
const cli = (i, bundle = 'dist/cli.js') => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [bundle, 'check', dir, '--target', target, '-i', sshd.clientKey, '--known-hosts', sshd.knownHosts, '--format', 'json'],
    { encoding: 'utf8', env: { ...process.env, SSH_AUTH_SOCK: '' } },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`run ${i} exited ${r.status}: ${r.stderr}`);
  return ms;
};
try {
  cli(0); // uploads the agent: the runs below are cached
  if (other) cli(0, other);
  const wall = [];
  const otherWall = [];
  for (let i = 0; i < RUNS; i++) {
    wall.push(cli(i + 1));
    if (other) otherWall.push(cli(i + 1, other));
  }
  const exercise = loadExercise(dir, 'fr').data;
  const agentSource = readFileSync('dist/agent.js', 'utf8');
  const first = [];
  const ready = [];
  const total = [];
  let sessions = 0;
  for (let i = 0; i < RUNS; i++) {
    let readyAt;
    let firstAt;
    const t0 = performance.now();
    const trace = (l) => {
      if (/^ssh ready/.test(l)) readyAt = performance.now();
      if (/^ssh session/.test(l)) sessions++;
    };
    const transport = new SshTransport({
      host: '127.0.0.1',
      port: sshd.port,
      user: 'root',
      identityFile: sshd.clientKey,
      knownHostsFile: sshd.knownHosts,
      agentSource,
      trace,
      tcpNoDelay: !process.argv.includes('--nagle'),
    });
    await runExercise({
      transport,
      exercise,
      exerciseDir: dir,
      lang: 'fr',
      onEvent: (e) => {
        if (e.event === 'result' && !firstAt) firstAt = performance.now();
      },
    });
    await transport.dispose();
    total.push(performance.now() - t0);
    ready.push((readyAt ?? t0) - t0);
    first.push(firstAt - (readyAt ?? t0));
  }
  const line = (name, xs) =>
    `cached CLI run over loopback SSH, 8 checks (${name}): median ${median(xs).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  console.log(line('dist/cli.js', wall));
  if (other) console.log(line(other, otherWall));
  const native = require('ssh2/lib/protocol/crypto.js').bindingAvailable ? 'with' : 'without';
  const nagle = process.argv.includes('--nagle') ? ', TCP_NODELAY off' : '';
  console.log(
    `in-process (${native} ssh2's native crypto add-on${nagle}): connect+auth median ${median(ready).toFixed(0)} ms; first result after session ready median ${median(first).toFixed(0)} ms; SSH sessions per run ${(sessions / RUNS).toFixed(1)}; whole run median ${median(total).toFixed(0)} ms`,
  );
} finally {
  sshd.stop();
  rmSync(dir, { recursive: true, force: true });
}
