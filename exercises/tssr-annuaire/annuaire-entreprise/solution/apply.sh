#!/usr/bin/env bash
# Description : Solution de référence : l'annuaire des Ateliers du Rhône d'après personnel.csv (OU, comptes, groupes
#               AGDLP, compte désactivé), une GPO liée à l'OU Comptabilite, la stratégie de mots de passe et le DNS.
# Usage       : bash apply.sh   (en root, sur le contrôleur de domaine)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail
P='Adm1n-TSSR!'
BASE='DC=lab,DC=tssr'
RACINE="OU=Ateliers-Rhone,$BASE"

# 1. L'arborescence : une OU racine pour l'entreprise, les comptes par service, les groupes à part.
for ou in "$RACINE" "OU=Utilisateurs,$RACINE" "OU=Comptabilite,OU=Utilisateurs,$RACINE" \
  "OU=Production,OU=Utilisateurs,$RACINE" "OU=Groupes,$RACINE"; do
  samba-tool ou create "$ou" >/dev/null
done

# 2. Les comptes d'après le fichier du personnel (le mot de passe initial doit être changé à la première connexion).
tail -n +2 /root/personnel.csv | while IFS=';' read -r login prenom nom service fonction courriel statut; do
  [ "$statut" = present ] || continue
  samba-tool user create "$login" 'Bienvenue-2026!' --must-change-at-next-login \
    --given-name="$prenom" --surname="$nom" --department="$service" --job-title="$fonction" \
    --mail-address="$courriel" --userou="OU=$service,OU=Utilisateurs,OU=Ateliers-Rhone" >/dev/null
done

# 3. Groupes globaux par service, un groupe local de domaine pour le droit sur le partage (AGDLP).
samba-tool group add GG-Comptabilite --groupou="OU=Groupes,OU=Ateliers-Rhone" >/dev/null
samba-tool group add GG-Production --groupou="OU=Groupes,OU=Ateliers-Rhone" >/dev/null
samba-tool group add GL-Compta-Modification --group-scope=Domain --groupou="OU=Groupes,OU=Ateliers-Rhone" >/dev/null
samba-tool group addmembers GG-Comptabilite jdupont,mmartin >/dev/null
samba-tool group addmembers GG-Production lbernard,sroux >/dev/null
samba-tool group addmembers GL-Compta-Modification GG-Comptabilite >/dev/null

# 4. Le salarié parti : compte désactivé, pas supprimé (traçabilité, fichiers).
samba-tool user disable pgirard >/dev/null

# 5. La GPO de la comptabilité, liée à son OU, avec un message d'accueil.
samba-tool gpo create GPO-Comptabilite -U Administrator%"$P" >/dev/null
GPO=$(samba-tool gpo listall | awk '/^GPO /{g=$3} /^display name *: GPO-Comptabilite$/{print g}')
samba-tool gpo setlink "OU=Comptabilite,OU=Utilisateurs,$RACINE" "$GPO" -U Administrator%"$P" >/dev/null
samba-tool gpo manage motd set "$GPO" "Poste de la comptabilite : donnees confidentielles" -U Administrator%"$P" >/dev/null

# 6. La stratégie de mots de passe du domaine (Default Domain Policy).
samba-tool domain passwordsettings set --min-pwd-length=12 --account-lockout-threshold=5 --max-pwd-age=90 >/dev/null

# 7. Le DNS : le serveur de fichiers et l'alias de l'intranet.
samba-tool dns add 127.0.0.1 lab.tssr srv-fichiers A 192.168.10.20 -U Administrator%"$P" >/dev/null
samba-tool dns add 127.0.0.1 lab.tssr intranet CNAME srv-fichiers.lab.tssr -U Administrator%"$P" >/dev/null
