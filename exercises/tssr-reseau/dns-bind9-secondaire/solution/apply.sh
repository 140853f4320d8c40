#!/usr/bin/env bash
# Description : Solution de référence : zones tssr.lan et 50.168.192.in-addr.arpa sur le primaire, transferts limités
#               au secondaire, NOTIFY vers ns2 (port 5300), zones secondaires sur ns2, trace du diagnostic.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

cat > /etc/bind/db.tssr.lan <<'ZONE'
$TTL 3600
@            IN SOA  ns1.tssr.lan. admin.tssr.lan. ( 2026112901 3600 900 604800 3600 )
             IN NS   ns1.tssr.lan.
             IN MX   10 mail.tssr.lan.
ns1          IN A    192.168.50.10
srv-fichiers IN A    192.168.50.20
mail         IN A    192.168.50.25
srv-web      IN A    192.168.50.30
intranet     IN CNAME srv-web.tssr.lan.
ZONE
cat > /etc/bind/db.192.168.50 <<'ZONE'
$TTL 3600
@   IN SOA  ns1.tssr.lan. admin.tssr.lan. ( 2026112901 3600 900 604800 3600 )
    IN NS   ns1.tssr.lan.
10  IN PTR  ns1.tssr.lan.
20  IN PTR  srv-fichiers.tssr.lan.
25  IN PTR  mail.tssr.lan.
30  IN PTR  srv-web.tssr.lan.
ZONE
cat > /etc/bind/named.conf.local <<'CONF'
// Zones locales du site : primaire de tssr.lan et de sa zone inverse ; transferts vers ns2 uniquement.
zone "tssr.lan" {
	type primary;
	file "/etc/bind/db.tssr.lan";
	allow-transfer { 127.0.0.1; };
	also-notify { 127.0.0.1 port 5300; };
};
zone "50.168.192.in-addr.arpa" {
	type primary;
	file "/etc/bind/db.192.168.50";
	allow-transfer { 127.0.0.1; };
	also-notify { 127.0.0.1 port 5300; };
};
CONF
cat > /etc/bind/secondaire/zones.conf <<'CONF'
// Zones secondaires de ns2 : copies transférées depuis le primaire (127.0.0.1 port 53).
zone "tssr.lan" {
	type secondary;
	primaries { 127.0.0.1; };
	file "db.tssr.lan";
};
zone "50.168.192.in-addr.arpa" {
	type secondary;
	primaries { 127.0.0.1; };
	file "db.192.168.50";
};
CONF
named-checkconf
named-checkzone tssr.lan /etc/bind/db.tssr.lan
named-checkzone 50.168.192.in-addr.arpa /etc/bind/db.192.168.50
systemctl enable --now named
systemctl restart named
systemctl enable --now named-secondaire
# Attend que ns2 ait transféré les deux zones (quelques secondes au plus).
for _ in $(seq 50); do
  [ -s /var/cache/bind-secondaire/db.tssr.lan ] && [ -s /var/cache/bind-secondaire/db.192.168.50 ] && break
  sleep 0.2
done
{
  echo "Intervention DNS tssr.lan — diagnostic"
  echo "$ named-checkzone tssr.lan /etc/bind/db.tssr.lan"
  named-checkzone tssr.lan /etc/bind/db.tssr.lan
  echo "$ dig @127.0.0.1 srv-web.tssr.lan +short"
  dig @127.0.0.1 srv-web.tssr.lan +short
  echo "$ dig @127.0.0.1 -p 5300 -x 192.168.50.30 +short"
  dig @127.0.0.1 -p 5300 -x 192.168.50.30 +short
} > /root/intervention-dns.txt
