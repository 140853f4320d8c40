import { defineEntries } from './define';

/** The SSH transport: connection, host keys, keys, upload, Node on the target. */
export const ssh = defineEntries({
  'ssh.agentUploaded': {
    fr: 'agent installé sur la cible : {0}',
    en: 'agent uploaded to the target: {0}',
  },
  'ssh.hostKeyRecorded': {
    fr: 'clé d’hôte {0} acceptée et enregistrée dans {1}',
    en: 'host key {0} accepted and recorded in {1}',
  },
  'ssh.keyUnreadable': {
    fr: 'Impossible de lire la clé privée {0} : {1}. Vérifiez le chemin donné avec -i ou dans les réglages.',
    en: 'Cannot read the private key {0}: {1}. Check the path given with -i or in the settings.',
  },
  'ssh.keyInvalid': {
    fr: 'Le fichier {0} n’est pas une clé privée utilisable : {1}.',
    en: 'The file {0} is not a usable private key: {1}.',
  },
  'ssh.keyEncrypted': {
    fr: 'La clé privée {0} est chiffrée : donnez sa phrase de passe (TSSR_LAB_SSH_PASSPHRASE pour la CLI ; l’éditeur la demande et la garde dans son stockage secret).',
    en: 'The private key {0} is encrypted: give its passphrase (TSSR_LAB_SSH_PASSPHRASE for the CLI; the editor asks and stores it in its secret storage).',
  },
  'ssh.passphraseWrong': {
    fr: 'La phrase de passe de la clé privée {0} est incorrecte : vérifiez TSSR_LAB_SSH_PASSPHRASE (ou ressaisissez-la dans l’éditeur).',
    en: 'The passphrase of the private key {0} is wrong: check TSSR_LAB_SSH_PASSPHRASE (or enter it again in the editor).',
  },
  'ssh.hostKeyChanged': {
    fr: 'LA CLÉ D’HÔTE DE {0} A CHANGÉ : elle présente maintenant {1} {2}, différente de celle enregistrée dans {3}. Ce peut être une attaque, ou la VM a été réinstallée. Vérifiez l’empreinte auprès du responsable de la VM, puis retirez l’ancienne ligne (ssh-keygen -R "[{4}]:{5}" -f {3}).',
    en: 'HOST KEY CHANGED for {0}: it now presents {1} {2}, which differs from the key recorded in {3}. This may be an attack, or the VM was reinstalled. Check the fingerprint with the VM\'s owner, then remove the old line (ssh-keygen -R "[{4}]:{5}" -f {3}).',
  },
  'ssh.hostKeyUnknown': {
    fr: 'Clé d’hôte inconnue pour {0} ({1} {2}), absente de {3}. Vérifiez l’empreinte, puis connectez-vous une fois avec --accept-new (ou ajoutez-la avec ssh-keyscan -p {5} {4} >> {3}).',
    en: 'Unknown host key for {0} ({1} {2}), not in {3}. Verify the fingerprint, then connect once with --accept-new (or add it with ssh-keyscan -p {5} {4} >> {3}).',
  },
  'ssh.knownHostsMissing': {
    fr: 'Le fichier known_hosts {3} n’existe pas : la clé d’hôte de {0} ({1} {2}) ne peut pas être vérifiée. Vérifiez l’empreinte, puis enregistrez-la avec ssh-keyscan -p {5} {4} >> {3}, ou connectez-vous une fois avec --accept-new.',
    en: 'The known_hosts file {3} does not exist: the host key of {0} ({1} {2}) cannot be verified. Verify the fingerprint, then record it with ssh-keyscan -p {5} {4} >> {3}, or connect once with --accept-new.',
  },
  'ssh.authRefused': {
    fr: 'Authentification refusée par {0} : {1} pour l’utilisateur {2}. Vérifiez le nom d’utilisateur et que la clé publique figure dans ~/.ssh/authorized_keys sur la cible.',
    en: 'Authentication refused by {0}: {1} for user {2}. Check the user name and that the public key is in ~/.ssh/authorized_keys on the target.',
  },
  'ssh.authKey': {
    fr: 'la clé {0} a été refusée',
    en: 'the key {0} was refused',
  },
  'ssh.authKeyAgent': {
    fr: 'la clé {0} et celles de ssh-agent ont été refusées',
    en: 'the key {0} and the ssh-agent keys were refused',
  },
  'ssh.authAgent': {
    fr: 'les clés de ssh-agent ont été refusées',
    en: 'the ssh-agent keys were refused',
  },
  'ssh.authNone': {
    fr: 'Aucune clé à proposer à {0} pour l’utilisateur {1} : donnez une clé privée avec -i, ou chargez-la dans ssh-agent.',
    en: 'No key to offer to {0} for user {1}: give a private key with -i, or load it into ssh-agent.',
  },
  'ssh.refused': {
    fr: 'Connexion refusée par {0} : sshd tourne-t-il et écoute-t-il sur le port {1} ?',
    en: 'Connection refused by {0}: is sshd running and listening on port {1}?',
  },
  'ssh.hostNotFound': {
    fr: 'Hôte {0} introuvable : vérifiez le nom ou utilisez une adresse IP.',
    en: 'Host {0} not found: check the name or use an IP address.',
  },
  'ssh.unreachable': {
    fr: '{0} injoignable : {1}. Vérifiez l’adresse, le réseau et le pare-feu.',
    en: '{0} is unreachable: {1}. Check the address, the network and the firewall.',
  },
  'ssh.silent': {
    fr: '{0} a accepté la connexion TCP mais aucun serveur SSH n’a répondu en {1} s : ce port est-il bien celui de sshd ?',
    en: '{0} accepted the TCP connection but no SSH server answered within {1} s: is this port the one sshd listens on?',
  },
  'ssh.handshakeTimeout': {
    fr: 'Pas de négociation SSH complète avec {0} en {1} s : vérifiez l’adresse et le pare-feu.',
    en: 'No complete SSH handshake with {0} within {1} s: check the address and the firewall.',
  },
  'ssh.noResponse': {
    fr: 'la connexion SSH avec {0} ne répond plus (rien reçu depuis {1} s) : réseau coupé ou machine figée',
    en: 'the SSH connection with {0} stopped answering (nothing received for {1} s): network cut or machine frozen',
  },
  'ssh.closed': {
    fr: 'la connexion SSH avec {0} a été fermée',
    en: 'the SSH connection with {0} was closed',
  },
  'ssh.error': {
    fr: 'Erreur SSH avec {0} : {1}',
    en: 'SSH error with {0}: {1}',
  },
  'ssh.execFailed': {
    fr: 'Impossible de lancer l’agent sur {0} : {1}',
    en: 'Cannot start the agent on {0}: {1}',
  },
  'ssh.sftpFailed': {
    fr: 'SFTP n’est pas disponible sur {0} : {1}',
    en: 'SFTP is not available on {0}: {1}',
  },
  'ssh.uploadFailed': {
    fr: 'Impossible de copier l’agent sur {0} : {1}. Le dossier personnel est-il accessible en écriture ?',
    en: 'Cannot upload the agent to {0}: {1}. Is the home folder writable?',
  },
  'ssh.nodeMissing': {
    fr: 'Node.js n’est pas installé sur {0} (ou pas dans le PATH d’une session SSH non interactive)',
    en: 'Node.js is not installed on {0} (or not in the PATH of a non-interactive SSH session)',
  },
  'ssh.nodeOld': {
    fr: 'Node.js {1} est trop ancien sur {0} (TSSR Lab demande la version {2} ou plus)',
    en: 'Node.js {1} is too old on {0} (TSSR Lab needs {2} or later)',
  },
  'ssh.nodeInstall': {
    fr: '{0}. Installez-le sur la cible, puis relancez la vérification :\n  Debian/Ubuntu : sudo apt-get install -y nodejs\n  RHEL/Rocky/Alma/Fedora : sudo dnf install -y nodejs',
    en: '{0}. Install it on the target, then run the check again:\n  Debian/Ubuntu: sudo apt-get install -y nodejs\n  RHEL/Rocky/Alma/Fedora: sudo dnf install -y nodejs',
  },
  'ssh.diskFull': {
    fr: 'Plus de place sur {0} pour copier l’agent : il reste {2} Kio dans {1}, il en faut {3}. Libérez de la place sur la cible (df -h ~), puis relancez.',
    en: 'No room on {0} to copy the agent: {2} KiB left in {1}, {3} needed. Free some space on the target (df -h ~), then run again.',
  },
  'ssh.jumpFailed': {
    fr: 'Le rebond {0} n’a pas pu joindre {1} ({2}) : vérifiez l’adresse et le port de la cible vus depuis le rebond, et que le rebond autorise le transfert TCP (AllowTcpForwarding).',
    en: 'Jump host {0} could not reach {1} ({2}): check the target’s address and port as seen from the jump host, and that it allows TCP forwarding (AllowTcpForwarding).',
  },
});
