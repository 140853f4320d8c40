#!/usr/bin/env bash
# Description : État de départ : le réseau voix (pont br-voix, 192.168.30.1/24) avec deux téléphones IP simulés par des
#               netns (tel-accueil .21, tel-direction .22) ; kamailio installé mais arrêté, désactivé, sans réglage local.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

systemctl disable --now kamailio 2>/dev/null || true
rm -f /etc/kamailio/kamailio-local.cfg

ip link del br-voix 2>/dev/null || true
ip link add br-voix type bridge
ip addr add 192.168.30.1/24 dev br-voix
ip link set br-voix up
telephone() {  # telephone NETNS ADRESSE/24
  ip netns del "$1" 2>/dev/null || true
  ip netns add "$1"
  ip link add "v-$1" type veth peer name eth0 netns "$1"
  ip link set "v-$1" master br-voix up
  ip -n "$1" link set lo up
  ip -n "$1" addr add "$2" dev eth0
  ip -n "$1" link set eth0 up
}
telephone tel-accueil 192.168.30.21/24
telephone tel-direction 192.168.30.22/24
