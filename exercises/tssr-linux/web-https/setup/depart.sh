#!/usr/bin/env bash
# Description : Met srv-web dans l'état de départ : nginx avec son site par défaut, Apache arrêté, pas de certificat,
#               les pages de l'équipe web en place et les noms dans /etc/hosts.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Retire ce qu'une tentative précédente a créé.
rm -rf /etc/ssl/tssr /srv/doc/installation-web.md
rm -f /usr/local/share/ca-certificates/tssr-ca.crt
update-ca-certificates --fresh >/dev/null 2>&1 || true
rm -f /etc/nginx/sites-enabled/intranet /etc/nginx/sites-available/intranet
ln -sf /etc/nginx/sites-available/default /etc/nginx/sites-enabled/default
rm -f /etc/apache2/sites-enabled/wiki.conf /etc/apache2/sites-available/wiki.conf
sed -i 's/^Listen 8080$/Listen 80/' /etc/apache2/ports.conf
sed -i 's/^ServerTokens .*/ServerTokens OS/' /etc/apache2/conf-available/security.conf
sed -i 's/^\s*server_tokens off;/\t# server_tokens off;/' /etc/nginx/nginx.conf
systemctl disable --now apache2 >/dev/null 2>&1 || true
systemctl enable nginx >/dev/null 2>&1
systemctl restart nginx

# Les pages livrées par l'équipe web.
install -d -m 0755 /var/www/intranet /var/www/wiki
cat > /var/www/intranet/index.html <<'HTML'
<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Intranet TSSR</title></head>
<body><h1>Intranet TSSR</h1><p>Bienvenue sur l'intranet de l'agence.</p></body></html>
HTML
cat > /var/www/wiki/index.html <<'HTML'
<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Wiki technique</title></head>
<body><h1>Wiki technique</h1><p>Procédures du service informatique.</p></body></html>
HTML

# Le DNS interne n'est pas encore à jour : les noms pointent vers ce serveur.
grep -q 'intranet.tssr.lan' /etc/hosts || echo '127.0.0.1 intranet.tssr.lan wiki.tssr.lan' >> /etc/hosts
