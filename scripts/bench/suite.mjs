// The bench's 40-check suite, written once and rendered for each tool: a TSSR Lab exercise, a bare-bash script,
// a Testinfra test file and a Serverspec spec. Composition as in issue 8: files, users, groups, packages, ports,
// processes, commands, http, sysctl, cron. Groups, processes, http, sysctl and cron use the agent's native types
// (issue 9). The peers use their native resources where they have one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

const q = (s) => `'${s.replaceAll("'", "'\\''")}'`;
const py = (s) => JSON.stringify(s);
const rb = (s) => `'${s.replaceAll("'", "\\'")}'`;

/** A command check in every dialect: exit 0 and, optionally, stdout contains `out`. */
function cmd(argv, out) {
  const line = argv.map(q).join(' ');
  return {
    check: { type: 'command', exec: argv, exitStatus: 0, ...(out ? { stdout: [out] } : {}) },
    bash: out ? `[[ "$(${line})" == *${q(out)}* ]]` : `${line} >/dev/null`,
    testinfra: `r = host.run(${py(line)}); assert r.rc == 0${out ? ` and ${py(out)} in r.stdout` : ''}`,
    serverspec: `describe command(${rb(line)}) do\n  its(:exit_status) { should eq 0 }\n${out ? `  its(:stdout) { should contain(${rb(out)}) }\n` : ''}end`,
  };
}

