#!/usr/bin/env bash
# Description : État de départ : squid installé mais arrêté et désactivé, sans règle du site ; le LAN (br-lan,
#               192.168.100.254/24, poste pc-compta .10), le Wi-Fi invités (br-invites, 192.168.150.254/24, poste
#               pc-invite .10) et « Internet » (br-wan, 203.0.113.1/24, un site web en 203.0.113.50).
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

systemctl disable --now squid 2>/dev/null || true
systemctl stop tssr-internet 2>/dev/null || true
systemctl reset-failed tssr-internet 2>/dev/null || true
rm -f /etc/squid/conf.d/tssr.conf
rm -f /var/log/squid/access.log   # squid (proxy) le recrée ; un fichier à root le ferait tomber

for b in br-lan br-invites br-wan; do ip link del "$b" 2>/dev/null || true; done
pont() { ip link add "$1" type bridge; ip addr add "$2" dev "$1"; ip link set "$1" up; }
pont br-lan 192.168.100.254/24
pont br-invites 192.168.150.254/24
pont br-wan 203.0.113.1/24
hote() {  # hote NETNS PONT ADRESSE/24 [PASSERELLE]
  ip netns del "$1" 2>/dev/null || true
  ip netns add "$1"
  ip link add "v-$1" type veth peer name eth0 netns "$1"
  ip link set "v-$1" master "$2" up
  ip -n "$1" link set lo up
  ip -n "$1" addr add "$3" dev eth0
  ip -n "$1" link set eth0 up
  if [ -n "${4:-}" ]; then ip -n "$1" route add default via "$4"; fi
}
hote pc-compta br-lan 192.168.100.10/24 192.168.100.254
hote pc-invite br-invites 192.168.150.10/24 192.168.150.254
hote internet br-wan 203.0.113.50/24

# Les sites « Internet » : tous hébergés en 203.0.113.50 ; squid les résout par /etc/hosts.
install -d /srv/internet
echo "Portail partenaire TSSR : commandes et factures" > /srv/internet/index.html
systemd-run -q --unit=tssr-internet ip netns exec internet python3 -m http.server 80 --directory /srv/internet
sed -i '/\.example$/d' /etc/hosts
cat >> /etc/hosts <<'HOSTS'
203.0.113.50 www.partenaire-tssr.example
203.0.113.50 www.jeux-en-ligne.example
203.0.113.50 www.paris-sportifs.example
HOSTS

# La liste noire validée par la direction (fichier de départ).
cat > /etc/squid/sites-interdits.txt <<'LISTE'
.jeux-en-ligne.example
.paris-sportifs.example
LISTE
