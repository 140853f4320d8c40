// Loopback services the bench checks and talks to: two HTTP servers and a private sshd, all on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
}

async function waitPort(port) {
  for (let i = 0; i < 200; i++) {
    const up = await new Promise((res) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        res(true);
      });
      s.on('error', () => res(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port}`);
}

/** Starts a Node HTTP server (argv marker tssr-bench-http, for pgrep) and python3 -m http.server, both on loopback. */
export async function startHttp(dir) {
  const httpPort = await freePort();
  const pyPort = await freePort();
  const node = spawn(
    process.execPath,
    ['-e', "require('http').createServer((q, s) => s.end('tssr-bench ok')).listen(Number(process.argv[1]), '127.0.0.1')", String(httpPort), 'tssr-bench-http'],
    { stdio: 'ignore' },
  );
  const py = spawn('/usr/bin/python3', ['-m', 'http.server', String(pyPort), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  await Promise.all([waitPort(httpPort), waitPort(pyPort)]);
  return {
    httpPort,
    pyPort,
    stop() {
      node.kill();
      py.kill();
    },
  };
}

/** ssh_config lines for the algorithms tssr-lab's ssh2 client negotiates with OpenSSH (checked by its `handshake` event). */
export const SAME_ALGORITHMS = [
  '  KexAlgorithms curve25519-sha256@libssh.org,curve25519-sha256',
  '  Ciphers aes128-gcm@openssh.com',
  '  HostKeyAlgorithms ssh-ed25519',
];

/** Starts the tests' private sshd (out/test/helpers/sshd.js) and writes an OpenSSH client config for it. */
export async function startSshd(root, dir) {
  const { startSshd: start } = require(join(root, 'out/test/helpers/sshd.js'));
  const sshd = await start();
  const lines = [
    'Host 127.0.0.1',
    `  Port ${sshd.port}`,
    '  User root',
    `  IdentityFile ${sshd.clientKey}`,
    `  UserKnownHostsFile ${sshd.knownHosts}`,
    '  StrictHostKeyChecking yes',
    '  IdentitiesOnly yes',
    '  BatchMode yes',
  ];
  const config = join(dir, 'ssh_config');
  writeFileSync(config, [...lines, ''].join('\n'));
  // The same key exchange and cipher as tssr-lab's ssh2 client negotiates with this sshd: OpenSSH's own defaults
  // (sntrup761x25519, chacha20-poly1305) cost its client about 65 ms of CPU more per connection on this machine.
  const sameConfig = join(dir, 'ssh_config_same');
  writeFileSync(sameConfig, [...lines, ...SAME_ALGORITHMS, ''].join('\n'));
  // Testinfra asks for ControlMaster=auto itself but sets no ControlPath (and this version ignores --ssh-extra-args).
  const masterConfig = join(dir, 'ssh_config_master');
  writeFileSync(masterConfig, [...lines, `  ControlPath ${join(dir, 'cm-%C')}`, ''].join('\n'));
  return { ...sshd, config, sameConfig, masterConfig };
}

/** Which peers are installed; for a missing one, the apt-get line that installs it. */
export function peers() {
  const has = (cmd) => spawnSync('bash', ['-c', `command -v ${cmd}`]).status === 0;
  const testinfra = has('py.test-3') && spawnSync('/usr/bin/python3', ['-c', 'import testinfra']).status === 0;
  const serverspec = has('rspec') && spawnSync('ruby', ['-e', "require 'serverspec'"]).status === 0;
  return {
    testinfra: testinfra ? 'py.test-3' : undefined,
    serverspec: serverspec ? 'rspec' : undefined,
    missing: [
      ...(testinfra ? [] : ['python3-testinfra']),
      ...(serverspec ? [] : ['ruby-serverspec']),
      ...(has('ss') ? [] : ['iproute2']),
      ...(has('curl') ? [] : ['curl']),
    ],
  };
}
