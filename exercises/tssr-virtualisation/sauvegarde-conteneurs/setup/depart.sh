#!/usr/bin/env bash
# Description : Met srv-app01 dans l'état de départ : l'application de gestion tourne dans le conteneur podman
#               « gestion » (service container-gestion, port 8081), ses données dans le volume gestion-data, sans
#               aucune sauvegarde.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Repart de zéro : ni service, ni conteneur, ni volume, ni sauvegarde d'une tentative précédente.
for unit in container-gestion.service sauvegarde-conteneurs.timer sauvegarde-conteneurs.service; do
  systemctl disable --now "$unit" >/dev/null 2>&1 || true
  rm -f "/etc/systemd/system/$unit"
done
systemctl daemon-reload
podman rm -af >/dev/null 2>&1 || true
podman volume rm -af >/dev/null 2>&1 || true
podman rmi -af >/dev/null 2>&1 || true
rm -rf /var/backups/conteneurs /usr/local/sbin/sauvegarde-conteneurs.sh

# L'image de base (busybox statique : pas d'accès au registre).
work=$(mktemp -d)
install -d "$work/bin" "$work/www" "$work/tmp"
cp /bin/busybox "$work/bin/busybox"
for applet in $("$work/bin/busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$work/bin/$applet"
done
tar -C "$work" -cf - . | podman import - localhost/busybox:1.35 >/dev/null
rm -rf "$work"

# Les données de l'application, dans un volume nommé.
podman volume create gestion-data >/dev/null
data=$(podman volume inspect gestion-data --format '{{.Mountpoint}}')
cat > "$data/index.html" <<'HTML'
<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Gestion</title></head>
<body><h1>Gestion commerciale</h1><p><a href="tarifs-2026.csv">Tarifs 2026</a> · <a href="clients.csv">Clients</a></p></body></html>
HTML
printf 'reference;designation;prix_ht\nAR-1001;Arbre de transmission;412.50\nAR-1002;Palier a roulement;86.90\n' > "$data/tarifs-2026.csv"
printf 'code;raison_sociale;ville\nC0042;Menuiserie Favre;Vienne\nC0057;Garage du Pilat;Givors\n' > "$data/clients.csv"
install -d "$data/archives"
printf 'reference;designation;prix_ht\nAR-1001;Arbre de transmission;398.00\n' > "$data/archives/tarifs-2025.csv"

# Le conteneur en production, lancé par systemd.
podman create --name gestion -p 8081:80 --memory 128m -v gestion-data:/www:ro \
  localhost/busybox:1.35 httpd -f -p 80 -h /www >/dev/null
( cd /etc/systemd/system && podman generate systemd --new --name gestion --files >/dev/null )
sed -i 's/--cgroups=no-conmon/--cgroups=disabled/' /etc/systemd/system/container-gestion.service
podman rm gestion >/dev/null
systemctl daemon-reload
systemctl enable --now container-gestion >/dev/null 2>&1
for _ in $(seq 30); do
  curl -fs http://127.0.0.1:8081/ >/dev/null && break
  sleep 1
done
