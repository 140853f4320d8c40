#!/usr/bin/env bash
# Description : État « après maintenance » : le DHCP de l'agence (Kea, réseau br-agence 192.168.80.254/24) ne sert plus
#               aucun poste. Deux fautes ont été introduites dans /etc/kea/kea-dhcp4.conf : une virgule manquante (le
#               service ne démarre plus) et un nom d'interface mal orthographié (que Kea refuse ensuite).
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

rm -f /var/lib/kea/kea-leases4.csv* /root/incident-dhcp.txt
ip link del br-agence 2>/dev/null || true
ip link add br-agence type bridge
ip addr add 192.168.80.254/24 dev br-agence
ip link set br-agence up
ip netns del pc-agence 2>/dev/null || true
ip netns add pc-agence
ip link add v-pc-agence type veth peer name eth0 netns pc-agence
ip link set v-pc-agence master br-agence up
ip -n pc-agence link set eth0 address 02:00:00:00:80:10
ip -n pc-agence link set lo up
ip -n pc-agence link set eth0 up

cat > /etc/kea/kea-dhcp4.conf <<'JSON'
// Kea DHCPv4 — agence de Villeurbanne (modifié lors de la maintenance du 28/11)
{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ "br-agense" ] },
    "lease-database": { "type": "memfile", "persist": true, "name": "/var/lib/kea/kea-leases4.csv", "lfc-interval": 3600 },
    "valid-lifetime": 28800,
    "subnet4": [
      {
        "id": 80,
        "subnet": "192.168.80.0/24",
        "pools": [ { "pool": "192.168.80.100 - 192.168.80.199" } ]
        "option-data": [
          { "name": "routers", "data": "192.168.80.254" },
          { "name": "domain-name-servers", "data": "192.168.50.10" },
          { "name": "domain-name", "data": "tssr.lan" }
        ]
      }
    ],
    "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
  }
}
JSON
systemctl enable -q kea-dhcp4-server
systemctl restart kea-dhcp4-server 2>/dev/null || true