/** The 40 checks, grouped in 10 critères; `ports` are the loopback services the bench started. */
export function suite({ dataFile, httpPort, pyPort, sshPort }) {
  const file = (path, o, bash, testinfra, serverspec) => ({
    check: { type: 'file', path, ...o },
    bash,
    testinfra: `f = host.file(${py(path)}); assert ${testinfra}`,
    serverspec: `describe file(${rb(path)}) do\n${serverspec.map((s) => `  it { should ${s} }`).join('\n')}\nend`,
  });
  const user = (name, o, bash, testinfra, serverspec) => ({
    check: { type: 'user', name, ...o },
    bash,
    testinfra: `u = host.user(${py(name)}); assert ${testinfra}`,
    serverspec: `describe user(${rb(name)}) do\n${serverspec.map((s) => `  it { should ${s} }`).join('\n')}\nend`,
  });
  const group = (name) => ({
    ...cmd(['getent', 'group', name]),
    check: { type: 'group', name },
    testinfra: `assert host.group(${py(name)}).exists`,
    serverspec: `describe group(${rb(name)}) do\n  it { should exist }\nend`,
  });
  const pkg = (name) => ({
    check: { type: 'package', name, installed: true },
    bash: `dpkg-query -W -f='\${Status}' ${name} 2>/dev/null | grep -q 'ok installed'`,
    testinfra: `assert host.package(${py(name)}).is_installed`,
    serverspec: `describe package(${rb(name)}) do\n  it { should be_installed }\nend`,
  });
  const port = (p) => ({
    check: { type: 'port', port: p, protocol: 'tcp', listening: true },
    bash: `ss -Htln "sport = :${p}" | grep -q .`,
    testinfra: `assert host.socket("tcp://127.0.0.1:${p}").is_listening`,
    serverspec: `describe port(${p}) do\n  it { should be_listening }\nend`,
  });
  // `check` is the native probe; `argv` is what bash runs (pgrep), the peers look the process up by comm where they can.
  const proc = (argv, check, comm) => ({
    ...cmd(argv),
    check: { type: 'process', ...check },
    ...(comm
      ? { testinfra: `assert host.process.filter(comm=${py(comm)})`, serverspec: `describe process(${rb(comm)}) do\n  it { should be_running }\nend` }
      : {}),
  });
  const sysctl = (key, value) => ({
    ...cmd(['sysctl', '-n', key], value),
    check: { type: 'kernelParam', key, value },
    testinfra: `assert str(host.sysctl(${py(key)})) == ${py(value)}`,
    serverspec: `describe linux_kernel_parameter(${rb(key)}) do\n  its(:value) { should eq ${/^\d+$/.test(value) ? value : rb(value)} }\nend`,
  });
  const url = `http://127.0.0.1:${httpPort}/`;
  return [
    [
      'fichiers',
      [
        file(
          '/etc/passwd',
          { filetype: 'file', mode: '0644', owner: 'root' },
          '[ -f /etc/passwd ] && [ "$(stat -c %a:%U /etc/passwd)" = 644:root ]',
          'f.is_file and f.mode == 0o644 and f.user == "root"',
          ['be_file', 'be_mode 644', "be_owned_by 'root'"],
        ),
        file(
          '/etc/group',
          { filetype: 'file', owner: 'root', group: 'root' },
          '[ -f /etc/group ] && [ "$(stat -c %U:%G /etc/group)" = root:root ]',
          'f.is_file and f.user == "root" and f.group == "root"',
          ['be_file', "be_owned_by 'root'", "be_grouped_into 'root'"],
        ),
        file('/etc/hostname', { exists: true }, '[ -e /etc/hostname ]', 'f.exists', ['exist']),
        file('/etc/os-release', { contents: ['Debian'] }, 'grep -q Debian /etc/os-release', '"Debian" in f.content_string', ["contain 'Debian'"]),
        file('/tmp', { filetype: 'directory' }, '[ -d /tmp ]', 'f.is_directory', ['be_directory']),
        file('/etc/ssh/sshd_config', { contents: ['Subsystem'] }, 'grep -q Subsystem /etc/ssh/sshd_config', '"Subsystem" in f.content_string', [
          "contain 'Subsystem'",
        ]),
        file(
          '/etc/shadow',
          { owner: 'root', group: 'shadow' },
          '[ "$(stat -c %U:%G /etc/shadow)" = root:shadow ]',
          'f.user == "root" and f.group == "shadow"',
          ["be_owned_by 'root'", "be_grouped_into 'shadow'"],
        ),
        file(
          dataFile,
          { filetype: 'file', contents: ['tssr-bench'] },
          `[ -f ${q(dataFile)} ] && grep -q tssr-bench ${q(dataFile)}`,
          'f.is_file and "tssr-bench" in f.content_string',
          ['be_file', "contain 'tssr-bench'"],
        ),
      ],
    ],
    [
      'utilisateurs',
      [
        user(
          'root',
          { uid: 0, home: '/root', shell: '/bin/bash' },
          '[ "$(getent passwd root | cut -d: -f3,6,7)" = 0:/root:/bin/bash ]',
          'u.uid == 0 and u.home == "/root" and u.shell == "/bin/bash"',
          ['have_uid 0', "have_home_directory '/root'", "have_login_shell '/bin/bash'"],
        ),
        user('daemon', { exists: true }, 'getent passwd daemon >/dev/null', 'u.exists', ['exist']),
        user('nobody', { uid: 65534 }, '[ "$(getent passwd nobody | cut -d: -f3)" = 65534 ]', 'u.uid == 65534', ['have_uid 65534']),
        user('www-data', { home: '/var/www' }, '[ "$(getent passwd www-data | cut -d: -f6)" = /var/www ]', 'u.home == "/var/www"', [
          "have_home_directory '/var/www'",
        ]),
      ],
    ],
    ['groupes', [group('adm'), group('sudo'), group('users')]],
    ['paquets', ['bash', 'coreutils', 'dpkg', 'apt', 'tar', 'openssh-server', 'python3', 'ruby'].map(pkg)],
    ['ports', [port(httpPort), port(pyPort), port(sshPort)]],
    [
      'processus',
      [
        proc(['pgrep', '-x', 'sshd'], { comm: 'sshd' }, 'sshd'),
        proc(['pgrep', '-f', 'tssr-bench-http'], { comm: 'node', args: ['tssr-bench-http'] }),
        proc(['pgrep', '-f', 'http.server'], { comm: 'python3', args: ['http.server'] }),
      ],
    ],
    ['commandes', [cmd(['true']), cmd(['uname', '-s'], 'Linux'), cmd(['id', '-u'], '0'), cmd(['bash', '-c', 'echo tssr'], 'tssr')]],
    [
      'http',
      [
        { ...cmd(['curl', '-fsS', url], 'tssr-bench'), check: { type: 'http', url, body: ['tssr-bench'] } },
        {
          ...cmd(['curl', '-fsS', '-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${pyPort}/`], '200'),
          check: { type: 'http', url: `http://127.0.0.1:${pyPort}/`, status: 200 },
        },
        { ...cmd(['curl', '-fsSI', `${url}health`], '200'), check: { type: 'http', url: `${url}health`, method: 'HEAD', status: 200 } },
      ],
    ],
    ['sysctl', [sysctl('kernel.ostype', 'Linux'), sysctl('net.ipv4.tcp_syncookies', '1')]],
    [
      'cron',
      [
        file('/etc/cron.daily', { filetype: 'directory' }, '[ -d /etc/cron.daily ]', 'f.is_directory', ['be_directory']),
        {
          // The daily jobs are scheduled: /etc/crontab (or cron.d, or a timer) runs run-parts on /etc/cron.daily.
          check: { type: 'cron', command: { contains: 'cron.daily' }, user: 'root' },
          bash: 'grep -q cron.daily /etc/crontab',
          testinfra: `assert "cron.daily" in host.file("/etc/crontab").content_string`,
          serverspec: `describe file('/etc/crontab') do\n  it { should contain 'cron.daily' }\nend`,
        },
      ],
    ],
  ];
}

/** Writes the suite for every tool into `dir`; returns the paths. */
export function writeSuite(dir, ports) {
  const groups = suite(ports);
  const count = groups.reduce((n, [, checks]) => n + checks.length, 0);
  const exDir = join(dir, 'exercise');
  mkdirSync(exDir, { recursive: true });
  const exercise = {
    id: 'bench-40',
    title: { fr: 'Banc d’essai : 40 vérifications', en: 'Bench: 40 checks' },
    competences: ['CCS1'],
    solution: { apply: 'apply.sh' },
    criteria: groups.map(([id, checks]) => ({ id, title: id, referentiel: 'CCS1.1', points: 1, hint: id, checks: checks.map((c) => c.check) })),
  };
  writeFileSync(join(exDir, 'exercise.yaml'), YAML.stringify(exercise)); // block style, as a trainer writes it
  writeFileSync(join(exDir, 'apply.sh'), '#!/bin/sh\ntrue\n');
  writeFileSync(join(exDir, 'enonce.md'), '# Banc d’essai\n');
  const all = groups.flatMap(([, checks]) => checks);
  const bash = join(dir, 'checks.sh');
  writeFileSync(
    bash,
    `#!/bin/bash\n# ${count} checks, one line each: what a careful admin would type.\nfail=0\n${all.map((c, i) => `${c.bash} || { echo "FAIL ${i}"; fail=$((fail+1)); }`).join('\n')}\necho "failed: $fail"\nexit $((fail > 0))\n`,
  );
  const testinfra = join(dir, 'test_bench.py');
  writeFileSync(
    testinfra,
    `# ${count} checks with Testinfra's modules.\n${all.map((c, i) => `\ndef test_${i}(host):\n    ${c.testinfra.replaceAll('; ', '\n    ')}\n`).join('')}`,
  );
  const specDir = join(dir, 'spec');
  mkdirSync(specDir, { recursive: true });
  const serverspec = join(specDir, 'bench_spec.rb');
  writeFileSync(serverspec, `require 'serverspec'\nset :backend, :exec\n\n${all.map((c) => c.serverspec).join('\n\n')}\n`);
  return { count, exDir, bash, testinfra, serverspec, checks: all.map((c) => c.check) };
}
