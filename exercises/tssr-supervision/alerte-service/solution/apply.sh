#!/usr/bin/env bash
# Description : Solution de référence : quand appli-metier tombe, OnFailure= lance alerte@appli-metier.service, qui
#               écrit l'alerte (fichier et journal système) puis relance le service ; les journaux tournent chaque semaine.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

cat > /usr/local/sbin/alerte-service.sh <<'SH'
#!/usr/bin/env bash
# Description : Alerte de supervision pour un service systemd en échec, puis tentative de rétablissement.
# Usage       : alerte-service.sh SERVICE   (lancé par alerte@SERVICE.service, via OnFailure=)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -uo pipefail
service=${1:?usage: alerte-service.sh SERVICE}
journal=/var/log/supervision/alertes.log
install -d -m 0750 /var/log/supervision
horodatage() { date '+%Y-%m-%dT%H:%M:%S%z'; }
echo "$(horodatage) ALERTE $service en échec" >> "$journal"
logger -t supervision -p daemon.crit "ALERTE $service en échec"
# Trois tentatives espacées : un port encore tenu ou une dépendance lente ne doivent pas laisser le service à terre.
for tentative in 1 2 3; do
  if systemctl restart "$service" && systemctl is-active -q "$service"; then
    echo "$(horodatage) RETABLI $service relancé (tentative $tentative)" >> "$journal"
    logger -t supervision -p daemon.notice "RETABLI $service relancé"
    exit 0
  fi
  sleep 2
done
echo "$(horodatage) ECHEC $service ne redémarre pas : intervention requise" >> "$journal"
logger -t supervision -p daemon.alert "ECHEC $service ne redémarre pas"
exit 1
SH
chmod 0750 /usr/local/sbin/alerte-service.sh

cat > /etc/systemd/system/alerte@.service <<'UNIT'
[Unit]
Description=Alerte de supervision pour %i

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/alerte-service.sh %i
UNIT

install -d /etc/systemd/system/appli-metier.service.d
cat > /etc/systemd/system/appli-metier.service.d/supervision.conf <<'UNIT'
[Unit]
OnFailure=alerte@%N.service
UNIT

install -d -m 0750 /var/log/supervision
touch /var/log/supervision/alertes.log
chmod 0640 /var/log/supervision/alertes.log
cat > /etc/logrotate.d/supervision <<'CONF'
/var/log/supervision/*.log {
    weekly
    rotate 12
    compress
    delaycompress
    missingok
    notifempty
    create 0640 root adm
}
CONF

systemctl daemon-reload
systemctl reset-failed appli-metier >/dev/null 2>&1 || true
systemctl restart appli-metier
