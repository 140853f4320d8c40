#!/usr/bin/env bash
# Description : Met srv-web01 dans l'état de départ : snmpd tel que Debian le livre (écoute locale seulement,
#               communauté « public », vue réduite), sans utilisateur SNMPv3.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

hostnamectl set-hostname srv-web01 2>/dev/null || hostname srv-web01
systemctl stop snmpd

# Remet la configuration du paquet (gardée de côté au premier passage) et oublie les utilisateurs v3.
[ -f /etc/snmp/snmpd.conf.paquet ] || cp -p /etc/snmp/snmpd.conf /etc/snmp/snmpd.conf.paquet
cp -p /etc/snmp/snmpd.conf.paquet /etc/snmp/snmpd.conf
rm -f /etc/snmp/snmpd.conf.d/*.conf
[ -f /var/lib/snmp/snmpd.conf ] && sed -i '/^usmUser /d' /var/lib/snmp/snmpd.conf

systemctl enable --now snmpd >/dev/null 2>&1
