#!/usr/bin/env bash
# Description : Reference solution: harden sshd through a drop-in file, validate it, then (re)start the service.
# Usage       : bash apply.sh   (as root, on the target)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-28
set -euo pipefail
install -d -m 0755 /etc/ssh/sshd_config.d
# sshd keeps the first value it reads: the hosting provider's drop-in (setup) would win over ours, so it goes.
rm -f /etc/ssh/sshd_config.d/50-cloud-init.conf
cat > /etc/ssh/sshd_config.d/50-tssr-durcissement.conf <<'CONF'
# Durcissement TSSR (ANSSI)
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
CONF
install -d -m 0755 /run/sshd
sshd -t
if [ -d /run/systemd/system ]; then
  systemctl reload ssh || systemctl restart ssh
else
  /usr/sbin/sshd
fi
