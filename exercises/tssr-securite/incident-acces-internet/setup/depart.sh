#!/usr/bin/env bash
# Description : Met la passerelle dans l'état « après incident » : le pare-feu a été vidé (nft flush ruleset) et son
#               service désactivé ; la configuration de squid a été « dépannée » à la hâte (une faute de frappe qui
#               l'empêche de démarrer, et un « http_access allow all » qui en ferait un proxy ouvert).
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

systemctl stop tssr-internet 2>/dev/null || true
systemctl reset-failed tssr-internet 2>/dev/null || true
rm -f /root/rapport-incident.md /var/log/squid/access.log

# Le réseau : LAN du personnel, Wi-Fi invités, « Internet ».
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
install -d /srv/internet
echo "Portail partenaire TSSR : commandes et factures" > /srv/internet/index.html
systemd-run -q --unit=tssr-internet ip netns exec internet python3 -m http.server 80 --directory /srv/internet
sed -i '/\.example$/d' /etc/hosts
printf '203.0.113.50 www.partenaire-tssr.example\n203.0.113.50 www.jeux-en-ligne.example\n' >> /etc/hosts
printf '.jeux-en-ligne.example\n' > /etc/squid/sites-interdits.txt

# La configuration de référence du pare-feu, restée intacte sur le disque.
cat > /etc/nftables.conf <<'NFT'
#!/usr/sbin/nft -f
# Passerelle du site — politique validée par le RSSI (charte §4 et §6)
flush ruleset
table inet filter {
	chain input {
		type filter hook input priority filter; policy drop;
		ct state established,related accept
		iifname "lo" accept
		meta l4proto icmp accept
		tcp dport 22 accept comment "administration SSH"
		iifname "br-lan" tcp dport 3128 accept comment "proxy pour le LAN du personnel"
		log prefix "nft-refus-entree " drop
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
	}
	chain output {
		type filter hook output priority filter; policy accept;
	}
}
NFT

# L'incident : « le proxy ne marchait plus, j'ai tout ouvert pour dépanner ».
cat > /etc/squid/conf.d/tssr.conf <<'CONF'
# Règles du site (charte informatique, §6 : navigation)
acl lan scr 192.168.100.0/24
acl sites_interdits dstdomain "/etc/squid/sites-interdits.txt"
http_access allow all
http_access deny sites_interdits
http_access allow lan
CONF
nft flush ruleset
systemctl disable -q --now nftables 2>/dev/null || true
systemctl enable -q squid
systemctl restart squid 2>/dev/null || true
