#!/usr/bin/env bash
# Description : Solution de référence : kamailio n'écoute qu'en UDP sur 192.168.30.1:5060, sans TCP, sans signature de
#               version ; démarré et activé au démarrage.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
cat > /etc/kamailio/kamailio-local.cfg <<'CFG'
# Réglages du site : serveur SIP du réseau voix uniquement
listen=udp:192.168.30.1:5060
disable_tcp=yes
server_signature=no
alias="voip.tssr.lan"
CFG
kamailio -c -f /etc/kamailio/kamailio.cfg >/dev/null 2>&1
systemctl enable kamailio
systemctl restart kamailio
for _ in $(seq 50); do ss -uln | grep -q '192.168.30.1:5060 ' && break; sleep 0.1; done
