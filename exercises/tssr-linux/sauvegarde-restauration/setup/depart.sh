#!/usr/bin/env bash
# Description : Met le serveur de fichiers dans l'état de l'incident : des données, l'archive de la nuit dernière,
#               le dossier des contrats supprimé et des factures créées après la sauvegarde.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Repart de zéro.
rm -rf /srv/data /srv/doc/procedure-restauration.md /usr/local/sbin/sauvegarde-donnees.sh /etc/cron.d/sauvegarde-donnees
rm -f /var/backups/donnees-*.tar.gz
for g in rh compta; do getent group "$g" >/dev/null || groupadd "$g"; done

# Les données du service, avec leurs droits.
install -d -o root -g rh -m 2770 /srv/data/rh /srv/data/rh/contrats
install -d -o root -g compta -m 2770 /srv/data/compta
printf 'Contrat de travail — M. Dupont\nCDI, prise de poste le 02/01/2024\n' > /srv/data/rh/contrats/contrat-dupont.txt
printf 'Contrat de travail — Mme Nguyen\nCDD, 6 mois\n' > /srv/data/rh/contrats/contrat-nguyen.txt
printf 'Avenant n°1 — M. Dupont\nPassage à 80 %%\n' > /srv/data/rh/contrats/avenant-dupont.txt
printf 'Planning des congés 2026\n' > /srv/data/rh/conges-2026.txt
printf 'Facture 0398 — 1 250,00 EUR\n' > /srv/data/compta/facture-0398.txt
chown root:rh /srv/data/rh/contrats/* /srv/data/rh/conges-2026.txt
chmod 0640 /srv/data/rh/contrats/* /srv/data/rh/conges-2026.txt
chown root:compta /srv/data/compta/facture-0398.txt
chmod 0660 /srv/data/compta/facture-0398.txt

# La sauvegarde manuelle de la nuit dernière (vieille de plus de 24 h : elle n'est plus « récente »).
archive=/var/backups/donnees-$(date -d yesterday +%Y%m%d).tar.gz
tar -czpf "$archive" -C / srv/data
touch -d '-26 hours' "$archive"

# Ce matin : les contrats sont supprimés, puis la comptabilité enregistre une facture.
rm -rf /srv/data/rh/contrats
printf 'Facture 0412 — 980,00 EUR (saisie du jour)\n' > /srv/data/compta/facture-0412.txt
chown root:compta /srv/data/compta/facture-0412.txt
chmod 0660 /srv/data/compta/facture-0412.txt
