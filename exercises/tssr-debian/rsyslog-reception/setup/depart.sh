#!/usr/bin/env bash
# Description : Met le serveur dans l'état de départ de l'exercice : aucune réception de journaux distants.
# Usage       : bash depart.sh   (en root, sur la cible ; lancé par « tssr-lab start » et « tssr-lab pack test »)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-28
set -euo pipefail

# Retire la configuration de réception d'une tentative précédente.
rm -f /etc/rsyslog.d/10-reception.conf

# Vide le dossier des journaux reçus : les vérifications doivent y voir arriver un message neuf.
rm -rf /var/log/distant

# Si rsyslog est installé, le redémarre sans réception UDP (le port 514 se ferme).
if [ -d /run/systemd/system ] && systemctl cat rsyslog.service >/dev/null 2>&1; then
  systemctl restart rsyslog
fi
