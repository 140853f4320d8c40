#!/usr/bin/env bash
# Description : État de départ : cette machine est la passerelle du site. LAN = pont br-lan (192.168.100.254/24) avec
#               pc-lan (.10) et srv-web (.20, un serveur web) ; « Internet » = pont br-wan (203.0.113.1/24) avec l'hôte
#               internet (203.0.113.50, un site qui affiche l'adresse de ses visiteurs). Pare-feu ouvert, routage coupé.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

systemctl disable --now nftables 2>/dev/null || true
systemctl stop tssr-srv-web tssr-internet 2>/dev/null || true
systemctl reset-failed tssr-srv-web tssr-internet 2>/dev/null || true
rm -f /etc/sysctl.d/90-passerelle.conf /root/matrice-flux.md
sysctl -qw net.ipv4.ip_forward=0

for b in br-lan br-wan; do ip link del "$b" 2>/dev/null || true; done
pont() { ip link add "$1" type bridge; ip addr add "$2" dev "$1"; ip link set "$1" up; }
pont br-lan 192.168.100.254/24
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
hote pc-lan br-lan 192.168.100.10/24 192.168.100.254
hote srv-web br-lan 192.168.100.20/24 192.168.100.254
hote internet br-wan 203.0.113.50/24

# Le serveur web interne et le « site Internet » (qui affiche l'adresse source qu'il voit : la preuve du NAT).
install -d /srv/srv-web /opt/tssr
echo "Intranet srv-web : page d'accueil" > /srv/srv-web/index.html
cat > /opt/tssr/site-internet.py <<'PY'
import http.server
class Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"site-internet : vu depuis {self.client_address[0]}\n".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
http.server.HTTPServer(("0.0.0.0", 8000), Page).serve_forever()
PY
systemd-run -q --unit=tssr-srv-web ip netns exec srv-web python3 -m http.server 80 --directory /srv/srv-web
systemd-run -q --unit=tssr-internet ip netns exec internet python3 /opt/tssr/site-internet.py

# Le pare-feu laissé par le prestataire : tout ouvert, et MariaDB « ouvert temporairement pour un test ».
cat > /etc/nftables.conf <<'NFT'
#!/usr/sbin/nft -f
flush ruleset
table inet filter {
	chain input {
		type filter hook input priority filter; policy accept;
		tcp dport 3306 accept comment "temporaire : test prestataire"
	}
	chain forward {
		type filter hook forward priority filter; policy accept;
	}
	chain output {
		type filter hook output priority filter; policy accept;
	}
}
NFT
nft -f /etc/nftables.conf
