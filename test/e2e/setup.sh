#!/usr/bin/env bash
# Installs what the editor tests need on a fresh Debian machine (as root, with
# only apt and the npm registry reachable): Debian's chromium, ripgrep and
# libkrb5-dev, and code-server 4.100.3 in the git-ignored .code-server/.
# Idempotent: apt runs only for what is missing; code-server is reused when its
# stamp file says the recipe below already finished.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEST="${LSRIF_CODE_SERVER_DIR:-$ROOT/.code-server}"
STAMP="$DEST/.installed-$CODE_SERVER_VERSION"

log() { echo "[e2e-setup] $*"; }
fail() { echo "[e2e-setup] FAILED: $*" >&2; exit 1; }

# --- 1. Debian packages, only the missing ones -----------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "need root to apt-get install ${missing[*]}"
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail "apt-get update"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]}"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing after apt"
RG="$(command -v rg)" || fail "rg is missing after apt"

# --- 2. code-server, reused when the stamp is there -------------------------
if [ -f "$STAMP" ] && [ -f "$DEST/node_modules/code-server/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $DEST"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || fail "code-server $CODE_SERVER_VERSION needs Node 20 (found $(node -v))"

log "installing code-server $CODE_SERVER_VERSION into $DEST"
rm -rf "$DEST"
mkdir -p "$DEST"
# Its own package.json so npm never touches the project's package.json or lock.
printf '{ "name": "lsrif-code-server", "private": true }\n' > "$DEST/package.json"
cd "$DEST"
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
# code-server's postinstall insists on --unsafe-perm and downloads ripgrep, so
# its steps are done by hand below.
npm install --no-save --ignore-scripts "code-server@$CODE_SERVER_VERSION" >/dev/null || fail "npm install code-server"
npm rebuild argon2 >/dev/null || fail "npm rebuild argon2"

VSCODE="$DEST/node_modules/code-server/lib/vscode"
cd "$VSCODE"
npm install --omit=dev --ignore-scripts >/dev/null || fail "npm install in lib/vscode"
# @vscode/ripgrep's postinstall would download rg; give it Debian's first.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$RG" node_modules/@vscode/ripgrep/bin/rg
npm rebuild >/dev/null || fail "npm rebuild in lib/vscode"
# The links code-server's own postinstall.sh makes.
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -f code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -f browser.sh && ln -s browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts >/dev/null) || fail "npm install in lib/vscode/extensions"

# Smoke check: the binary starts and reports its version (under a throwaway
# HOME: code-server writes a default config file there on every start).
check_home="$(mktemp -d)"
version_line="$(HOME="$check_home" node "$DEST/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | grep -m1 "^$CODE_SERVER_VERSION " || true)"
rm -rf "$check_home"
case "$version_line" in
  "$CODE_SERVER_VERSION "*) log "ok: $version_line" ;;
  *) fail "code-server --version printed '$version_line'" ;;
esac
touch "$STAMP"
