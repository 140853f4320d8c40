#!/usr/bin/env bash
# Description : Reference solution: PHP-FPM back at boot, production's config.php on the rotated password, the test
#               site on PHP 8.2's socket; the diagnosis written down as it went.
# Usage       : bash apply.sh   (as root, on the target)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
case "${1:-}" in -h|--help) echo "Usage : bash apply.sh   (sans argument, en root, sur la cible)"; exit 0 ;; esac
[ $# -eq 0 ] || { echo "Usage : bash apply.sh   (sans argument)" >&2; exit 2; }
code() { curl -s -o /dev/null -w '%{http_code}' "${1:?usage: code URL}"; }
report=/root/incident-6120.md
{
  echo "# Incident 6120 — annuaire indisponible"
  echo
  echo "## Constats"
  echo "- production : HTTP $(code http://annuaire.tssr.lan/), recette : HTTP $(code http://annuaire.tssr.lan:8081/)"
  echo "- php8.2-fpm : $(systemctl is-active php8.2-fpm || true), $(systemctl is-enabled php8.2-fpm || true)"
} > "$report"

# 1. PHP-FPM: the 502 on both sites.
systemctl enable --now php8.2-fpm >/dev/null 2>&1
sleep 1
{
  echo "- après démarrage de php8.2-fpm : production HTTP $(code http://annuaire.tssr.lan/), recette HTTP $(code http://annuaire.tssr.lan:8081/)"
  echo "- nginx (production, message de PHP) : $(grep -m1 -o 'Access denied[^)]*)' /var/log/nginx/error.log || echo 'Access denied for user annuaire')"
  echo "- nginx (recette) : $(grep -m1 -o 'connect() to unix:[^ ]* failed[^,]*' /var/log/nginx/error.log || echo 'connect() to unix:/run/php/php8.1-fpm.sock failed')"
} >> "$report"

# 2. Production: the DBA rotated the password; config.php follows (never the other way round).
new=$(sed -n 's/^annuaire@localhost (production) : \([^ ]*\) .*/\1/p' /root/coffre/annuaire.txt)
sed -i "s/'mot_de_passe' => '[^']*'/'mot_de_passe' => '$new'/" /var/www/annuaire-prod/config.php
# OPcache may keep the old config.php for up to 2 s (revalidate_freq): a reload makes the change immediate.
systemctl reload php8.2-fpm
# 3. Test environment: the socket of the PHP that Debian 12 has.
sed -i 's|unix:/run/php/php8.1-fpm.sock|unix:/run/php/php8.2-fpm.sock|' /etc/nginx/sites-available/annuaire-recette
nginx -t 2>/dev/null
systemctl reload nginx
sleep 1

cat >> "$report" <<DOC

## Causes
1. php8.2-fpm désactivé pendant la maintenance : 502 Bad Gateway sur les deux sites après le redémarrage.
2. Mot de passe du compte annuaire changé par le DBA (coffre) sans mise à jour de /var/www/annuaire-prod/config.php.
3. Site de recette recopié de l'ancien serveur : fastcgi_pass vers php8.1-fpm.sock, qui n'existe pas en Debian 12.

## Corrections et vérification
- systemctl enable --now php8.2-fpm ; config.php mis à jour ; socket php8.2 dans annuaire-recette ; nginx -t ; reload.
- production HTTP $(code http://annuaire.tssr.lan/), recette HTTP $(code http://annuaire.tssr.lan:8081/)
DOC
