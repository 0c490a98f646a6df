#!/usr/bin/env bash
# Installs what the build and tests need and is missing, from the registries these machines reach
# (Debian, crates.io, npm). Idempotent: every step checks first, so a warm machine pays nothing.
#   scripts/install-tools.sh build   toolchain, trunk, wasm-bindgen-cli, wasm-opt, terser
#   scripts/install-tools.sh test    build + chromium, chromedriver, playwright-core, PostgreSQL,
#                                    Postfix and swaks (the e2e mail tests, scripts/start-mail.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)

log() { echo "==> $*"; }
apt_updated=""
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }
  # shellcheck disable=SC2086 # APT_FLAGS: optional extra flags, word-split on purpose
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${APT_FLAGS:-} "${missing[@]}" >/dev/null
}

# Rust toolchain and the wasm target (rust-toolchain.toml pins both; rustup installs on demand).
rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WBG_VERSION"; then
  # Not --locked: its lockfile names a crate version the registry no longer has.
  log "cargo install wasm-bindgen-cli $WBG_VERSION (about 3 minutes)"
  cargo install --force wasm-bindgen-cli --version "$WBG_VERSION"
fi

# Node tools, pinned in package.json / package-lock.json: binaryen (wasm-opt 132; Debian's 108
# emits wasm that fails in browsers), terser (minifies the loader), playwright-core, postal-mime
# (decodes the mails of the e2e tests).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@axe-core/playwright ] || [ ! -d node_modules/lighthouse ] || [ ! -d node_modules/postal-mime ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$what" = test ]; then
  apt_install chromium chromium-driver postgresql fonts-noto-cjk
  # Postfix without recommends and without a system configuration: the install then writes no
  # /etc/postfix/main.cf and starts nothing; scripts/start-mail.sh runs its own instance.
  if ! dpkg -s postfix >/dev/null 2>&1; then
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  fi
  APT_FLAGS=--no-install-recommends apt_install postfix swaks
fi
