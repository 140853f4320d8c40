#!/usr/bin/env bash
# Description : Solution de référence : snmpd écoute sur toutes les interfaces, communauté v2c en lecture seule
#               limitée au réseau de supervision, utilisateur v3 authPriv, localisation, contact et seuils.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

systemctl stop snmpd
# Le fichier du paquet : écoute locale seulement, communauté « public », localisation d'exemple.
sed -i -e 's/^agentaddress .*/agentaddress udp:161,udp6:[::1]:161/' \
  -e '/^\s*rocommunity6\?\s\+public/d' -e '/^sysLocation/d' -e '/^sysContact/d' /etc/snmp/snmpd.conf

cat > /etc/snmp/snmpd.conf.d/supervision.conf <<'CONF'
# Supervision de srv-web01 (ticket 2026-0486)
sysLocation Lyon - salle serveurs B12
sysContact supervision@lab.tssr
view supervision included .1
# v2c : lecture seule, depuis le serveur de supervision et le poste local
rocommunity tssr-supervision 127.0.0.1 -V supervision
rocommunity tssr-supervision 192.168.50.0/24 -V supervision
# v3 : authentification SHA et chiffrement AES
createUser supervision SHA "Sup3rvision-TSSR" AES "Chiffr3ment-TSSR"
rouser supervision authpriv -V supervision
# Seuils : espace libre de /tmp sous 10 %, charge sur 1, 5 et 15 minutes
disk /tmp 10%
load 4 3 2
CONF
chmod 0600 /etc/snmp/snmpd.conf.d/supervision.conf
systemctl enable --now snmpd
sleep 1
