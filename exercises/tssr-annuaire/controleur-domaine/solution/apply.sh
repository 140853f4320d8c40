#!/usr/bin/env bash
# Description : Solution de référence : promeut srv-ad01 premier contrôleur du domaine LAB.TSSR (DNS interne de Samba).
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
P='Adm1n-TSSR!'

# 1. Les services concurrents : smbd/nmbd autonomes (ports 139/445) et bind9 (port 53) laissent la place au DC.
systemctl disable --now smbd nmbd winbind named

# 2. Provisionnement : le smb.conf d'origine doit disparaître, sinon provision refuse de l'écraser.
rm -f /etc/samba/smb.conf
samba-tool domain provision --use-rfc2307 --realm=LAB.TSSR --domain=LAB --server-role=dc \
  --dns-backend=SAMBA_INTERNAL --adminpass="$P" >/dev/null
# Liaison LDAP simple pour le logiciel de parc (à retirer en production, au profit de LDAPS).
sed -i '/^\[global\]/a\\tldap server require strong auth = no' /etc/samba/smb.conf

# 3. Kerberos et résolution : le DC se résout lui-même.
cp /var/lib/samba/private/krb5.conf /etc/krb5.conf
printf 'search lab.tssr\nnameserver 127.0.0.1\n' > /etc/resolv.conf

# 4. Le service AD : Debian le livre masqué.
systemctl unmask samba-ad-dc
systemctl enable --now samba-ad-dc

# Le DNS répond avant LDAP : attendre que l'annuaire accepte une liaison.
for _ in $(seq 60); do
  ldbsearch -H ldap://127.0.0.1 -U Administrator%"$P" -s base -b '' dn >/dev/null 2>&1 && break
  sleep 1
done
