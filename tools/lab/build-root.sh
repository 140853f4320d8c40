#!/usr/bin/env bash
# Description : Builds a Debian 12 (bookworm) root filesystem for throw-away systemd-nspawn targets.
# Usage       : build-root.sh ROOT   (as root; ROOT must not exist or be empty; packages from packages.txt)
# Auteur      : TSSR Lab, 2026-11-28
# Follows /work/shared/RECIPES-services-in-containers.md §3; each tweak at the end fixes an observed failure.
set -euo pipefail
ROOT=${1:?usage: build-root.sh ROOT}
here=$(cd "$(dirname "$0")" && pwd)
[ "$(id -u)" -eq 0 ] || { echo "build-root.sh: run as root" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "build-root.sh: debootstrap missing (apt-get install -y debootstrap systemd-container)" >&2; exit 2; }

# The mirror comes from this machine's apt sources (deb822 first, then one-line format): never hard-coded.
mirror() {
  awk 'function flush(){ if (uris != "" && suites ~ /(^| )bookworm( |$)/ && uris !~ /security/) { split(uris, u, " "); print u[1]; found=1; exit } uris=""; suites="" }
       /^[[:space:]]*$/ { flush(); next }
       /^URIs:/ { sub(/^URIs:[[:space:]]*/, ""); uris=$0 }
       /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites=$0 }
       END { if (!found) flush() }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true
  awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true
}
MIRROR=$(mirror | head -1)
[ -n "$MIRROR" ] || { echo "build-root.sh: no bookworm mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list" >&2; exit 2; }
mapfile -t PKGS < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/packages.txt")

mkdir -p "$ROOT"
cleanup() { for m in dev/pts dev sys proc; do mountpoint -q "$ROOT/$m" && umount -l "$ROOT/$m"; done; return 0; }
trap cleanup EXIT
t0=$SECONDS
debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$ROOT.debootstrap.log" 2>&1 \
  || { tail -20 "$ROOT.debootstrap.log" >&2; exit 1; }
echo "build-root.sh: debootstrap $((SECONDS - t0)) s" >&2
mount -t proc proc "$ROOT/proc"; mount -t sysfs sys "$ROOT/sys"
mount --bind /dev "$ROOT/dev"; mount -t devpts devpts "$ROOT/dev/pts" -o newinstance,ptmxmode=0666
rm -f "$ROOT/etc/resolv.conf"; cp /etc/resolv.conf "$ROOT/etc/resolv.conf"    # the host's DNS, only while building
printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d"; chmod +x "$ROOT/usr/sbin/policy-rc.d"   # no daemon starts in the chroot
C=(env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8)
# slapd would otherwise take its suffix from the build machine's domain: a fixed lab directory, documented in README.md.
chroot "$ROOT" debconf-set-selections <<'SEL'
slapd slapd/domain string lab.tssr
slapd shared/organization string TSSR Lab
slapd slapd/password1 password tssr-lab
slapd slapd/password2 password tssr-lab
slapd slapd/no_configuration boolean false
krb5-config krb5-config/default_realm string LAB.TSSR
krb5-config krb5-config/add_servers_realm string LAB.TSSR
krb5-config krb5-config/add_servers boolean false
samba-common samba-common/dhcp boolean false
SEL
t1=$SECONDS
chroot "$ROOT" "${C[@]}" apt-get update -qq
chroot "$ROOT" "${C[@]}" apt-get install -y -q --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PKGS[@]}" >"$ROOT.apt.log" 2>&1 \
  || { tail -30 "$ROOT.apt.log" >&2; exit 1; }
chroot "$ROOT" apt-get clean
echo "build-root.sh: apt install $((SECONDS - t1)) s (${#PKGS[@]} packages)" >&2

# ---- container tweaks ----
rm -f "$ROOT/usr/sbin/policy-rc.d"
rm -f "$ROOT/etc/hostname"                                   # held the build machine's name; --hostname= wins without it
echo "nameserver 127.0.0.1" > "$ROOT/etc/resolv.conf"        # the host's resolver is unreachable: lookups would hang, boot 150 s
: > "$ROOT/etc/machine-id"; rm -f "$ROOT/var/lib/dbus/machine-id"   # a fresh machine-id each boot
rm -f "$ROOT"/etc/ssh/ssh_host_*                             # per-container host keys, made at sshd's start
mkdir -p "$ROOT/etc/systemd/system/ssh.service.d"
printf '[Service]\nExecStartPre=\nExecStartPre=/usr/bin/ssh-keygen -A\nExecStartPre=/usr/sbin/sshd -t\n' \
  > "$ROOT/etc/systemd/system/ssh.service.d/keygen.conf"
install -d -m 0700 "$ROOT/root/.ssh"                         # lab.sh binds the test key on .ssh/authorized_keys2
# apache2's index.html would shadow nginx's own page on :80 (nginx serves index.html first); apache2 then lists the folder.
rm -f "$ROOT/var/www/html/index.html"
echo "shutdown_lifetime 1 seconds" > "$ROOT/etc/squid/conf.d/lab.conf"   # else each container stop waits 30 s for squid
# chrony: the unit is skipped without CAP_SYS_TIME; serve time (-x) but never set the clock, which is the host's.
mkdir -p "$ROOT/etc/systemd/system/chrony.service.d"
printf '[Unit]\nConditionCapability=\n' > "$ROOT/etc/systemd/system/chrony.service.d/container.conf"
echo 'DAEMON_OPTS="-F 1 -x"' > "$ROOT/etc/default/chrony"
# podman inside nspawn (RECIPES-services-in-containers.md §5.4): no kernel keyring, no cgroup writes, vfs on the overlay root.
mkdir -p "$ROOT/etc/containers"
printf '[containers]\nkeyring = false\ncgroups = "disabled"\n' > "$ROOT/etc/containers/containers.conf"
printf '[storage]\ndriver = "vfs"\nrunroot = "/run/containers/storage"\ngraphroot = "/var/lib/containers/storage"\n' \
  > "$ROOT/etc/containers/storage.conf"
# Installed but off at boot: apache2 clashes with nginx on :80, the rest only cost boot time (mariadb, squid, slapd
# take seconds each). A test or an exercise's setup runs `systemctl enable --now UNIT`.
for unit in apache2 named kea-dhcp4-server kea-dhcp6-server kea-ctrl-agent isc-dhcp-server slapd mariadb squid chrony nftables dnsmasq smbd nmbd winbind samba-ad-dc kamailio zabbix-agent nagios-nrpe-server php8.2-fpm podman-restart; do
  if [ -e "$ROOT/lib/systemd/system/$unit.service" ] || [ -e "$ROOT/etc/init.d/$unit" ]; then chroot "$ROOT" systemctl disable -q "$unit" 2>/dev/null || true; fi
done
rm -f "$ROOT.debootstrap.log" "$ROOT.apt.log"
cleanup
echo "build-root.sh: done in $((SECONDS - t0)) s, $(du -sh --one-file-system "$ROOT" | cut -f1)" >&2
