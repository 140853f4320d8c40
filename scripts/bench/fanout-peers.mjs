// The fan-out bench's clients, each as an argv run inside the hub namespace: tssr-lab grade, the bare-bash floor
// (one ssh per host, xargs -P 16), Ansible (forks 16, pipelining) and Testinfra (pytest-xdist -n 16 over ssh://).
// Every one does the suite's same 40 checks and opens one SSH connection per host per run (no master kept between runs).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { SAME_ALGORITHMS } from './services.mjs';

const PAR = 16;

/** Writes the roster, the Ansible files and the ssh configs for `hosts` into `dir`; returns the clients' argv. */
export function writeClients({ dir, room, hosts, cli, exDir, bashFile, testinfraFile, bashLines, runDir }) {
  mkdirSync(dir, { recursive: true });
  const roster = join(dir, 'salle.yaml');
  writeFileSync(roster, YAML.stringify({ candidates: hosts.map((h) => ({ id: h.id, name: `Poste ${h.id}`, host: h.address, user: 'root' })) }));
  const list = join(dir, 'hosts.txt');
  writeFileSync(list, hosts.map((h) => h.address).join('\n') + '\n');

  // Ansible: the 40 checks as 40 shell tasks (the same command lines as the bash floor), facts off.
  const cp = join(dir, 'ansible-cp');
  mkdirSync(cp, { recursive: true });
  writeFileSync(
    join(dir, 'inventory.ini'),
    [
      '[room]',
      ...hosts.map((h) => `${h.id} ansible_host=${h.address}`),
      '[room:vars]',
      'ansible_user=root',
      'ansible_python_interpreter=/usr/bin/python3',
      `ansible_ssh_private_key_file=${room.clientKey}`,
      `ansible_ssh_common_args='-o UserKnownHostsFile=${room.knownHosts} -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes'`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'ansible.cfg'),
    [
      '[defaults]',
      `forks = ${PAR}`,
      'host_key_checking = True',
      'gathering = explicit',
      'display_ok_hosts = False',
      'display_skipped_hosts = False',
      'retry_files_enabled = False',
      `local_tmp = ${join(dir, 'ansible-tmp')}`,
      '[ssh_connection]',
      'pipelining = True',
      'ssh_args = -o ControlMaster=auto -o ControlPersist=60s',
      `control_path_dir = ${cp}`,
      '',
    ].join('\n'),
  );
  const playbook = join(dir, 'checks.yml');
  writeFileSync(
    playbook,
    YAML.stringify([
      {
        hosts: 'room',
        gather_facts: false,
        tasks: bashLines.map((line, i) => ({
          name: `check ${i}`,
          'ansible.builtin.shell': line,
          args: { executable: '/bin/bash' },
          changed_when: false,
        })),
      },
    ]),
  );
  // Testinfra asks for ControlMaster=auto itself; its masters live in `tcp` and are closed after each run.
  const tcp = join(dir, 'testinfra-cp');
  mkdirSync(tcp, { recursive: true });
  const tiConfig = join(dir, 'ssh_config_testinfra');
  writeFileSync(tiConfig, `Host *\n  ControlPath ${join(tcp, '%C')}\n  Include ${room.sshConfig}\n`);
  const closeMasters = (folder) => readdirSync(folder).map((s) => [...room.hubExec, 'ssh', '-o', `ControlPath=${join(folder, s)}`, '-O', 'exit', 'x']);

  const hub = room.hubExec;
  const env = { SSH_AUTH_SOCK: '', HOME: dir, TSSR_LAB_LANG: 'fr' };
  const sameConfig = join(dir, 'ssh_config_same');
  writeFileSync(sameConfig, `Host *\n${SAME_ALGORITHMS.join('\n')}\n  Include ${room.sshConfig}\n`);
  const floorArgv = (config) => ({
    argv: [...hub, 'xargs', '-a', list, '-P', String(PAR), '-I{}', 'sh', '-c', `exec ssh -F "$1" "$2" bash -s < "$3"`, 'floor', config, '{}', bashFile],
    env,
  });
  return {
    roster,
    tssr: (out) => ({
      argv: [
        ...hub,
        cli,
        'grade',
        exDir,
        '--inventory',
        roster,
        '--out',
        out,
        '--concurrency',
        String(PAR),
        '--known-hosts',
        room.knownHosts,
        '-i',
        room.clientKey,
      ],
      env,
      cwd: runDir,
    }),
    // The floor: one ssh per host, 16 at a time, with the key exchange and cipher tssr-lab negotiates; and with
    // OpenSSH's defaults (sntrup761x25519, chacha20-poly1305), which cost its client more CPU, for reference.
    bash: floorArgv(sameConfig),
    bashDefaults: floorArgv(room.sshConfig),
    ansible: {
      argv: [...hub, 'ansible-playbook', '-i', join(dir, 'inventory.ini'), playbook],
      env: { ...env, ANSIBLE_CONFIG: join(dir, 'ansible.cfg'), ANSIBLE_NOCOLOR: '1' },
      after: () => closeMasters(cp),
    },
    testinfra: {
      argv: [
        ...hub,
        '/usr/bin/python3',
        '-m',
        'pytest',
        '-q',
        '-p',
        'no:cacheprovider',
        '-n',
        String(PAR),
        `--hosts=${hosts.map((h) => `ssh://${h.address}`).join(',')}`,
        `--ssh-config=${tiConfig}`,
        testinfraFile,
      ],
      env,
      cwd: dir,
      after: () => closeMasters(tcp),
    },
  };
}
