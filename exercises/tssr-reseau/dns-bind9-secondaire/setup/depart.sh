#!/usr/bin/env bash
# Description : État de départ : la zone tssr.lan ébauchée par un collègue (avec une erreur), aucune zone déclarée,
#               et une instance « secondaire » de named (127.0.0.1 port 5300) prête mais sans zone.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

systemctl disable --now named named-secondaire 2>/dev/null || true
rm -f /etc/bind/db.tssr.lan /etc/bind/db.192.168.50 /root/intervention-dns.txt
rm -rf /var/cache/bind-secondaire
printf '//\n// Zones locales du site (à compléter)\n//\n' > /etc/bind/named.conf.local
cat > /etc/bind/named.conf.options <<'CONF'
options {
	directory "/var/cache/bind";
	dnssec-validation auto;
	listen-on-v6 { any; };
};
CONF

# L'ébauche du collègue : il manque le point final du NS, et le SOA n'a jamais été incrémenté.
cat > /etc/bind/db.tssr.lan <<'ZONE'
$TTL 3600
@       IN SOA  ns1.tssr.lan. admin.tssr.lan. ( 1 3600 900 604800 3600 )
        IN NS   ns1.tssr.lan
ns1     IN A    192.168.50.10
srv-web IN A    192.168.50.30
ZONE

# L'instance secondaire : en production ce serait un second serveur ; ici une seconde instance de named sur le port 5300.
install -d -m 0755 /etc/bind/secondaire
install -d -o bind -g bind -m 0775 /var/cache/bind-secondaire
cat > /etc/bind/secondaire/named.conf <<'CONF'
// Serveur DNS secondaire (ns2) : il écoute sur 127.0.0.1 port 5300 et ne fait que des zones secondaires.
options {
	directory "/var/cache/bind-secondaire";
	pid-file "/run/named-secondaire/named.pid";
	session-keyfile "/run/named-secondaire/session.key";
	listen-on port 5300 { 127.0.0.1; };
	listen-on-v6 { none; };
	recursion no;
	dnssec-validation no;
};
controls { };
include "/etc/bind/secondaire/zones.conf";
CONF
printf '// Zones secondaires de ns2 (à compléter)\n' > /etc/bind/secondaire/zones.conf
cat > /etc/systemd/system/named-secondaire.service <<'UNIT'
[Unit]
Description=BIND, instance secondaire (ns2, port 5300)
After=network.target named.service

[Service]
User=bind
RuntimeDirectory=named-secondaire
ExecStart=/usr/sbin/named -f -c /etc/bind/secondaire/named.conf
Restart=on-failure

[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload
