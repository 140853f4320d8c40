#!/usr/bin/env bash
# Description : État de départ : le réseau du service comptabilité (pont br-compta, 192.168.60.1/24) avec deux
#               clients simulés par des espaces de noms réseau (poste-compta et imprimante), et un Kea non configuré.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

systemctl disable --now kea-dhcp4-server 2>/dev/null || true
rm -f /var/lib/kea/kea-leases4.csv*

# Le segment du service : un pont Linux joue le commutateur, chaque client est un netns relié par une paire veth.
ip link del br-compta 2>/dev/null || true
ip link add br-compta type bridge
ip addr add 192.168.60.1/24 dev br-compta
ip link set br-compta up
client() {  # client NOM MAC
  ip netns del "$1" 2>/dev/null || true
  ip netns add "$1"
  ip link add "v-$1" type veth peer name eth0 netns "$1"
  ip link set "v-$1" master br-compta up
  ip -n "$1" link set eth0 address "$2"
  ip -n "$1" link set lo up
  ip -n "$1" link set eth0 up
}
client poste-compta 02:00:00:00:60:10
client imprimante 02:00:00:00:60:20

# Le fichier de départ : interfaces et sous-réseau à définir.
cat > /etc/kea/kea-dhcp4.conf <<'JSON'
// Kea DHCPv4 — service comptabilité (à compléter)
{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ ] },
    "lease-database": { "type": "memfile", "persist": true, "name": "/var/lib/kea/kea-leases4.csv", "lfc-interval": 3600 },
    "valid-lifetime": 3600,
    "subnet4": [ ],
    "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
  }
}
JSON
