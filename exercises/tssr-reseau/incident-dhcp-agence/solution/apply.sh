#!/usr/bin/env bash
# Description : Solution de référence : la virgule rétablie, l'interface br-agence corrigée, le service relancé ;
#               le diagnostic et les corrections sont consignés.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
{
  echo "Incident DHCP agence — diagnostic"
  echo "$ systemctl is-active kea-dhcp4-server"
  systemctl is-active kea-dhcp4-server || true
  echo "$ kea-dhcp4 -t /etc/kea/kea-dhcp4.conf"
  kea-dhcp4 -t /etc/kea/kea-dhcp4.conf 2>&1 | grep -iE 'error|fail' | head -3 || true
} > /root/incident-dhcp.txt
sed -i 's/"pools": \[ { "pool": "192.168.80.100 - 192.168.80.199" } \]$/&,/' /etc/kea/kea-dhcp4.conf
sed -i 's/"br-agense"/"br-agence"/' /etc/kea/kea-dhcp4.conf
kea-dhcp4 -t /etc/kea/kea-dhcp4.conf >/dev/null
systemctl reset-failed kea-dhcp4-server 2>/dev/null || true
systemctl restart kea-dhcp4-server
for _ in $(seq 50); do ss -uln | grep -q '192.168.80.254:67 ' && break; sleep 0.1; done
{
  echo "Corrections : virgule manquante après « pools » ; interface « br-agense » renommée « br-agence »."
  echo "$ ss -ulnp | grep :67"
  ss -uln | grep ':67 '
} >> /root/incident-dhcp.txt
