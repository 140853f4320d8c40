// Prints how long the agent takes on the sample exercises: local, and over SSH to a private sshd on 127.0.0.1.
// Run after `npm test` (or `node scripts/build.mjs && npx tsc -p .`), as root with openssh-server installed.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const { loadPack } = require(join(ROOT, 'out/extension/src/core/pack.js'));
const { runExercise } = require(join(ROOT, 'out/extension/src/core/run.js'));
const { LocalTransport } = require(join(ROOT, 'out/extension/src/core/local-transport.js'));
const { SshTransport } = require(join(ROOT, 'out/extension/src/ssh/ssh-transport.js'));
const { startSshd } = require(join(ROOT, 'out/test/helpers/sshd.js'));

const ROUNDS = 5;
const pack = loadPack(join(ROOT, 'exercises/tssr-debian'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(makeTransport, ex) {
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) {
    const transport = makeTransport();
    const t0 = performance.now();
    await runExercise({ transport, exercise: ex.data, exerciseDir: ex.dir, lang: 'fr', useSolution: true });
    runs.push(performance.now() - t0);
    await transport.dispose();
  }
  return runs;
}

const sshd = await startSshd();
const agentSource = readFileSync(join(ROOT, 'dist/agent.js'), 'utf8');
try {
  console.log(`exercise               local median (min–max) ms     ssh median (min–max) ms   [${ROUNDS} runs each; ssh = connect + deploy check + run]`);
  for (const ex of pack.exercises) {
    const local = await time(() => new LocalTransport(join(ROOT, 'dist/agent.js')), ex);
    const ssh = await time(() => new SshTransport({ host: '127.0.0.1', port: sshd.port, user: 'root', identityFile: sshd.clientKey, knownHostsFile: sshd.knownHosts, agentSource }), ex);
    const fmt = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`.padEnd(28);
    console.log(`${ex.data.id.padEnd(22)} ${fmt(local)} ${fmt(ssh)}`);
  }
} finally {
  sshd.stop();
}
