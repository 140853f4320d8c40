#!/usr/bin/env bash
# Description : Met srv-ad01 dans l'état de départ : un domaine LAB.TSSR tout juste promu, où l'ancien administrateur
#               a seulement créé le compte de Paul Girard (parti depuis) dans le conteneur Users.
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

samba-tool user create pgirard 'Girard-2025!' --given-name=Paul --surname=Girard --department=Production \
  --job-title=Technicien --mail-address=paul.girard@lab.tssr >/dev/null

# L'organigramme fourni par la direction, à côté de l'énoncé et sur le serveur.
cat > /root/personnel.csv <<'CSV'
login;prenom;nom;service;fonction;courriel;statut
jdupont;Jean;Dupont;Comptabilite;Comptable;jean.dupont@lab.tssr;present
mmartin;Marie;Martin;Comptabilite;Responsable comptable;marie.martin@lab.tssr;present
lbernard;Lucas;Bernard;Production;Chef d'atelier;lucas.bernard@lab.tssr;present
sroux;Sophie;Roux;Production;Technicienne;sophie.roux@lab.tssr;present
pgirard;Paul;Girard;Production;Technicien;paul.girard@lab.tssr;parti le 31/10
CSV
