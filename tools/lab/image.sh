#!/usr/bin/env bash
# Description : Prints the path of the lab rootfs, building it once per recipe (build-root.sh + packages.txt).
# Usage       : image.sh [--prune]   (as root; TSSR_LAB_CACHE overrides /var/cache/tssr-lab)
#               --prune also deletes the images of other recipes, unless a lab run is up or one is being built.
# Auteur      : TSSR Lab, 2026-11-28
# stdout: the rootfs path. stderr: "image: cached <path>" or "image: built <path> in N s".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
CACHE=${TSSR_LAB_CACHE:-/var/cache/tssr-lab}
hash=$(cat "$here/build-root.sh" "$here/packages.txt" | sha256sum | cut -c1-16)
ROOT="$CACHE/rootfs-$hash"
mkdir -p "$CACHE"
if [ "${1:-}" = --prune ]; then
  if [ -n "$(ls -A "${TSSR_LAB_STATE:-/run/tssr-lab}/runs" 2>/dev/null)" ]; then
    echo "image.sh: lab runs are up (lab.sh gc removes dead ones): not pruning" >&2
  else
    for old in "$CACHE"/rootfs-*.lock; do
      [ "$old" = "$ROOT.lock" ] || [ ! -e "$old" ] && continue
      ( flock -n 9 || exit 0; rm -rf "${old%.lock}" "${old%.lock}.building"; rm -f "$old"; echo "image: pruned ${old%.lock}" >&2 ) 9<"$old"
    done
  fi
fi
# A finished image is never written again: readers need no lock.
if [ -e "$ROOT/.tssr-lab-complete" ]; then echo "image: cached $ROOT" >&2; echo "$ROOT"; exit 0; fi
exec 9>"$ROOT.lock"
flock -w 1800 9 || { echo "image.sh: another build of $ROOT holds the lock for 30 min" >&2; exit 1; }
if [ -e "$ROOT/.tssr-lab-complete" ]; then echo "image: cached $ROOT (built by a concurrent caller)" >&2; echo "$ROOT"; exit 0; fi
# Build beside the final place and rename: a crash never leaves a half image under the final name.
tmp="$CACHE/rootfs-$hash.building"
for m in dev/pts dev sys proc; do mountpoint -q "$tmp/$m" 2>/dev/null && umount -l "$tmp/$m"; done
rm -rf "$tmp" "$ROOT"
t0=$SECONDS
"$here/build-root.sh" "$tmp"
date -u +%FT%TZ > "$tmp/.tssr-lab-complete"
mv "$tmp" "$ROOT"
echo "image: built $ROOT in $((SECONDS - t0)) s" >&2
echo "$ROOT"
