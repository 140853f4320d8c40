#!/usr/bin/env bash
# Description : Met le serveur SSH dans l'état de départ de l'exercice : tel que livré par l'hébergeur.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-28
set -euo pipefail

# Retire les réglages d'une tentative précédente : l'exercice repart de zéro.
rm -f /etc/ssh/sshd_config.d/50-tssr-durcissement.conf

# L'hébergeur a déposé son propre fichier, comme les images cloud Debian et Ubuntu :
# il autorise root et les mots de passe. sshd garde la PREMIÈRE valeur lue (fichiers par ordre alphabétique).
install -d -m 0755 /etc/ssh/sshd_config.d
cat > /etc/ssh/sshd_config.d/50-cloud-init.conf <<'CONF'
# Déposé par l'hébergeur lors de la création de la VM
PermitRootLogin yes
PasswordAuthentication yes
CONF

# Valide la configuration, puis la recharge (les sessions ouvertes restent ouvertes).
install -d -m 0755 /run/sshd
sshd -t
if [ -d /run/systemd/system ]; then
  systemctl reload ssh || systemctl restart ssh
fi
