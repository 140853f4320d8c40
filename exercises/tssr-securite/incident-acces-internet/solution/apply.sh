#!/usr/bin/env bash
# Description : Solution de référence : squid corrigé (faute de frappe, plus de « allow all »), pare-feu rechargé
#               depuis /etc/nftables.conf et réactivé, rapport d'incident rédigé.
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
systemctl reset-failed squid
systemctl restart squid
nft -c -f /etc/nftables.conf
systemctl enable nftables
systemctl restart nftables
for _ in $(seq 100); do ss -tln | grep -q ':3128 ' && break; sleep 0.1; done
cat > /root/rapport-incident.md <<'MD'
# Rapport d'incident — accès Internet

- **Constat :** squid arrêté (FATAL au démarrage), pare-feu vide (nft list ruleset : aucune règle), service nftables désactivé.
- **Cause :** dépannage non autorisé : « acl lan scr » (faute de frappe) et « http_access allow all » ajoutés dans
  /etc/squid/conf.d/tssr.conf, puis « nft flush ruleset ».
- **Actions :** correction de tssr.conf, « squid -k parse », redémarrage de squid ; « systemctl enable nftables » et
  rechargement de /etc/nftables.conf.
- **Contrôles :** navigation du LAN par le proxy (200), site interdit (403), Wi-Fi invités sans accès au proxy.
MD
