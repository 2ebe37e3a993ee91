#!/usr/bin/env bash
# Builds the web console (web/) and runs its browser tests in Debian's Chromium, headless.
# Idempotent, on a fresh or a reused machine:
#   1. chromium and chromium-driver from Debian with apt, only when /usr/bin/chromium is missing
#      (needs root, as CI has; playwright-core drives it and never downloads a browser);
#   2. `npm ci` in web/ from the committed web/package-lock.json (the npm registry only), when
#      web/node_modules is missing or older than the lockfile;
#   3. the npm package the page uses (`iot-jobs-lint`, linked from ../pkg), only when pkg/dist is
#      missing: scripts/setup-wasm.sh, then scripts/build-pkg.sh; and its test build (pkg/dist-test,
#      forced internal errors, for web/test/recovery.test.mjs) when that is missing:
#      scripts/build-pkg.sh --test-panic;
#   4. type check (tsc) and `vite build` into web/dist;
#   5. `node --test` on web/test/ (screenshots go to web/test-results/): the console, and the
#      package's recovery from internal errors in the browser (main thread and worker).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "### apt-get install chromium chromium-driver"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi
# (Debian's wrapper script may print a harmless "[: …: unexpected operator" line.)
echo "### $(/usr/bin/chromium --version 2>/dev/null)"

if [ ! -f web/node_modules/.package-lock.json ] ||
  [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "### npm ci (web/)"
  (cd web && npm ci --no-audit --no-fund)
else
  echo "### web/node_modules up to date"
fi

if [ ! -f pkg/dist/index.js ] || [ ! -f pkg/dist/iot_jobs_lint_bg.wasm ]; then
  echo "### pkg/dist is missing: build the npm package"
  bash scripts/setup-wasm.sh
  bash scripts/build-pkg.sh
fi
if [ ! -f pkg/dist-test/index.js ] || [ ! -f pkg/dist-test/iot_jobs_lint_bg.wasm ]; then
  echo "### pkg/dist-test is missing: build the package's test build"
  bash scripts/setup-wasm.sh
  bash scripts/build-pkg.sh --test-panic
fi

cd web
echo "### tsc --noEmit (web/)"
npm run --silent typecheck
echo "### vite build -> web/dist"
npm run --silent build
echo "### node --test (web/test: the page in headless Chromium)"
node --test --test-reporter=tap test/*.test.mjs
