#!/usr/bin/env bash
# Description : Met srv-infra dans l'état du ticket : chrony installé tel que livré, qui ne démarre pas dans un
#               conteneur (condition CAP_SYS_TIME), fuseau UTC, aucune configuration.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

systemctl disable --now chrony >/dev/null 2>&1 || true
# Retire la surcharge et les réglages d'une tentative précédente (et ceux de l'image d'entraînement).
rm -rf /etc/systemd/system/chrony.service.d
echo 'DAEMON_OPTS="-F 1"' > /etc/default/chrony
rm -f /etc/chrony/conf.d/tssr.conf /root/diagnostic-chrony.md
sed -i 's/^#\s*pool 2\.debian\.pool\.ntp\.org/pool 2.debian.pool.ntp.org/' /etc/chrony/chrony.conf
systemctl daemon-reload
timedatectl set-timezone Etc/UTC 2>/dev/null || ln -sf /usr/share/zoneinfo/Etc/UTC /etc/localtime

# Le collègue a essayé : le service est « skipped » par systemd, sans message d'erreur visible.
systemctl start chrony || true
