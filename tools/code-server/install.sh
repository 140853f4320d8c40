#!/usr/bin/env bash
# Auteur : TSSR Lab, 2026-11-28
# Installs code-server 4.100.3 from npm for the e2e tests, with the workarounds this machine needs
# (root install, kerberos headers, node-pty's npx prompt, ripgrep cache seeded from Debian's rg).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -x "$here/node_modules/.bin/code-server" ]; then exit 0; fi
command -v rg >/dev/null || { echo "install.sh: ripgrep missing (apt-get install -y ripgrep)" >&2; exit 1; }
tmp=$(mktemp -d)
mkdir -p "$tmp/vscode-ripgrep-cache-1.15.11"
tar czf "$tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
cd "$here"
TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error
rm -rf "$tmp"
