#!/usr/bin/env bash
# Description : Reference solution: receive syslog over UDP 514 and store one file per sending host.
# Usage       : bash apply.sh   (as root, on the target)
# Auteur      : Équipe TSSR Lab
# Date        : 2026-11-28
set -euo pipefail
install -d -m 0755 /etc/rsyslog.d /var/log/distant
cat > /etc/rsyslog.d/10-reception.conf <<'CONF'
# Réception des journaux distants (UDP 514), un fichier par hôte
module(load="imudp")
template(name="ParHote" type="string" string="/var/log/distant/%HOSTNAME%.log")
ruleset(name="distant") {
  action(type="omfile" dynaFile="ParHote")
}
input(type="imudp" port="514" ruleset="distant")
CONF
rsyslogd -N1 >/dev/null
if [ -d /run/systemd/system ]; then
  systemctl restart rsyslog
else
  if [ -f /run/rsyslogd.pid ]; then kill "$(cat /run/rsyslogd.pid)" 2>/dev/null || true; sleep 0.5; fi
  rsyslogd
fi
