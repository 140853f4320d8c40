#!/usr/bin/env bash
# Description : Reference solution: let chrony start in a container (drop-in, -x), serve time to the LAN only.
# Usage       : bash apply.sh   (as root, on the target)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-29
set -euo pipefail

observed=$(systemctl status chrony --no-pager 2>&1 | grep -i condition || true)
# The unit requires CAP_SYS_TIME, which a container never has: clear the condition, and never touch the clock (-x).
install -d -m 0755 /etc/systemd/system/chrony.service.d
printf '[Unit]\n# Conteneur : pas de CAP_SYS_TIME, chronyd tourne avec -x\nConditionCapability=\n' \
  > /etc/systemd/system/chrony.service.d/conteneur.conf
echo 'DAEMON_OPTS="-F 1 -x"' > /etc/default/chrony

sed -i 's/^pool /#pool /' /etc/chrony/chrony.conf
cat > /etc/chrony/conf.d/tssr.conf <<'CONF'
# Serveur NTP interne (ticket 4290)
server 192.168.10.1 iburst
local stratum 8
allow 192.168.10.0/24
allow 127.0.0.1
CONF
timedatectl set-timezone Europe/Paris
systemctl daemon-reload
systemctl enable chrony >/dev/null 2>&1
systemctl restart chrony
# The learner's test, as a LAN client: one measurement, the clock untouched (a few tries while chronyd starts).
for _ in 1 2 3; do
  if chronyd -Q -t 3 "server 127.0.0.1 iburst minpoll -2 maxpoll -2" 2>&1 | grep -q "System clock wrong by"; then break; fi
  sleep 1
done

cat > /root/diagnostic-chrony.md <<DOC
# Diagnostic chrony (ticket 4290)

Observé : systemctl start chrony ne démarre rien ; systemctl status chrony :
${observed}

Cause : l'unité porte ConditionCapability=CAP_SYS_TIME ; un conteneur n'a pas cette capacité, systemd saute le service.

Correction : surcharge /etc/systemd/system/chrony.service.d/conteneur.conf (ConditionCapability= vide),
DAEMON_OPTS="-F 1 -x" (ne jamais régler l'horloge), configuration dans /etc/chrony/conf.d/tssr.conf.
Test : chronyd -Q -t 4 "server 127.0.0.1 iburst minpoll -2 maxpoll -2" répond.
DOC
