#!/usr/bin/env bash
# Idempotent setup of what the npm package build and its tests need, on a fresh or a reused
# machine, each step with why it is done this way:
#   1. the wasm32-unknown-unknown target (explicitly: RUSTUP_AUTO_INSTALL=0 ignores
#      rust-toolchain.toml targets);
#   2. wasm-bindgen-cli at exactly the version of the `wasm-bindgen` crate in Cargo.lock,
#      `cargo install --locked` into ~/.cargo/bin (kept on a reused machine; skipped when the
#      binary on PATH already has that version). Never wasm-pack, never Debian's binaryen;
#   3. the package's node modules (`npm ci` from the committed pkg/package-lock.json, including
#      binaryen's wasm-opt, which scripts/build-pkg.sh runs), when
#      node_modules is missing or older than the lockfile (so a second call does nothing).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "### wasm toolchain: rustup target add wasm32-unknown-unknown"
rustup target add wasm32-unknown-unknown

wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg_version" ]; then
  echo "error: no wasm-bindgen package in Cargo.lock" >&2
  exit 2
fi
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $wbg_version" ]; then
  echo "### wasm-bindgen-cli $wbg_version already installed"
else
  echo "### cargo install wasm-bindgen-cli $wbg_version --locked (about 2 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "$wbg_version" --locked
fi

if [ ! -f pkg/node_modules/.package-lock.json ] ||
  [ pkg/package-lock.json -nt pkg/node_modules/.package-lock.json ]; then
  echo "### npm ci (pkg/)"
  (cd pkg && npm ci --no-audit --no-fund)
else
  echo "### pkg/node_modules up to date"
fi
