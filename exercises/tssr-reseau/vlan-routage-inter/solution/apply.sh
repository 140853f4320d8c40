#!/usr/bin/env bash
# Description : Solution de référence : un pont par VLAN (10, 20, 30) avec la passerelle .254, ports raccordés,
#               routage IPv4 activé et rendu persistant, limiteur retiré, kamailio redémarré, diagnostic consigné.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
vlan() {  # vlan NUMERO PORT
  ip link add "br-vlan$1" type bridge
  ip addr add "192.168.$1.254/24" dev "br-vlan$1"
  ip link set "br-vlan$1" up
  ip link set "$2" master "br-vlan$1"
  ip link set "$2" up
}
vlan 10 v-admin
vlan 20 v-user
vlan 30 v-tel
echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-routage.conf
sysctl -q -p /etc/sysctl.d/90-routage.conf
{
  echo "Diagnostic lenteurs VLAN 20"
  echo "$ ip netns exec pc-user ping -c 3 -s 1200 192.168.10.10 (avant)"
  ip netns exec pc-user ping -c 3 -s 1200 192.168.10.10 | tail -2 || true
  echo "$ tc qdisc show dev v-user"
  tc qdisc show dev v-user
  tc qdisc del dev v-user root
  echo "$ ip netns exec pc-user ping -c 3 -s 1200 192.168.10.10 (après)"
  ip netns exec pc-user ping -c 3 -s 1200 192.168.10.10 | tail -2
} > /root/intervention-vlan.txt 2>&1
# kamailio lit ses adresses d'écoute au démarrage : il faut le relancer une fois le VLAN voix en place.
systemctl restart kamailio
for _ in $(seq 50); do ss -uln | grep -q '192.168.30.254:5060 ' && break; sleep 0.1; done
