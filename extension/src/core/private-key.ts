/**
 * Whether a private key file's text is protected by a passphrase, read from its own header: PEM keys say so
 * (`Proc-Type: 4,ENCRYPTED`, `BEGIN ENCRYPTED PRIVATE KEY`), an OpenSSH key names its cipher (`none` when clear).
 * The editor asks for a passphrase before it grades a room, not once per candidate that fails.
 */
export function keyIsEncrypted(text: string): boolean {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text) || /^Proc-Type:\s*4,ENCRYPTED/m.test(text)) return true;
  const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text);
  if (!m) return false;
  const data = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
  const magic = 'openssh-key-v1\0';
  if (data.subarray(0, magic.length).toString('latin1') !== magic || data.length < magic.length + 4) return false;
  const len = data.readUInt32BE(magic.length);
  const cipher = data.subarray(magic.length + 4, magic.length + 4 + len).toString('latin1');
  return cipher !== 'none';
}
