#!/usr/bin/env bash
# Description : sauvegarde un dossier dans une archive tar.gz horodatée.
# Usage       : sauvegarde.sh SOURCE DESTINATION
#               sauvegarde.sh -h|--help
# Codes       : 0 succès, 1 usage incorrect, 2 source introuvable, 3 échec de l'archivage
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-28
set -euo pipefail

usage() {
  echo "Usage : sauvegarde.sh SOURCE DESTINATION"
  echo "Archive SOURCE dans DESTINATION/sauvegarde-AAAAMMJJ-HHMMSS.tar.gz"
}

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  usage
  exit 0
fi

if [[ $# -ne 2 ]]; then
  usage >&2
  exit 1
fi

source_dir=$1
destination=$2

if [[ ! -d "$source_dir" ]]; then
  echo "Erreur : source introuvable : $source_dir" >&2
  exit 2
fi

mkdir -p "$destination"
archive="$destination/sauvegarde-$(date +%Y%m%d-%H%M%S).tar.gz"
if ! tar -czf "$archive" -C "$source_dir" .; then
  echo "Erreur : échec de l'archivage de $source_dir" >&2
  exit 3
fi
echo "$archive"
