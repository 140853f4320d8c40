#!/usr/bin/env bash
# Description : Met srv-ad01 dans l'état de départ : un domaine en service avec ses comptes, et aucune sauvegarde.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# --- Contrôleur de domaine LAB.TSSR déjà en service (l'exercice part d'un DC, pas d'une installation) ---
P='Adm1n-TSSR!'
hostnamectl set-hostname srv-ad01 2>/dev/null || hostname srv-ad01
systemctl disable --now samba-ad-dc smbd nmbd winbind named >/dev/null 2>&1 || true
rm -rf /var/lib/samba/private/* /var/lib/samba/sysvol/* /var/lib/samba/bind-dns /etc/samba/smb.conf
find /var/lib/samba /var/cache/samba -maxdepth 1 \( -name '*.tdb' -o -name '*.ldb' \) -delete 2>/dev/null || true
samba-tool domain provision --use-rfc2307 --realm=LAB.TSSR --domain=LAB --server-role=dc \
  --dns-backend=SAMBA_INTERNAL --adminpass="$P" >/dev/null
# Liaison LDAP simple autorisée (logiciel de parc, et les vérifications du lab) : voir LISEZMOI.md du pack.
sed -i '/^\[global\]/a\\tldap server require strong auth = no' /etc/samba/smb.conf
cp /var/lib/samba/private/krb5.conf /etc/krb5.conf
printf 'search lab.tssr\nnameserver 127.0.0.1\n' > /etc/resolv.conf
systemctl unmask samba-ad-dc >/dev/null 2>&1
systemctl enable --now samba-ad-dc >/dev/null 2>&1
for _ in $(seq 60); do
  ldbsearch -H ldap://127.0.0.1 -U Administrator%"$P" -s base -b '' dn >/dev/null 2>&1 && break
  sleep 1
done

# L'annuaire à protéger.
samba-tool ou create "OU=Lyon,DC=lab,DC=tssr" >/dev/null
samba-tool user create jdupont 'Tssr-Lyon-2026!' --given-name=Jean --surname=Dupont --userou=OU=Lyon >/dev/null
samba-tool group add GG-Lyon --groupou=OU=Lyon >/dev/null
samba-tool group addmembers GG-Lyon jdupont >/dev/null

# Aucune sauvegarde, aucune restauration d'une tentative précédente.
rm -rf /var/backups/ad /srv/restauration-ad /usr/local/sbin/sauvegarde-ad.sh /etc/cron.d/sauvegarde-ad
