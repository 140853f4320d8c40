#!/usr/bin/env bash
# Description : Solution de référence : rend la main au DNS de Samba, remet le krb5.conf du domaine, relance le
#               contrôleur de domaine et consigne le diagnostic.
# Usage       : bash apply.sh   (en root, sur le contrôleur de domaine)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Cause 1 : bind9 occupe le port 53, le DNS interne de Samba ne peut pas s'y lier (« Failed to bind to 0.0.0.0:53 »).
systemctl disable --now named
# Cause 2 : le contrôleur de domaine n'est plus activé au démarrage.
systemctl enable samba-ad-dc
systemctl restart samba-ad-dc
# Cause 3 : krb5.conf désigne un ancien KDC qui n'existe plus ; celui que Samba a généré désigne le domaine.
cp /var/lib/samba/private/krb5.conf /etc/krb5.conf

for _ in $(seq 60); do
  ldbsearch -H ldap://127.0.0.1 -U 'Administrator%Adm1n-TSSR!' -s base -b '' dn >/dev/null 2>&1 && break
  sleep 1
done

cat > /root/diagnostic-srv-ad01.md <<'MD'
# Diagnostic srv-ad01 — ticket 2026-0433

## Symptômes
Ouverture de session impossible à Lyon depuis ce matin ; « Le domaine LAB n'est pas disponible ».

## Hypothèses
1. Le service samba-ad-dc est arrêté. 2. Le DNS ne publie plus les SRV du domaine. 3. Kerberos ne trouve pas le KDC.

## Tests
- systemctl status samba-ad-dc : inactive, disabled.
- ss -tulpn | grep :53 : named écoute sur 53.
- journalctl -u samba-ad-dc : « Failed to bind to 0.0.0.0:53 » au démarrage.
- kinit jdupont : « Cannot contact any KDC » ; /etc/krb5.conf désigne srv-ad-old.

## Cause
bind9 installé lors de la mise à jour occupe le port 53 ; samba-ad-dc désactivé ; krb5.conf remplacé.

## Correction
named arrêté et désactivé, samba-ad-dc activé et relancé, krb5.conf du domaine remis.
Contrôles : dig SRV _ldap._tcp.lab.tssr, kinit jdupont, ldapsearch.
MD
