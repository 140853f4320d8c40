#!/usr/bin/env bash
# Description : Met srv-web01 dans l'état de départ : agents Zabbix et NRPE installés par le paquet, configuration
#               d'origine, arrêtés et désactivés ; nginx (le service à surveiller) tourne.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

hostnamectl set-hostname srv-web01 2>/dev/null || hostname srv-web01

# Retire la configuration d'une tentative précédente ; remet les valeurs du paquet.
systemctl disable --now zabbix-agent nagios-nrpe-server >/dev/null 2>&1 || true
rm -f /etc/zabbix/zabbix_agentd.conf.d/*.conf /etc/nagios/nrpe.d/*.cfg
sed -i 's/^allowed_hosts=.*/allowed_hosts=127.0.0.1,::1/' /etc/nagios/nrpe.cfg

systemctl enable --now nginx >/dev/null 2>&1

# Le fichier de raccordement préparé par l'équipe exploitation, à compléter.
cat > /etc/zabbix/zabbix_agentd.conf.d/supervision.conf <<'CONF'
# Raccordement de srv-web01 au serveur Zabbix (ticket 2026-0480) : à compléter
CONF
