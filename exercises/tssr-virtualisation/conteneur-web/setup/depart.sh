#!/usr/bin/env bash
# Description : Met srv-web01 dans l'état de départ : podman installé sans aucun conteneur, l'image de base livrée en
#               archive (pas d'accès au registre) et le site de l'intranet déposé dans /srv/intranet.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Repart de zéro : plus de service, de conteneur ni d'image d'une tentative précédente.
systemctl disable --now container-intranet >/dev/null 2>&1 || true
rm -f /etc/systemd/system/container-intranet.service
systemctl daemon-reload
podman rm -af >/dev/null 2>&1 || true
podman rmi -af >/dev/null 2>&1 || true

# L'image de base fournie par l'équipe système : un système minimal fait du binaire busybox statique.
work=$(mktemp -d)
install -d "$work/bin" "$work/www" "$work/tmp"
cp /bin/busybox "$work/bin/busybox"
for applet in $("$work/bin/busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$work/bin/$applet"
done
install -d /srv/images
tar -C "$work" -cf /srv/images/busybox-1.35-rootfs.tar .
rm -rf "$work"

# Le site de l'intranet, préparé par le service communication.
install -d /srv/intranet
cat > /srv/intranet/index.html <<'HTML'
<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Intranet</title></head>
<body><h1>Intranet des Ateliers du Rhône</h1><p>Menu de la cantine, annuaire, notes de service.</p></body></html>
HTML
