import assert from 'node:assert/strict';
import { parseInventory, type Candidate } from '../../extension/src/core/grade/inventory';
import { UsageError } from '../../extension/src/core/errors';

const home = '/home/jury';
const sshConfig = {
  home,
  text: [
    'Host bastion',
    '  HostName 10.9.0.1',
    '  User relais',
    '  IdentityFile ~/.ssh/relais',
    'Host salle-*',
    '  User candidat',
    '  ProxyJump bastion',
    'Host salle-01',
    '  HostName 10.9.1.11',
    '  Port 2201',
    'Host salle-02',
    '  HostName 10.9.1.12',
    '  IdentityFile ~/.ssh/jury',
    'Match exec "touch /tmp/tssr-lab-must-not-run"',
    '  User pirate',
  ].join('\n'),
};
const parse = (text: string, file = '/srv/session/inventaire.yaml'): Candidate[] =>
  parseInventory(text, file, { lang: 'fr', sshConfig, defaults: { user: 'root' } });
const brief = (c: Candidate): string =>
  `${c.id}|${c.name}|${c.user}@${c.host}:${c.port}|${c.key ?? '-'}|${c.jump.map((j) => `${j.user}@${j.host}:${j.port}`).join(',')}`;

describe('grade: inventories', () => {
  it('reads a TSSR Lab roster with defaults, relative keys and extra variables', () => {
    const list = parse(
      [
        'defaults: { user: candidat, key: cles/jury, vars: { reseau: 10.0.0.0/24 } }',
        'candidates:',
        '  - { id: c01, name: Alice Martin, host: 127.0.0.1, port: 2222, vars: { ip: 10.0.0.11 } }',
        '  - { id: c02, name: Bruno Petit, host: 127.0.0.2, user: root, key: /keys/b }',
      ].join('\n'),
    );
    assert.deepEqual(list.map(brief), ['c01|Alice Martin|candidat@127.0.0.1:2222|/srv/session/cles/jury|', 'c02|Bruno Petit|root@127.0.0.2:22|/keys/b|']);
    assert.deepEqual(list[0].vars, { reseau: '10.0.0.0/24', ip: '10.0.0.11' });
  });

  it('reads an Ansible INI inventory: groups, children, group vars and ansible_* variables', () => {
    const ini = [
      '[salle_a]',
      'poste01 ansible_host=10.1.0.11 ansible_port=2222 candidate_name="Chloé Durand"',
      'poste02 ansible_host=10.1.0.12 ansible_user=admin',
      '[salle_a:vars]',
      'ansible_user=candidat',
      'ansible_ssh_private_key_file=/keys/jury',
      '[session:children]',
      'salle_a',
      '[session:vars]',
      "ansible_ssh_common_args='-o ProxyJump=relais@10.9.0.1:2200'",
    ].join('\n');
    assert.deepEqual(parse(ini, '/srv/hosts.ini').map(brief), [
      'poste01|Chloé Durand|candidat@10.1.0.11:2222|/keys/jury|relais@10.9.0.1:2200',
      'poste02|poste02|admin@10.1.0.12:22|/keys/jury|relais@10.9.0.1:2200',
    ]);
  });

  it('reads an Ansible YAML inventory with nested children and inherited vars', () => {
    const yaml = [
      'all:',
      '  vars: { ansible_user: candidat }',
      '  children:',
      '    salle_b:',
      '      vars: { ansible_ssh_private_key_file: /keys/b }',
      '      hosts:',
      '        poste11: { ansible_host: 10.2.0.11, poste: B11 }',
      '        poste12: { ansible_host: 10.2.0.12, ansible_port: 2212 }',
    ].join('\n');
    const list = parse(yaml);
    assert.deepEqual(list.map(brief), ['poste11|poste11|candidat@10.2.0.11:22|/keys/b|', 'poste12|poste12|candidat@10.2.0.12:2212|/keys/b|']);
    assert.deepEqual(list[0].vars, { poste: 'B11' });
  });

  it('reads ~/.ssh/config Host aliases, with HostName, Port, IdentityFile and ProxyJump, and never runs Match exec', () => {
    const list = parseInventory(sshConfig.text, `${home}/.ssh/config`, { lang: 'fr', sshConfig });
    assert.deepEqual(list.map(brief), [
      'bastion|bastion|relais@10.9.0.1:22|/home/jury/.ssh/relais|',
      'salle-01|salle-01|candidat@10.9.1.11:2201|-|relais@10.9.0.1:22',
      'salle-02|salle-02|candidat@10.9.1.12:22|/home/jury/.ssh/jury|relais@10.9.0.1:22',
    ]);
    assert.ok(!list.some((c) => c.user === 'pirate'));
  });

  it('resolves a roster host through the ssh config aliases', () => {
    assert.deepEqual(parse('candidates:\n  - { id: c01, host: salle-01 }').map(brief), ['c01|c01|candidat@10.9.1.11:2201|-|relais@10.9.0.1:22']);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['a duplicate candidate', 'candidates:\n  - { id: c01, host: a }\n  - { id: c01, host: b }', /« c01 » figure deux fois/],
    ['an id that cannot name a file', 'candidates:\n  - { id: "../x", host: a }', /identifiant de candidat « \.\.\/x »/],
    ['an entry without host', 'candidates:\n  - { id: c01 }', /n° 1 .* n'a pas de « host »/],
    ['malformed YAML', 'candidates: [\n', /n'est pas un YAML lisible/],
    ['an unknown format', 'salut: 1', /format d'inventaire inconnu/],
  ];
  for (const [name, text, message] of bad) {
    it(`refuses ${name} with a French message saying what to do`, () => {
      assert.throws(
        () => parse(text),
        (e: unknown) => e instanceof UsageError && message.test(e.message),
      );
    });
  }
});
