#!/usr/bin/env bash
# Builds the VS Code extension: editors/vscode/dist/iot-jobs-lint-<version>.vsix.
# Copies the JSON Schemas (schemas/latest, what package.json's jsonValidation points at) and the
# LICENSE into the extension (neither is kept twice in git), installs its node modules (npm ci,
# package-lock.json), and packages it with @vscode/vsce (a devDependency; works offline once the
# modules are there). BUNDLE_BIN=path/to/iot-jobs-lint puts that binary into the extension as
# bin/<platform>-<arch>/ for the platform this runs on (Node's process.platform and process.arch),
# which the extension prefers to one on PATH; without it the .vsix has no binary.
set -euo pipefail
# A relative BUNDLE_BIN is relative to where the script is run from, not to editors/vscode.
if [ -n "${BUNDLE_BIN:-}" ]; then
  BUNDLE_BIN="$(cd "$(dirname "$BUNDLE_BIN")" && pwd)/$(basename "$BUNDLE_BIN")"
fi
cd "$(dirname "$0")/../editors/vscode"
rm -rf schemas bin LICENSE
mkdir -p schemas dist
cp -R ../../schemas/latest schemas/latest
cp ../../LICENSE LICENSE
if [ -n "${BUNDLE_BIN:-}" ]; then
  target=$(node -p 'process.platform + "-" + process.arch')
  exe=iot-jobs-lint
  [ "${target%%-*}" = win32 ] && exe=iot-jobs-lint.exe
  mkdir -p "bin/$target"
  cp "$BUNDLE_BIN" "bin/$target/$exe"
  chmod +x "bin/$target/$exe"
  echo "bundled $BUNDLE_BIN as bin/$target/$exe"
fi
npm ci --no-audit --no-fund --loglevel=error
version=$(node -p 'require("./package.json").version')
out="dist/iot-jobs-lint-$version.vsix"
rm -f "$out"
# --no-rewrite-relative-links: without a repository vsce cannot make README links absolute; the
# README and its screenshot are read from the installed extension, where relative links work.
npx --no-install vsce package --allow-missing-repository --no-rewrite-relative-links --out "$out"
echo "built editors/vscode/$out"
