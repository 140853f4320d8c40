import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { TransportError } from '../../extension/src/core/errors';
import { fingerprint } from '../../extension/src/core/known-hosts';
import { SshTransport, type SshOptions } from '../../extension/src/ssh/ssh-transport';
import { startSshd, type Sshd } from '../helpers/sshd';
import { AGENT } from '../helpers/paths';

describe('SSH connection test and remote file reads (the editor’s Cibles view)', function () {
  this.timeout(60_000);
  let sshd: Sshd;
  let hostFingerprint: string;
  const options = (o: Partial<SshOptions> = {}): SshOptions => ({
    host: '127.0.0.1',
    port: sshd.port,
    user: 'root',
    identityFile: sshd.clientKey,
    knownHostsFile: sshd.knownHosts,
    agentSource: readFileSync(AGENT, 'utf8'),
    lang: 'fr',
    ...o,
  });
  const attempt = async (o: Partial<SshOptions>): Promise<{ transport: SshTransport; error?: TransportError; node?: string }> => {
    const transport = new SshTransport(options(o));
    try {
      const { node } = await transport.testConnection();
      return { transport, node };
    } catch (e) {
      return { transport, error: e as TransportError };
    } finally {
      await transport.dispose();
    }
  };

  before(async () => {
    sshd = await startSshd();
    hostFingerprint = fingerprint(Buffer.from(sshd.hostPublicKey, 'base64'));
  });
  after(() => sshd?.stop());

  it('connects to a known host and reports its key fingerprint and the target’s Node', async () => {
    const r = await attempt({});
    assert.equal(r.error, undefined);
    assert.equal(r.transport.presentedHostKey?.fingerprint, hostFingerprint);
    assert.equal(r.transport.presentedHostKey?.type, 'ssh-ed25519');
    assert.match(r.node ?? '', /^\d+\.\d+\.\d+$/);
  });

  it('shows a new key’s fingerprint without recording it, then records exactly the approved key', async () => {
    const file = `${sshd.dir}/known_hosts.new`;
    writeFileSync(file, '');
    const first = await attempt({ knownHostsFile: file });
    assert.equal(first.error?.code, 'HOST_KEY_UNKNOWN');
    assert.equal(first.transport.presentedHostKey?.fingerprint, hostFingerprint);
    assert.equal(readFileSync(file, 'utf8'), '');
    const other = await attempt({ knownHostsFile: file, acceptFingerprint: 'SHA256:someOtherKeyTheUserSaw' });
    assert.equal(other.error?.code, 'HOST_KEY_UNKNOWN', 'a key other than the approved one was trusted');
    assert.equal(readFileSync(file, 'utf8'), '');
    const approved = await attempt({ knownHostsFile: file, acceptFingerprint: hostFingerprint });
    assert.equal(approved.error, undefined);
    assert.ok(readFileSync(file, 'utf8').includes(sshd.hostPublicKey));
  });

  it('never accepts a changed key, even when its fingerprint is the one offered for approval', async () => {
    const r = await attempt({ knownHostsFile: sshd.wrongKnownHosts, acceptFingerprint: hostFingerprint });
    assert.equal(r.error?.code, 'HOST_KEY_CHANGED');
    assert.ok(!readFileSync(sshd.wrongKnownHosts, 'utf8').includes(sshd.hostPublicKey));
  });

  it('reads a file of the target over SFTP, cut at the limit', async () => {
    const transport = new SshTransport(options());
    try {
      const whole = await transport.readFile(`${sshd.dir}/sshd_config`, 1 << 20);
      assert.equal(whole.text, readFileSync(`${sshd.dir}/sshd_config`, 'utf8'));
      assert.equal(whole.truncated, false);
      const cut = await transport.readFile(`${sshd.dir}/sshd_config`, 10);
      assert.equal(cut.text, whole.text.slice(0, 10));
      assert.equal(cut.truncated, true);
      await assert.rejects(transport.readFile('/nonexistent/tssr-lab', 100));
    } finally {
      await transport.dispose();
    }
  });
});
