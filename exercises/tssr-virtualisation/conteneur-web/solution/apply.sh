#!/usr/bin/env bash
# Description : Solution de référence : importe l'image, crée le conteneur « intranet » limité à 128 Mo et un demi
#               processeur, publié sur le port 8080, et le fait démarrer par systemd avec le serveur.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

podman import /srv/images/busybox-1.35-rootfs.tar localhost/busybox:1.35 >/dev/null

# Le conteneur, tel que l'unité systemd le recréera à chaque démarrage (--new).
podman create --name intranet -p 8080:80 --memory 128m --cpus 0.5 \
  -v /srv/intranet:/www:ro localhost/busybox:1.35 httpd -f -p 80 -h /www >/dev/null

cd /etc/systemd/system
podman generate systemd --new --name intranet --files >/dev/null
# Dans ce conteneur nspawn, les cgroups sont en lecture seule : l'unité générée doit les désactiver.
sed -i 's/--cgroups=no-conmon/--cgroups=disabled/' container-intranet.service
podman rm intranet >/dev/null

systemctl daemon-reload
systemctl enable --now container-intranet
for _ in $(seq 30); do
  curl -fs http://127.0.0.1:8080/ >/dev/null && break
  sleep 1
done
