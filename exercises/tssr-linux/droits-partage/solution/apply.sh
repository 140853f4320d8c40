#!/usr/bin/env bash
# Description : Reference solution: accounts, setgid shared folder, read-only ACL for the auditor, a narrow sudo rule.
# Usage       : bash apply.sh   (as root, on the target)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

getent group compta >/dev/null || groupadd compta
getent group support >/dev/null || groupadd support
for u in alice bob; do
  id "$u" >/dev/null 2>&1 || useradd -m -s /bin/bash "$u"
  usermod -aG compta "$u"
done
id auditeur >/dev/null 2>&1 || useradd -m -s /bin/bash auditeur
id tech1 >/dev/null 2>&1 || useradd -m -s /bin/bash -G support tech1

install -d -o root -g compta -m 2770 /srv/partages/compta
# The auditor: traverse and read now (access ACL) and for every future file (default ACL).
setfacl -m u:auditeur:rX /srv/partages/compta
setfacl -d -m u:auditeur:rX /srv/partages/compta

# The intern's file breaks every sudo call and would give full rights: it goes.
rm -f /etc/sudoers.d/stagiaire
cat > /etc/sudoers.d/support <<'SUDO'
# Support : redémarrage et état de l'intranet uniquement (ticket 4127)
%support ALL=(root) /usr/bin/systemctl restart nginx, /usr/bin/systemctl status nginx
SUDO
chmod 0440 /etc/sudoers.d/support
visudo -c

install -d -m 0755 /srv/doc
{
  echo "# Partage de la comptabilité (ticket 4127)"
  echo
  echo "## Comptes"
  echo
  echo "- groupe compta : alice, bob ; groupe support : tech1 ; auditeur hors compta."
  echo
  echo "## Droits"
  echo
  echo "/srv/partages/compta : root:compta, 2770 (setgid : les fichiers créés appartiennent au groupe compta)."
  echo "ACL : auditeur en lecture seule (rX), par défaut aussi pour les nouveaux fichiers."
  echo
  echo '```'
  getfacl -p /srv/partages/compta
  echo '```'
  echo
  echo "## Sudo"
  echo
  echo "/etc/sudoers.d/support : %support peut lancer systemctl restart|status nginx, vérifié par visudo -c."
} > /srv/doc/partage-compta.md
