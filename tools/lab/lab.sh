#!/usr/bin/env bash
# Description : Throw-away Debian systemd-nspawn containers, each in a network namespace of our own, reachable only from a hub namespace.
# Usage       : lab.sh up | boot RUN NAME ROOT [nspawn args…] | wait RUN NAME [SECONDS] | run RUN NAME CMD… | ssh RUN NAME CMD…
#               | hub RUN CMD… | dir RUN | addr RUN NAME | stop RUN NAME | down RUN | gc        (as root)
# Auteur      : TSSR Lab, 2026-11-28
# Follows /work/shared/RECIPES-services-in-containers.md §2 and §4. A run owns one /24, 10.213.N.0/24 (N ≥ 1), that exists only
# inside its namespaces; while the run is up, a blackhole route for it in the root namespace keeps any stray packet on this machine.
set -euo pipefail
STATE=${TSSR_LAB_STATE:-/run/tssr-lab}
CG=(/sys/fs/cgroup/systemd /sys/fs/cgroup/unified)
die() { echo "lab.sh: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "run as root (systemd-nspawn, network namespaces and cgroups need it)"

rundir() { local r="$STATE/runs/$1"; [ -d "$r" ] || die "no run $1"; echo "$r"; }
net_of() { cat "$(rundir "$1")/net"; }
hub_of() { echo "$1-hub"; }
cdir()   { local d; d="$(rundir "$1")/c/$2"; [ -d "$d" ] || die "no container $2 in run $1"; echo "$d"; }
wrapper_pid() { cat "$(cdir "$1" "$2")/pid"; }
nspawn_pid()  { pgrep -P "$(wrapper_pid "$1" "$2")" -x systemd-nspawn || true; }
leader()      { local p; p=$(nspawn_pid "$1" "$2"); [ -n "$p" ] && pgrep -P "$p" | head -1; }
# Plumbing only (boot state, host keys): nsenter keeps the host's capabilities, so checks never go through it.
cx() { local l; l=$(leader "$1" "$2") || return 1; [ -n "$l" ] || return 1; shift 2
       nsenter -t "$l" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"; }

cmd_up() {
  mkdir -p "$STATE/runs" "$STATE/nets"
  cmd_gc
  local n run
  for n in $(seq 1 254); do
    # Skip a /24 that anything else on this machine routes (another lab, the recipe's 10.213.0.0/24).
    [ -z "$(ip route show 10.213.$n.0/24)" ] && [ ! -e "/run/netns/tl$n-hub" ] || continue
    mkdir "$STATE/nets/$n" 2>/dev/null || continue
    run="tl$n"; break
  done
  [ -n "${run:-}" ] || die "no free 10.213.N.0/24"
  trap 'cmd_down "$run"' ERR                                # a half-made run is removed at once
  local r="$STATE/runs/$run" net="10.213.$n" hub; hub=$(hub_of "$run")
  mkdir -p "$r/c" "$r/addr"; echo "$n" > "$r/n"; echo "$net" > "$r/net"; echo "${LAB_OWNER:-$PPID}" > "$r/owner"
  echo "$run" > "$STATE/nets/$n/run"
  ip route replace blackhole "$net.0/24"                   # the network guard, before any address exists
  ip netns add "$hub"; ip -n "$hub" link set lo up
  ip -n "$hub" link add br0 type bridge; ip -n "$hub" addr add "$net.1/24" dev br0; ip -n "$hub" link set br0 up
  ssh-keygen -q -t ed25519 -N '' -C "tssr-lab-$run" -f "$r/key"
  : > "$r/known_hosts"
  trap - ERR
  echo "$run"
}

cmd_boot() {
  local run=$1 name=$2 root=$3; shift 3
  local r; r=$(rundir "$run")
  [[ $name =~ ^[a-z][a-z0-9]{0,11}$ ]] || die "container name: a lowercase letter, then up to 11 lowercase letters or digits"
  [ -e "$root/.tssr-lab-complete" ] || die "$root is not a finished lab image (tools/lab/image.sh builds one)"
  mkdir "$r/c/$name" 2>/dev/null || die "container $name already exists in run $run"
  local o; for o in $(seq 10 251); do mkdir "$r/addr/$o" 2>/dev/null && break; done
  [ "$o" -le 250 ] || { rmdir "$r/c/$name"; die "no free address in run $run"; }
  local d="$r/c/$name" net; net=$(net_of "$run")
  local ns="$run-$name" hub; hub=$(hub_of "$run")
  echo "$o" > "$d/octet"; echo "$net.$o" > "$d/addr"
  ip netns add "$ns"
  ip -n "$hub" link add "v-$name" type veth peer name eth0 netns "$ns"   # made inside the hub: the root namespace sees no link
  ip -n "$hub" link set "v-$name" master br0 up
  ip -n "$ns" link set lo up; ip -n "$ns" addr add "$net.$o/24" dev eth0; ip -n "$ns" link set eth0 up
  local c; for c in "${CG[@]}"; do mkdir -p "$c/tssr-lab-$ns"; done
  # setsid: a Ctrl-C in the caller's terminal does not reach nspawn; stop/down/gc end it.
  LAB_CGS="${CG[0]}/tssr-lab-$ns ${CG[1]}/tssr-lab-$ns" LAB_STOP="$d/stop" setsid bash -c '
    root=$1 ns=$2 name=$3 keys=$4; shift 4
    for c in $LAB_CGS; do echo $$ > "$c/cgroup.procs"; done   # own cgroups before exec, or containers tear down each other
    while :; do
      systemd-nspawn -D "$root" --volatile=overlay --register=no --keep-unit --machine="$ns" --hostname="$name" \
        --network-namespace-path="/run/netns/$ns" --private-network --capability=CAP_NET_ADMIN --console=passive \
        --resolv-conf=off --bind-ro="$keys:/root/.ssh/authorized_keys2" "$@" -b
      rc=$?; { [ $rc -eq 133 ] && [ ! -e "$LAB_STOP" ]; } || exit $rc   # 133: reboot asked inside
    done' lab-boot "$root" "$ns" "$name" "$r/key.pub" "$@" > "$d/log" 2>&1 < /dev/null &
  echo $! > "$d/pid"
  echo "$net.$o"
}

cmd_wait() {  # prints the state once systemd has finished starting, and records the host keys for strict checking
  local run=$1 name=$2 limit=${3:-120} d st="" i; d=$(cdir "$run" "$name")
  for ((i = 0; i < limit * 10; i++)); do
    kill -0 "$(cat "$d/pid")" 2>/dev/null || { tail -20 "$d/log" >&2; die "container $name exited while booting (log above)"; }
    st=$(cx "$run" "$name" systemctl is-system-running 2>/dev/null) || true
    case "$st" in running|degraded) break ;; esac
    sleep 0.1
  done
  case "$st" in running|degraded) ;; *) tail -20 "$d/log" >&2; die "container $name not up after $limit s (state: ${st:-none})" ;; esac
  [ "$st" = running ] || cx "$run" "$name" systemctl --failed --no-legend --plain >&2 || true   # say which units failed
  local addr keys; addr=$(cat "$d/addr")
  keys=$(cmd_run "$run" "$name" sh -c 'cat /etc/ssh/ssh_host_*_key.pub' </dev/null) || die "cannot read $name's host keys"
  awk -v a="$addr" '{ print a, $1, $2 }' <<< "$keys" > "$d/known_hosts"
  cat "$(rundir "$run")"/c/*/known_hosts > "$(rundir "$run")/known_hosts" 2>/dev/null || true
  echo "$st"
}

# As the learner's shell would run it: a transient unit of the container's own systemd, with the container's capabilities.
cmd_run() { local run=$1 name=$2; shift 2
  cx "$run" "$name" systemd-run --quiet --wait --pipe --collect --service-type=exec -E HOME=/root -E LANG=C.UTF-8 -- "$@"; }

# The OpenSSH client, run in the hub namespace, with the run's key and the containers' recorded host keys only.
cmd_ssh() { local run=$1 name=$2 r addr; shift 2; r=$(rundir "$run"); addr=$(cat "$(cdir "$run" "$name")/addr")
  ip netns exec "$(hub_of "$run")" ssh -F /dev/null -i "$r/key" -o IdentitiesOnly=yes -o UserKnownHostsFile="$r/known_hosts" \
    -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o BatchMode=yes -o ConnectTimeout=10 -o LogLevel=ERROR \
    "root@$addr" -- "$@"; }

cmd_hub()  { local run=$1; shift; rundir "$run" >/dev/null; ip netns exec "$(hub_of "$run")" "$@"; }
cmd_addr() { cat "$(cdir "$1" "$2")/addr"; }

cmd_stop() {  # SIGTERM (clean halt), a 2nd SIGTERM (immediate), then KILL; then the namespace and the cgroups
  local run=$1 name=$2 r d w p i c; r=$(rundir "$run"); d="$r/c/$name"; [ -d "$d" ] || return 0
  touch "$d/stop"
  w=$(cat "$d/pid" 2>/dev/null || true)
  if [ -n "$w" ]; then
    p=$(pgrep -P "$w" -x systemd-nspawn || true)
    if [ -n "$p" ]; then
      kill -TERM "$p" 2>/dev/null || true
      for i in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$p" 2>/dev/null && kill -TERM "$p" 2>/dev/null
      for i in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$p" 2>/dev/null && kill -KILL "$p" 2>/dev/null
    fi
    for i in $(seq 50); do kill -0 "$w" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$w" 2>/dev/null && kill -KILL "$w" 2>/dev/null
  fi
  for c in "${CG[@]}"; do
    c="$c/tssr-lab-$run-$name"
    for i in $(seq 30); do [ -d "$c" ] || break; find "$c" -depth -type d -exec rmdir {} + 2>/dev/null || sleep 0.1; done
    [ ! -d "$c" ] || echo "lab.sh: cgroup $c still busy" >&2
  done
  ip netns del "$run-$name" 2>/dev/null || true
  rm -rf "$r/addr/$(cat "$d/octet" 2>/dev/null || echo none)" "$d"
}

cmd_down() {  # stops every container of the run at once, then removes its hub, its route and its state
  local run=$1 r c n; r="$STATE/runs/$run"; [ -d "$r" ] || return 0
  for c in "$r"/c/*/; do [ -d "$c" ] && cmd_stop "$run" "$(basename "$c")" & done; wait
  ip netns del "$(hub_of "$run")" 2>/dev/null || true
  n=$(cat "$r/n" 2>/dev/null || true)
  if [ -n "$n" ]; then ip route del blackhole "10.213.$n.0/24" 2>/dev/null || true; rm -rf "$STATE/nets/$n"; fi
  rm -rf "$r"
}

