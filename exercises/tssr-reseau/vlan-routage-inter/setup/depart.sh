#!/usr/bin/env bash
# Description : État de départ : trois postes (admin, utilisateur, téléphone) simulés par des netns, chacun câblé
#               vers le routeur (cette machine) par une paire veth non raccordée ; un bridage de débit (tbf) laissé
#               par un prestataire sur le port du VLAN utilisateurs ; kamailio configuré sur le VLAN voix absent.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

for b in br-vlan10 br-vlan20 br-vlan30; do ip link del "$b" 2>/dev/null || true; done
rm -f /etc/sysctl.d/90-routage.conf /root/intervention-vlan.txt
sysctl -qw net.ipv4.ip_forward=0

poste() {  # poste NETNS PORT ADRESSE/24 PASSERELLE
  ip netns del "$1" 2>/dev/null || true
  ip netns add "$1"
  ip link add "$2" type veth peer name eth0 netns "$1"
  ip -n "$1" link set lo up
  ip -n "$1" addr add "$3" dev eth0
  ip -n "$1" link set eth0 up
  ip -n "$1" route add default via "$4" dev eth0 onlink
}
poste pc-admin v-admin 192.168.10.10/24 192.168.10.254
poste pc-user v-user 192.168.20.10/24 192.168.20.254
poste tel-accueil v-tel 192.168.30.21/24 192.168.30.254

# Le « réglage » du prestataire : un limiteur de débit sur le port du VLAN utilisateurs.
tc qdisc add dev v-user root tbf rate 32kbit burst 1600 latency 800ms

# Le serveur de téléphonie attend son adresse sur le VLAN voix (192.168.30.254), qui n'existe pas encore.
printf '# Téléphonie : écoute sur la passerelle du VLAN voix\nlisten=udp:192.168.30.254:5060\n' > /etc/kamailio/kamailio-local.cfg
systemctl enable -q kamailio
systemctl restart kamailio 2>/dev/null || true
