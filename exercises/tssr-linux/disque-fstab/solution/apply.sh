#!/usr/bin/env bash
# Description : Reference solution: drop the removed disk from fstab, add a hardened tmpfs and a read-only bind mount,
#               prepare an ext4 image, write the intervention report.
# Usage       : bash apply.sh   (as root, on the target)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

before=$(findmnt --verify 2>&1 || true)
# The archive disk is gone for good: comment its line out rather than delete it, for the record.
sed -i 's|^UUID=3f0c2a7e-1b7d-4c11-9a52-8e0f6d7c1a20|# Retiré (incident 5310) : UUID=3f0c2a7e-1b7d-4c11-9a52-8e0f6d7c1a20|' /etc/fstab
cat >> /etc/fstab <<'FSTAB'
# Dossier temporaire du site : rien d'exécutable (ANSSI)
tmpfs /srv/tmp-web tmpfs size=128m,mode=1777,nodev,nosuid,noexec 0 0
# Publications exposées au site en lecture seule
/srv/donnees/publications /var/www/publications none bind,ro 0 0
FSTAB
systemctl daemon-reload
install -d -m 0755 /srv/tmp-web /var/www/publications
mount -a
findmnt --verify

install -d -m 0750 /srv/disques
rm -f /srv/disques/donnees.img
truncate -s 64M /srv/disques/donnees.img
mkfs.ext4 -q -L DONNEES /srv/disques/donnees.img
e2fsck -fn /srv/disques/donnees.img >/dev/null

{
  echo "# Intervention 5310 — srv-web ne redémarre plus"
  echo
  echo "Symptôme : démarrage en mode secours après le retrait du disque d'archives."
  echo
  echo "Diagnostic : findmnt --verify"
  echo
  echo '```'
  echo "$before"
  echo '```'
  echo
  echo "Cause : /etc/fstab monte encore UUID=3f0c2a7e-… sur /srv/archives ; le disque n'existe plus, l'unité"
  echo "srv-archives.mount échoue et local-fs.target avec elle."
  echo
  echo "Correction : ligne commentée, systemctl daemon-reload, findmnt --verify sans erreur."
} > /root/intervention-5310.md
