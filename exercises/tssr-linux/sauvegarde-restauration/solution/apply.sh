#!/usr/bin/env bash
# Description : Reference solution: restore one folder from last night's archive, then a scheduled, rotated backup.
# Usage       : bash apply.sh   (as root, on the target)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

last=$(find /var/backups -maxdepth 1 -name 'donnees-*.tar.gz' -printf '%T@ %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
# The folder is in the archive (tar fails on a member it does not hold).
tar -tzf "$last" srv/data/rh/contrats >/dev/null
# Only the lost folder: today's invoices stay as they are.
tar -xzpf "$last" -C / srv/data/rh/contrats

cat > /usr/local/sbin/sauvegarde-donnees.sh <<'SCRIPT'
#!/usr/bin/env bash
# Description : Sauvegarde /srv/data dans /var/backups/donnees-AAAAMMJJ-HHMM.tar.gz (droits conservés),
#               puis supprime les archives de plus de 7 jours.
# Usage       : sauvegarde-donnees.sh   (en root ; lancé chaque nuit par /etc/cron.d/sauvegarde-donnees)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
destination=/var/backups
archive="$destination/donnees-$(date +%Y%m%d-%H%M).tar.gz"
tar -czpf "$archive" -C / srv/data
find "$destination" -maxdepth 1 -name 'donnees-*.tar.gz' -mtime +7 -delete
echo "$archive"
SCRIPT
chmod 0750 /usr/local/sbin/sauvegarde-donnees.sh
/usr/local/sbin/sauvegarde-donnees.sh >/dev/null

cat > /etc/cron.d/sauvegarde-donnees <<'CRON'
# Sauvegarde nocturne de /srv/data (incident 5402)
30 1 * * * root /usr/local/sbin/sauvegarde-donnees.sh
CRON

install -d -m 0755 /srv/doc
cat > /srv/doc/procedure-restauration.md <<'DOC'
# Procédure de restauration — serveur de fichiers

1. Archives : /var/backups/donnees-AAAAMMJJ-HHMM.tar.gz (7 jours gardés), créées à 1 h 30 par
   /usr/local/sbin/sauvegarde-donnees.sh (/etc/cron.d/sauvegarde-donnees).
2. Lister : tar -tzf /var/backups/donnees-…tar.gz | grep contrats
3. Restaurer un seul dossier, droits compris : tar -xzpf ARCHIVE -C / srv/data/rh/contrats
4. Vérifier : ls -l /srv/data/rh/contrats (groupe rh, 0640), ouvrir un fichier, prévenir l'utilisateur.
DOC
