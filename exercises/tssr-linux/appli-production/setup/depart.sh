#!/usr/bin/env bash
# Description : Met srv-app dans l'état de départ : nginx seul, MariaDB et PHP-FPM installés mais arrêtés, les
#               livraisons 1.0 et 1.1 de l'annuaire déposées par les développeurs dans /opt/livraisons.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
case "${1:-}" in -h|--help) echo "Usage : bash depart.sh   (sans argument, en root, sur la cible)"; exit 0 ;; esac
[ $# -eq 0 ] || { echo "Usage : bash depart.sh   (sans argument)" >&2; exit 2; }

# Repart de zéro : bases, comptes, sites et fichiers d'une tentative précédente.
if systemctl is-active -q mariadb; then
  mariadb -e "DROP DATABASE IF EXISTS annuaire_prod; DROP DATABASE IF EXISTS annuaire_recette;
              DROP USER IF EXISTS 'annuaire'@'localhost'; DROP USER IF EXISTS 'annuaire_rec'@'localhost';"
fi
systemctl disable --now mariadb php8.2-fpm >/dev/null 2>&1 || true
rm -rf /var/www/annuaire-prod /var/www/annuaire-recette /var/log/annuaire /var/backups/annuaire_prod-*.sql
rm -f /etc/nginx/sites-enabled/annuaire* /etc/nginx/sites-available/annuaire*
systemctl restart nginx
grep -q 'annuaire.tssr.lan' /etc/hosts || echo '127.0.0.1 annuaire.tssr.lan' >> /etc/hosts

# --- Les livraisons de l'équipe de développement : /opt/livraisons/annuaire-1.0 et annuaire-1.1 ---
livrer() {
  local v=${1:?usage: livrer VERSION} d cols='nom, service' th='<th>Nom</th><th>Service</th>' td=''
  d=/opt/livraisons/annuaire-$v
  rm -rf "${d:?}"; install -d -m 0755 "$d"
  echo "$v" > "$d/VERSION"
  if [ "$v" = 1.1 ]; then
    cols='nom, service, telephone'; th='<th>Nom</th><th>Service</th><th>Téléphone</th>'
    td=" . '</td><td>' . htmlspecialchars((string) \$r['telephone'])"
  fi
  cat > "$d/index.php" <<PHP
<?php
// Annuaire TSSR : liste du personnel (version $v).
\$config = require __DIR__ . '/config.php';
\$version = trim(file_get_contents(__DIR__ . '/VERSION'));
header('Content-Type: text/html; charset=utf-8');
echo "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Annuaire TSSR</title></head><body>\n";
echo "<h1>Annuaire TSSR</h1>\n<p>Version \$version — environnement " . htmlspecialchars(\$config['environnement']) . "</p>\n";
try {
    \$pdo = new PDO(\$config['dsn'], \$config['utilisateur'], \$config['mot_de_passe'], [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
    \$rows = \$pdo->query('SELECT $cols FROM personnes ORDER BY nom')->fetchAll(PDO::FETCH_ASSOC);
} catch (PDOException \$e) {
    http_response_code(500);
    error_log('annuaire : ' . \$e->getMessage());
    echo "<p>Erreur de connexion à la base de données.</p></body></html>\n";
    exit;
}
echo "<table><tr>$th</tr>\n";
foreach (\$rows as \$r) {
    echo '<tr><td>' . htmlspecialchars(\$r['nom']) . '</td><td>' . htmlspecialchars(\$r['service'])$td . "</td></tr>\n";
}
echo "</table></body></html>\n";
PHP
  cat > "$d/config.php.example" <<'PHP'
<?php
// Copiez ce fichier en config.php dans le dossier déployé, puis adaptez-le à l'environnement.
return [
    'environnement' => 'PRODUCTION',   // ou RECETTE
    'dsn' => 'mysql:host=localhost;dbname=annuaire_prod;charset=utf8mb4',
    'utilisateur' => 'annuaire',
    'mot_de_passe' => 'A_CHANGER',
];
PHP
  if [ "$v" = 1.0 ]; then
    cat > "$d/schema.sql" <<'SQL'
-- Annuaire TSSR 1.0 : schéma et données de départ
CREATE TABLE IF NOT EXISTS personnes (
  id INT AUTO_INCREMENT PRIMARY KEY,
  nom VARCHAR(100) NOT NULL,
  service VARCHAR(50) NOT NULL
);
INSERT INTO personnes (nom, service) VALUES
  ('Dupont Jean', 'Comptabilité'), ('Martin Alice', 'Ressources humaines'),
  ('Nguyen Linh', 'Informatique'), ('Petit Claire', 'Ressources humaines');
SQL
  else
    install -d -m 0755 "$d/migrations" "$d/tests"
    cat > "$d/migrations/002-telephone.sql" <<'SQL'
-- Annuaire TSSR 1.1 : ajoute le numéro de téléphone (à appliquer sur une base 1.0)
ALTER TABLE personnes ADD COLUMN telephone VARCHAR(20) NULL;
UPDATE personnes SET telephone = CONCAT('01 45 67 00 ', LPAD(id, 2, '0'));
SQL
    cat > "$d/tests/smoke.sh" <<'TEST'
#!/usr/bin/env bash
# Description : Test de fumée de l'annuaire 1.1 : la page répond, affiche la version, les téléphones et les données.
# Usage       : smoke.sh URL   (ex. smoke.sh http://annuaire.tssr.lan:8081/) ; code 0 si tout est OK, 1 sinon, 2 usage
# Auteur      : Équipe de développement de l'annuaire
# Date        : 2026-11-20
set -u
case "${1:-}" in -h|--help) echo "Usage : smoke.sh URL"; exit 0 ;; esac
[ $# -eq 1 ] || { echo "Usage : smoke.sh URL" >&2; exit 2; }
url=$1
page=$(curl -fsS "$url") || { echo "ECHEC : $url ne répond pas"; exit 1; }
rc=0
verifie() { if grep -q "$1" <<<"$page"; then echo "OK : $2"; else echo "ECHEC : $2"; rc=1; fi; }
verifie 'Version 1.1' 'version 1.1 affichée'
verifie 'Téléphone' 'colonne Téléphone présente'
verifie '01 45 67 00' 'numéros lus dans la base'
verifie 'Dupont Jean' 'personnel lu dans la base'
echo "$(date -Iseconds) $url : $([ "$rc" -eq 0 ] && echo SUCCES || echo ECHEC)"
exit "$rc"
TEST
    chmod 0755 "$d/tests/smoke.sh"
  fi
}
livrer 1.0
livrer 1.1
