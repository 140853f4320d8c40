#!/usr/bin/env bash
# Description : Solution de référence : script de sauvegarde (volume + conteneur), timer systemd à 02 h 00, une
#               sauvegarde lancée, puis restauration du volume dans un conteneur de test publié sur le port 8082.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

cat > /usr/local/sbin/sauvegarde-conteneurs.sh <<'SH'
#!/usr/bin/env bash
# Description : Sauvegarde l'application de gestion : les données (volume gestion-data) et le système de fichiers du
#               conteneur « gestion », dans /var/backups/conteneurs ; garde 7 jours.
# Usage       : sauvegarde-conteneurs.sh   (en root ; lancé par sauvegarde-conteneurs.timer)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
DEST=/var/backups/conteneurs
horodatage=$(date +%Y%m%d-%H%M%S)
install -d -m 0700 "$DEST"
podman volume export gestion-data -o "$DEST/gestion-data-$horodatage.tar"
podman export gestion -o "$DEST/gestion-conteneur-$horodatage.tar"
find "$DEST" -name '*.tar' -mtime +7 -delete
SH
chmod 0750 /usr/local/sbin/sauvegarde-conteneurs.sh

cat > /etc/systemd/system/sauvegarde-conteneurs.service <<'UNIT'
[Unit]
Description=Sauvegarde des conteneurs de l'application de gestion

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/sauvegarde-conteneurs.sh
UNIT
cat > /etc/systemd/system/sauvegarde-conteneurs.timer <<'UNIT'
[Unit]
Description=Sauvegarde des conteneurs chaque nuit à 02 h 00

[Timer]
OnCalendar=*-*-* 02:00:00
Persistent=true

[Install]
WantedBy=timers.target
UNIT
systemctl daemon-reload
systemctl enable --now sauvegarde-conteneurs.timer
systemctl start sauvegarde-conteneurs.service

# Test de restauration : un volume neuf, rempli depuis la dernière sauvegarde, servi par un conteneur de test.
dernier=$(ls -1t /var/backups/conteneurs/gestion-data-*.tar | head -1)
podman rm -f gestion-test >/dev/null 2>&1 || true
podman volume rm -f gestion-data-test >/dev/null 2>&1 || true
podman volume create gestion-data-test >/dev/null
podman volume import gestion-data-test "$dernier"
podman run -d --name gestion-test -p 8082:80 -v gestion-data-test:/www:ro \
  localhost/busybox:1.35 httpd -f -p 80 -h /www >/dev/null
for _ in $(seq 30); do
  curl -fs http://127.0.0.1:8082/ >/dev/null && break
  sleep 1
done
