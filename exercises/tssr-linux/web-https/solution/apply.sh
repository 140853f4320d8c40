#!/usr/bin/env bash
# Description : Reference solution: a local CA, an HTTPS nginx vhost with an HTTP redirect, Apache's wiki vhost on 8080.
# Usage       : bash apply.sh   (as root, on the target)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
d=/etc/ssl/tssr
install -d -m 0755 "$d"
cd "$d"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/CN=TSSR Lab CA" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout intranet.key -out intranet.csr -subj "/CN=intranet.tssr.lan" 2>/dev/null
printf 'subjectAltName=DNS:intranet.tssr.lan\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' > intranet.ext
openssl x509 -req -in intranet.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out intranet.crt -days 825 -extfile intranet.ext 2>/dev/null
chmod 0600 ca.key intranet.key
cp ca.crt /usr/local/share/ca-certificates/tssr-ca.crt
update-ca-certificates >/dev/null

cat > /etc/nginx/sites-available/intranet <<'NGINX'
# Intranet : HTTP redirigé vers HTTPS
server {
    listen 80;
    server_name intranet.tssr.lan;
    return 301 https://$host$request_uri;
}
server {
    listen 443 ssl;
    server_name intranet.tssr.lan;
    ssl_certificate     /etc/ssl/tssr/intranet.crt;
    ssl_certificate_key /etc/ssl/tssr/intranet.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    root /var/www/intranet;
    index index.html;
}
NGINX
ln -sf /etc/nginx/sites-available/intranet /etc/nginx/sites-enabled/intranet
sed -i 's/^\s*#\s*server_tokens off;/\tserver_tokens off;/' /etc/nginx/nginx.conf
nginx -t 2>/dev/null
systemctl reload nginx

sed -i 's/^Listen 80$/Listen 8080/' /etc/apache2/ports.conf
sed -i 's/^ServerTokens .*/ServerTokens Prod/' /etc/apache2/conf-available/security.conf
cat > /etc/apache2/sites-available/wiki.conf <<'APACHE'
<VirtualHost *:8080>
    ServerName wiki.tssr.lan
    DocumentRoot /var/www/wiki
    ErrorLog ${APACHE_LOG_DIR}/wiki-error.log
    CustomLog ${APACHE_LOG_DIR}/wiki-access.log combined
</VirtualHost>
APACHE
a2ensite -q wiki
a2dissite -q 000-default
apachectl configtest 2>/dev/null
systemctl enable --now apache2 2>/dev/null
systemctl restart apache2

install -d -m 0755 /srv/doc
cat > /srv/doc/installation-web.md <<'DOC'
# Installation de srv-web

## Certificats (/etc/ssl/tssr)
- AC : openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/CN=TSSR Lab CA"
- Intranet : openssl req -newkey … -subj "/CN=intranet.tssr.lan", puis openssl x509 -req -CA ca.crt (SAN intranet.tssr.lan)
- Confiance : /usr/local/share/ca-certificates/tssr-ca.crt + update-ca-certificates

## nginx
- /etc/nginx/sites-available/intranet (lien dans sites-enabled), server_tokens off ; nginx -t puis reload.

## Apache
- ports.conf : Listen 8080 ; sites-available/wiki.conf ; ServerTokens Prod ; apachectl configtest.

## Tests
- curl -I http://intranet.tssr.lan/ → 301 ; curl https://intranet.tssr.lan/ → 200
- curl http://wiki.tssr.lan:8080/ → 200
DOC
