#!/usr/bin/env bash
# Description : État de départ : comptes alice, bob (groupe compta) et stagiaire, un poste client simulé (netns
#               poste-alice, 192.168.70.21) relié au serveur (br-lan, 192.168.70.1) ; Samba arrêté, aucun partage.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

systemctl disable --now smbd nmbd 2>/dev/null || true
groupadd -f compta
for u in alice bob stagiaire; do id "$u" >/dev/null 2>&1 || useradd -m -s /bin/bash "$u"; done
usermod -aG compta alice; usermod -aG compta bob
rm -rf /srv/partages/compta
# Le stagiaire a déjà un compte Samba (pour l'intranet) : il ne doit pas pour autant entrer dans le partage compta.
printf 'Stage-2026\nStage-2026\n' | smbpasswd -s -a stagiaire >/dev/null
for u in alice bob; do pdbedit -x -u "$u" >/dev/null 2>&1 || true; done
# La configuration d'origine de Debian, sans partage ajouté.
if grep -q '^\[compta\]' /etc/samba/smb.conf; then
  sed -i '/^\[compta\]/,$d' /etc/samba/smb.conf
fi

# Le réseau des postes : un pont Linux joue le commutateur, le poste d'alice est un netns.
ip link del br-lan 2>/dev/null || true
ip netns del poste-alice 2>/dev/null || true
ip link add br-lan type bridge
ip addr add 192.168.70.1/24 dev br-lan
ip link set br-lan up
ip netns add poste-alice
ip link add v-poste-alice type veth peer name eth0 netns poste-alice
ip link set v-poste-alice master br-lan up
ip -n poste-alice addr add 192.168.70.21/24 dev eth0
ip -n poste-alice link set lo up
ip -n poste-alice link set eth0 up
