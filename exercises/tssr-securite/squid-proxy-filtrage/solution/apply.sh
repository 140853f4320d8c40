#!/usr/bin/env bash
# Description : Solution de référence : ACL du LAN, liste noire par domaine refusée avant tout, squid activé ; un essai
#               de site interdit laisse sa trace TCP_DENIED dans access.log.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
cat > /etc/squid/conf.d/tssr.conf <<'CONF'
# Règles du site (charte informatique, §6 : navigation)
acl lan src 192.168.100.0/24
acl sites_interdits dstdomain "/etc/squid/sites-interdits.txt"
http_access deny sites_interdits
http_access allow lan
CONF
squid -k parse >/dev/null 2>&1
systemctl enable squid
systemctl restart squid
for _ in $(seq 100); do ss -tln | grep -q ':3128 ' && break; sleep 0.1; done
# Le test de l'exploitant, comme le demande l'énoncé : il laisse sa trace TCP_DENIED dans access.log.
ip netns exec pc-compta curl -s -o /dev/null --max-time 8 -x http://192.168.100.254:3128 http://www.jeux-en-ligne.example/
