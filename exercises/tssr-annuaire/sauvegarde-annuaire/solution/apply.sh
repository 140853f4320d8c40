#!/usr/bin/env bash
# Description : Solution de référence : script de sauvegarde de l'annuaire, planifié chaque nuit, lancé une fois,
#               puis restauration de la dernière sauvegarde dans /srv/restauration-ad pour prouver qu'elle est bonne.
# Usage       : bash apply.sh   (en root, sur le contrôleur de domaine)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

cat > /usr/local/sbin/sauvegarde-ad.sh <<'SH'
#!/usr/bin/env bash
# Description : Sauvegarde hors ligne de l'annuaire Samba AD (base, SYSVOL, smb.conf) dans /var/backups/ad,
#               en gardant les 14 dernières.
# Usage       : sauvegarde-ad.sh   (en root ; planifié par /etc/cron.d/sauvegarde-ad)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
DEST=/var/backups/ad
install -d -m 0700 "$DEST"
samba-tool domain backup offline --targetdir="$DEST"
# Rétention : les 14 plus récentes.
ls -1t "$DEST"/samba-backup-*.tar.bz2 | tail -n +15 | xargs -r rm -f
SH
chmod 0750 /usr/local/sbin/sauvegarde-ad.sh

cat > /etc/cron.d/sauvegarde-ad <<'CRON'
# Sauvegarde de l'annuaire chaque nuit à 01 h 30
30 1 * * * root /usr/local/sbin/sauvegarde-ad.sh >> /var/log/sauvegarde-ad.log 2>&1
CRON

/usr/local/sbin/sauvegarde-ad.sh >/dev/null 2>&1

# Test de restauration, dans un dossier à part : le DC en production n'est pas touché.
rm -rf /srv/restauration-ad
samba-tool domain backup restore --backup-file="$(ls -1t /var/backups/ad/samba-backup-*.tar.bz2 | head -1)" \
  --newservername=SRV-AD02 --targetdir=/srv/restauration-ad >/dev/null
