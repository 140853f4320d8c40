#!/usr/bin/env bash
# Description : Met srv-app01 dans l'état de départ : le service appli-metier (un serveur HTTP sur le port 8090)
#               tourne, sans alerte ni relance en cas de panne, et ses journaux ne tournent pas.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Retire le dispositif d'une tentative précédente.
rm -rf /etc/systemd/system/appli-metier.service.d /var/log/supervision
rm -f /etc/systemd/system/alerte@.service /usr/local/sbin/alerte-service.sh /etc/logrotate.d/supervision

# L'application métier : un petit serveur HTTP (busybox) et sa page d'état.
install -d /srv/appli-metier/www
echo 'appli-metier : OK' > /srv/appli-metier/www/etat.txt
cat > /etc/systemd/system/appli-metier.service <<'UNIT'
[Unit]
Description=Application métier des Ateliers du Rhône (port 8090)
After=network.target

[Service]
ExecStart=/bin/busybox httpd -f -p 8090 -h /srv/appli-metier/www

[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload
systemctl reset-failed appli-metier >/dev/null 2>&1 || true
systemctl enable appli-metier >/dev/null 2>&1
systemctl restart appli-metier
