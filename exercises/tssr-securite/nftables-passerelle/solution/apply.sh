#!/usr/bin/env bash
# Description : Solution de référence : filtrage par défaut en refus (entrée et transit), SSH et ICMP admis, refus
#               journalisés, NAT sortant du LAN, redirection 8080 → srv-web:80, routage et pare-feu persistants.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
cat > /etc/nftables.conf <<'NFT'
#!/usr/sbin/nft -f
# Passerelle du site — politique : tout ce qui n'est pas autorisé est refusé et journalisé (charte §4).
flush ruleset
table inet filter {
	chain input {
		type filter hook input priority filter; policy drop;
		ct state established,related accept
		ct state invalid drop
		iifname "lo" accept
		meta l4proto icmp accept
		tcp dport 22 accept comment "administration SSH"
		log prefix "nft-refus-entree " drop
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		ct state established,related accept
		iifname "br-lan" oifname "br-wan" accept comment "LAN vers Internet"
		ct status dnat accept comment "redirections publiées"
		log prefix "nft-refus-transit " drop
	}
	chain output {
		type filter hook output priority filter; policy accept;
	}
}
table ip nat {
	chain prerouting {
		type nat hook prerouting priority dstnat;
		iifname "br-wan" tcp dport 8080 dnat to 192.168.100.20:80
	}
	chain postrouting {
		type nat hook postrouting priority srcnat;
		oifname "br-wan" ip saddr 192.168.100.0/24 masquerade
	}
}
NFT
nft -c -f /etc/nftables.conf
echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-passerelle.conf
sysctl -q -p /etc/sysctl.d/90-passerelle.conf
systemctl enable nftables
systemctl restart nftables
cat > /root/matrice-flux.md <<'MD'
# Matrice des flux — passerelle du site

| Source | Destination | Port | Décision | Règle |
| --- | --- | --- | --- | --- |
| Tous | passerelle | 22/tcp | autorisé | administration SSH |
| Tous | passerelle | 3306/tcp | refusé | fermeture de l'ouverture temporaire |
| LAN 192.168.100.0/24 | Internet (br-wan) | tous | autorisé, NAT (masquerade) | LAN vers Internet |
| Internet | 203.0.113.1 | 8080/tcp | redirigé vers 192.168.100.20:80 | publication de srv-web |
| Autres | — | — | refusé et journalisé | politique par défaut |
MD
