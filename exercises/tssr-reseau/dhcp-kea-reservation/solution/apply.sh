#!/usr/bin/env bash
# Description : Solution de référence : Kea sur br-compta seulement, pool .100-.199, bail de 8 h, options routeur,
#               DNS et domaine, réservation de l'imprimante en 192.168.60.20.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
cat > /etc/kea/kea-dhcp4.conf <<'JSON'
// Kea DHCPv4 — service comptabilité
{
  "Dhcp4": {
    "interfaces-config": { "interfaces": [ "br-compta" ] },
    "lease-database": { "type": "memfile", "persist": true, "name": "/var/lib/kea/kea-leases4.csv", "lfc-interval": 3600 },
    "valid-lifetime": 28800,
    "subnet4": [
      {
        "id": 60,
        "subnet": "192.168.60.0/24",
        "pools": [ { "pool": "192.168.60.100 - 192.168.60.199" } ],
        "option-data": [
          { "name": "routers", "data": "192.168.60.1" },
          { "name": "domain-name-servers", "data": "192.168.50.10" },
          { "name": "domain-name", "data": "tssr.lan" }
        ],
        "reservations": [
          { "hw-address": "02:00:00:00:60:20", "ip-address": "192.168.60.20", "hostname": "imp-compta" }
        ]
      }
    ],
    "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
  }
}
JSON
kea-dhcp4 -t /etc/kea/kea-dhcp4.conf >/dev/null
systemctl enable kea-dhcp4-server
systemctl restart kea-dhcp4-server
for _ in $(seq 50); do ss -uln | grep -q '192.168.60.1:67 ' && break; sleep 0.1; done
