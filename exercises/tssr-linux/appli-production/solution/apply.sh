#!/usr/bin/env bash
# Description : Reference solution: MariaDB and PHP-FPM, the annuaire in production (:80) and in a separate test
#               environment (:8081, its own database), then the 1.1 update: test environment first, tested, then production.
# Usage       : bash apply.sh   (as root, on the target)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
case "${1:-}" in -h|--help) echo "Usage : bash apply.sh   (sans argument, en root, sur la cible)"; exit 0 ;; esac
[ $# -eq 0 ] || { echo "Usage : bash apply.sh   (sans argument)" >&2; exit 2; }
L=/opt/livraisons
systemctl enable --now mariadb php8.2-fpm >/dev/null 2>&1

mariadb <<'SQL'
CREATE DATABASE IF NOT EXISTS annuaire_prod CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS annuaire_recette CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS 'annuaire'@'localhost' IDENTIFIED BY 'Annu-Prod-2026';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX ON annuaire_prod.* TO 'annuaire'@'localhost';
CREATE USER IF NOT EXISTS 'annuaire_rec'@'localhost' IDENTIFIED BY 'Annu-Rec-2026';
GRANT ALL PRIVILEGES ON annuaire_recette.* TO 'annuaire_rec'@'localhost';
SQL
mariadb annuaire_prod < "$L/annuaire-1.0/schema.sql"
mariadb annuaire_recette < "$L/annuaire-1.0/schema.sql"

# deploy DIR VERSION LABEL DB USER PASSWORD: only the code goes under the web root, never the SQL or the tests.
deploy() {
  install -d -m 0755 "${1:?usage: deploy DIR VERSION LABEL DB USER PASSWORD}"
  install -m 0644 "$L/annuaire-$2/index.php" "$L/annuaire-$2/VERSION" "$1/"
  cat > "$1/config.php" <<PHP
<?php
return [
    'environnement' => '$3',
    'dsn' => 'mysql:host=localhost;dbname=$4;charset=utf8mb4',
    'utilisateur' => '$5',
    'mot_de_passe' => '$6',
];
PHP
  chown root:www-data "$1/config.php"
  chmod 0640 "$1/config.php"
  # OPcache keeps compiled code for up to 2 s (revalidate_freq): reload so the new code answers at once.
  if systemctl is-active -q php8.2-fpm; then systemctl reload php8.2-fpm; fi
}
deploy /var/www/annuaire-prod 1.0 PRODUCTION annuaire_prod annuaire Annu-Prod-2026
deploy /var/www/annuaire-recette 1.0 RECETTE annuaire_recette annuaire_rec Annu-Rec-2026

site() { # site NAME PORT ROOT
  cat > "/etc/nginx/sites-available/$1" <<NGINX
server {
    listen $2;
    server_name annuaire.tssr.lan;
    root $3;
    index index.php;
    location / { try_files \$uri \$uri/ =404; }
    location ~ \.php\$ {
        include snippets/fastcgi-php.conf;
        fastcgi_pass unix:/run/php/php8.2-fpm.sock;
    }
}
NGINX
  ln -sf "/etc/nginx/sites-available/$1" "/etc/nginx/sites-enabled/$1"
}
site annuaire 80 /var/www/annuaire-prod
site annuaire-recette 8081 /var/www/annuaire-recette
nginx -t 2>/dev/null
systemctl reload nginx
sleep 1

# The 1.1 update: the test environment first, with the developers' smoke test kept as the trace.
install -d -m 0755 /var/log/annuaire
mariadb annuaire_recette < "$L/annuaire-1.1/migrations/002-telephone.sql"
deploy /var/www/annuaire-recette 1.1 RECETTE annuaire_recette annuaire_rec Annu-Rec-2026
"$L/annuaire-1.1/tests/smoke.sh" http://annuaire.tssr.lan:8081/ | tee /var/log/annuaire/recette-1.1.log
# Then production, after a dump to roll back to.
mariadb-dump annuaire_prod > /var/backups/annuaire_prod-avant-1.1.sql
mariadb annuaire_prod < "$L/annuaire-1.1/migrations/002-telephone.sql"
deploy /var/www/annuaire-prod 1.1 PRODUCTION annuaire_prod annuaire Annu-Prod-2026
"$L/annuaire-1.1/tests/smoke.sh" http://annuaire.tssr.lan/ | tee /var/log/annuaire/production-1.1.log
