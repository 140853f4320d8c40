#!/usr/bin/env bash
# Description : Met le serveur dans l'état de l'incident : une ligne fstab vers un disque retiré, rien de monté,
#               des publications à exposer.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Démonte ce qu'une tentative précédente a monté.
for m in /var/www/publications /srv/tmp-web; do
  if mountpoint -q "$m"; then umount "$m"; fi
done
rm -rf /srv/disques /root/intervention-5310.md

# Retire les lignes d'une tentative précédente, sans toucher au reste du fstab (la racine d'une vraie VM y est).
sed -i -e '\|/srv/tmp-web|d' -e '\|/var/www/publications|d' -e '/3f0c2a7e-1b7d-4c11-9a52-8e0f6d7c1a20/d' \
  -e "/^# Disque d'archives/d" -e "/^# Dossier temporaire du site/d" -e '/^# Publications exposées/d' /etc/fstab
# La ligne laissée par l'ancien administrateur : le disque d'archives n'existe plus.
cat >> /etc/fstab <<'FSTAB'
# Disque d'archives (sdb1), ajouté le 12/09
UUID=3f0c2a7e-1b7d-4c11-9a52-8e0f6d7c1a20 /srv/archives ext4 defaults 0 2
FSTAB
systemctl daemon-reload

# Les publications que le site doit pouvoir lire.
install -d -m 0755 /srv/donnees/publications /var/www/publications /srv/tmp-web
echo "Rapport annuel 2025 : chiffres clés" > /srv/donnees/publications/rapport-annuel-2025.txt
echo "Catalogue des formations" > /srv/donnees/publications/catalogue.txt
