#!/usr/bin/env bash
# Description : Solution de référence : dossier /srv/partages/compta (root:compta, 2770), partage [compta] réservé
#               au groupe, invités refusés, SMB2 minimum, comptes Samba d'alice et bob, smbd démarré et activé.
# Usage       : bash apply.sh   (en root, sur la cible)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
install -d -m 2770 -o root -g compta /srv/partages/compta
chmod 2770 /srv/partages/compta
sed -i 's/^\[global\]$/[global]\n   server min protocol = SMB2\n   restrict anonymous = 2/' /etc/samba/smb.conf
cat >> /etc/samba/smb.conf <<'CONF'

[compta]
   comment = Partage du service comptabilité
   path = /srv/partages/compta
   valid users = @compta
   read only = no
   guest ok = no
   browseable = yes
   create mask = 0660
   directory mask = 2770
CONF
testparm -s >/dev/null 2>&1
for u in alice bob; do printf 'Compta-2026\nCompta-2026\n' | smbpasswd -s -a "$u" >/dev/null; done
systemctl enable smbd
systemctl restart smbd
for _ in $(seq 50); do ss -tln | grep -q ':445 ' && break; sleep 0.1; done