cmd_gc() {  # downs the runs whose owner process is gone (a test killed before its teardown)
  local r o; mkdir -p "$STATE/runs"
  for r in "$STATE"/runs/*/; do
    [ -d "$r" ] || continue; o=$(cat "$r/owner" 2>/dev/null || echo 0)
    if ! kill -0 "$o" 2>/dev/null; then echo "lab.sh: removing run $(basename "$r") (owner $o gone)" >&2; cmd_down "$(basename "$r")"; fi
  done
}

sub=${1:-}; shift || true
case "$sub" in
  up) cmd_up ;;
  boot) [ $# -ge 3 ] || die "usage: boot RUN NAME ROOT [nspawn args…]"; cmd_boot "$@" ;;
  wait) [ $# -ge 2 ] || die "usage: wait RUN NAME [SECONDS]"; cmd_wait "$@" ;;
  run) [ $# -ge 3 ] || die "usage: run RUN NAME CMD…"; cmd_run "$@" ;;
  ssh) [ $# -ge 3 ] || die "usage: ssh RUN NAME CMD…"; cmd_ssh "$@" ;;
  hub) [ $# -ge 2 ] || die "usage: hub RUN CMD…"; cmd_hub "$@" ;;
  dir) [ $# -eq 1 ] || die "usage: dir RUN"; rundir "$1" ;;
  addr) [ $# -eq 2 ] || die "usage: addr RUN NAME"; cmd_addr "$@" ;;
  stop) [ $# -eq 2 ] || die "usage: stop RUN NAME"; cmd_stop "$@" ;;
  down) [ $# -eq 1 ] || die "usage: down RUN"; cmd_down "$@" ;;
  gc) cmd_gc ;;
  *) sed -n '2,4p' "$0" >&2; exit 2 ;;
esac
