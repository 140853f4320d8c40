#!/usr/bin/env bash
# Description : Met le serveur dans l'état de départ : pas de comptes, pas de dossier, et le fichier sudoers
#               cassé laissé par le stagiaire (sudo refuse alors de fonctionner).
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

# Repart de zéro : retire ce qu'une tentative précédente a créé.
for u in alice bob auditeur tech1; do
  if id "$u" >/dev/null 2>&1; then userdel -r "$u" 2>/dev/null || userdel "$u"; fi
done
for g in compta support; do
  if getent group "$g" >/dev/null; then groupdel "$g"; fi
done
rm -rf /srv/partages /srv/doc
rm -f /etc/sudoers.d/support

# Le fichier du stagiaire : il manque le « : » après NOPASSWD, et il donnerait tous les droits au support.
cat > /etc/sudoers.d/stagiaire <<'SUDO'
# Ajouté par le stagiaire pour le support (à finir)
%support ALL=(ALL) NOPASSWD ALL
SUDO
chmod 0440 /etc/sudoers.d/stagiaire
