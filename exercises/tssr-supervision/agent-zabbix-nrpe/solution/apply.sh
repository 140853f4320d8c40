#!/usr/bin/env bash
# Description : Solution de référence : agent Zabbix déclaré pour le serveur 192.168.50.10 (nom srv-web01.lab.tssr,
#               une clé pour l'état des services), NRPE ouvert au même serveur avec des seuils disque et charge.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Zabbix : le serveur central (et 127.0.0.1 pour les tests locaux), le nom déclaré dans la console, une clé utilisateur.
cat > /etc/zabbix/zabbix_agentd.conf.d/supervision.conf <<'CONF'
# Raccordement de srv-web01 au serveur Zabbix (ticket 2026-0480)
Server=127.0.0.1,192.168.50.10
ServerActive=192.168.50.10
Hostname=srv-web01.lab.tssr
UserParameter=tssr.service.etat[*],systemctl is-active $1
CONF
# Le fichier principal fixe déjà Server= et ServerActive= : une clé ne peut être donnée qu'une fois.
sed -i 's/^Server=/# Server=/; s/^ServerActive=/# ServerActive=/' /etc/zabbix/zabbix_agentd.conf
systemctl enable zabbix-agent
systemctl restart zabbix-agent

# NRPE : le serveur Nagios autorisé, les commandes de seuils.
sed -i 's/^allowed_hosts=.*/allowed_hosts=127.0.0.1,::1,192.168.50.10/' /etc/nagios/nrpe.cfg
cat > /etc/nagios/nrpe.d/seuils.cfg <<'CFG'
# Seuils de srv-web01 : alerte à 20 % d'espace libre, critique à 10 % ; charge ramenée au nombre de processeurs.
command[check_disk_racine]=/usr/lib/nagios/plugins/check_disk -w 20% -c 10% -p /
command[check_charge]=/usr/lib/nagios/plugins/check_load -r -w 2,1.5,1 -c 4,3,2
command[check_nginx]=/usr/lib/nagios/plugins/check_procs -c 1: -C nginx
CFG
systemctl enable nagios-nrpe-server
systemctl restart nagios-nrpe-server
sleep 1
