#!/usr/bin/env bash
# Description : Met srv-ad01 dans l'état de départ : Debian 12 avec Samba installé en serveur de fichiers autonome
#               (smbd et nmbd démarrés, comme après « apt install samba ») et bind9 laissé par un prestataire sur le port 53.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Le serveur a déjà son nom définitif.
hostnamectl set-hostname srv-ad01 2>/dev/null || hostname srv-ad01

# Repart de zéro si un domaine existe déjà (tentative précédente) : Debian masque samba-ad-dc par défaut.
systemctl disable --now samba-ad-dc >/dev/null 2>&1 || true
systemctl mask samba-ad-dc >/dev/null 2>&1 || true
rm -rf /var/lib/samba/private/* /var/lib/samba/sysvol/* /var/lib/samba/bind-dns
find /var/lib/samba /var/cache/samba -maxdepth 1 \( -name '*.tdb' -o -name '*.ldb' \) -delete 2>/dev/null || true
cp /usr/share/samba/smb.conf /etc/samba/smb.conf
rm -f /tmp/krb5cc_tssrlab

# État « livré » : le smb.conf d'origine et les services de fichiers autonomes démarrés, bind9 sur le port 53.
systemctl enable --now smbd nmbd named >/dev/null 2>&1
