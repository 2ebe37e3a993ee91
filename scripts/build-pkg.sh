#!/usr/bin/env bash
# Builds the npm package `iot-jobs-lint` into pkg/dist/ (generated, git-ignored):
#   1. cargo build of crates/iot-jobs-lint-wasm for wasm32-unknown-unknown with the
#      `wasm-release` profile (opt-level "z", lto, codegen-units 1; see Cargo.toml);
#   2. wasm-bindgen (the CLI of exactly the crate's version, see scripts/setup-wasm.sh) for the
#      `web` target (ESM: browsers, bundlers, Node's `import`) and the `nodejs` target (CommonJS:
#      Node's `require`), without the name and producers sections, and with
#      --experimental-reset-state-function: its `__wbg_reset_state()` instantiates the compiled
#      module afresh, which the entries' guard (pkg/src/guard.js) calls after an internal error
#      (the declaration is taken out of the .d.ts files: it is not part of the package's API).
#      Both targets produce the same .wasm, which the package ships once;
#   2b. binaryen's wasm-opt (npm `binaryen`, pinned in pkg/package.json) over that .wasm with a
#      chosen list of passes, not -Oz (see below);
#   2c. the full module: the same crate with its `cli` feature (CloudFormation templates, the
#      core's JSON, SARIF and GitHub writers, the walk's template test) into
#      dist/iot_jobs_lint_full{.js,.cjs,_bg.wasm}, which the entries load at the first template
#      (browsers: initTemplates()) and `npx iot-jobs-lint` always;
#   3. the JSON Schemas (schemas/ -> dist/schemas/, dist/schemas.{js,cjs}) and the request and
#      response types generated from them (dist/shapes.d.ts, json-schema-to-typescript);
#   4. the entry modules (pkg/src/; guard.cjs and linter.cjs written from guard.js and linter.js),
#      and pkg/package.json's
#      version set to the crate's;
#   5. the repository's LICENSE copied to pkg/LICENSE (git-ignored), which the tarball ships.
#
# `--test-panic` builds the test build instead: the crate's cargo feature `test-panic` (lint() of a
# few exact texts panics, traps or throws; see `forced_failure` in the crate) into pkg/dist-test/
# (git-ignored, outside the package's `files`), with its own cargo target directory so that the
# two builds do not rebuild each other. It leaves package.json and pkg/LICENSE alone. The Node
# tests (pkg/test/recovery.test.mjs) and the web tests (web/test/recovery.test.mjs) use it.
# Needs: scripts/setup-wasm.sh (target, wasm-bindgen-cli, pkg/node_modules).
# Fails when the gzipped .wasm is over WASM_GZIP_BUDGET bytes (default 160000; see the end).
# WASM_OPT=path/to/wasm-opt overrides pkg/node_modules/.bin/wasm-opt (binaryen >= 116; never
# Debian's 108, whose output fails at run time); WASM_OPT=none skips the step (for comparisons).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

crate=iot-jobs-lint-wasm
profile=wasm-release
name=iot_jobs_lint
dist=pkg/dist
features=()
test_build=false
case "${1:-}" in
  "") ;;
  --test-panic)
    test_build=true
    dist=pkg/dist-test
    features=(--features test-panic)
    ;;
  *)
    echo "usage: $0 [--test-panic]" >&2
    exit 2
    ;;
esac

wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ ! -d pkg/node_modules/json-schema-to-typescript ]; then
  echo "error: pkg/node_modules is not installed; run scripts/setup-wasm.sh first" >&2
  exit 2
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg_version" ]; then
  echo "error: wasm-bindgen $wbg_version (the version in Cargo.lock) is not on PATH; run scripts/setup-wasm.sh" >&2
  exit 2
fi

metadata=$(cargo metadata --format-version 1 --no-deps --locked)
read -r version target_dir < <(node -e '
  const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const p = m.packages.find((p) => p.name === process.argv[1]);
  console.log(p.version, m.target_directory);
' "$crate" <<<"$metadata")

if $test_build; then
  target_dir="$target_dir/test-panic"
fi

echo "### cargo build -p $crate --target wasm32-unknown-unknown --profile $profile ${features[*]}"
cargo build -p "$crate" --target wasm32-unknown-unknown --profile "$profile" --locked \
  --target-dir "$target_dir" "${features[@]}"
wasm="$target_dir/wasm32-unknown-unknown/$profile/${crate//-/_}.wasm"

echo "### wasm-bindgen $wbg_version (web, nodejs)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for target in web nodejs; do
  wasm-bindgen --target "$target" --out-dir "$tmp/$target" --out-name "$name" \
    --remove-name-section --remove-producers-section --experimental-reset-state-function "$wasm"
  # The guard needs __wbg_reset_state (JS); the package's API does not have it (.d.ts).
  grep -q '__wbg_reset_state' "$tmp/$target/$name.js" || {
    echo "error: wasm-bindgen wrote no __wbg_reset_state into the $target glue" >&2
    exit 1
  }
  grep -q '^export function __wbg_reset_state(): void;$' "$tmp/$target/$name.d.ts" || {
    echo "error: no __wbg_reset_state declaration to remove from the $target .d.ts" >&2
    exit 1
  }
  sed -i '/^export function __wbg_reset_state(): void;$/d' "$tmp/$target/$name.d.ts"
done
if ! cmp -s "$tmp/web/${name}_bg.wasm" "$tmp/nodejs/${name}_bg.wasm"; then
  echo "error: the web and nodejs targets produced different .wasm files; ship both" >&2
  exit 1
fi
# wasm-opt with the passes that make the gzipped file smaller. Measured one by one on this module
# (docs/benchmarks.md): -Oz, -Os and -O3 shrink the raw file by 9 % but grow the gzipped one by
# 3 %, mostly through reorder-functions (+11 KB gzipped), inlining-optimizing, local-cse,
# simplify-locals and memory-packing; the passes below each shrink both, together by 6.6 KB
# gzipped, with the same lint speed. The --enable flags are the features rustc targets by
# default for wasm32 (Rust >= 1.87), which wasm-opt must accept in the input.
wasm_opt=${WASM_OPT:-pkg/node_modules/.bin/wasm-opt}
optimize() {
  if [ "$wasm_opt" != none ]; then
    "$wasm_opt" --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-multivalue \
      --duplicate-function-elimination --dae-optimizing --remove-unused-brs \
      --optimize-instructions --rse --code-folding --vacuum --duplicate-function-elimination \
      --reorder-locals --remove-unused-module-elements \
      "$1" -o "$1"
  fi
}
if [ "$wasm_opt" != none ]; then
  if ! "$wasm_opt" --version >/dev/null 2>&1; then
    echo "error: $wasm_opt is missing; run scripts/setup-wasm.sh (npm ci installs binaryen)" >&2
    exit 2
  fi
  echo "### $("$wasm_opt" --version)"
fi
optimize "$tmp/web/${name}_bg.wasm"

# The full module: the same crate with the `cli` feature (CloudFormation templates, the core's
# report writers and the walk's template test), for the `web` target (browsers and Node's
# `import`: initTemplates(), the npm command) and the `nodejs` one (Node's `require`). The
# library's entries load it at the first template; `npx iot-jobs-lint` always. The test build has
# one too, with the same forced failures.
if $test_build; then full_features=(--features test-panic,cli); else full_features=(--features cli); fi
echo "### cargo build -p $crate ${full_features[*]} (the full module)"
cargo build -p "$crate" --target wasm32-unknown-unknown --profile "$profile" --locked \
  --target-dir "$target_dir" "${full_features[@]}"
for target in web nodejs; do
  wasm-bindgen --target "$target" --out-dir "$tmp/full-$target" --out-name "${name}_full" \
    --remove-name-section --remove-producers-section --experimental-reset-state-function "$wasm"
done
optimize "$tmp/full-web/${name}_full_bg.wasm"

rm -rf "$dist"
mkdir -p "$dist"
cp "$tmp/full-web/${name}_full_bg.wasm" "$tmp/full-web/${name}_full.js" "$dist/"
cp "$tmp/full-nodejs/${name}_full.js" "$dist/${name}_full.cjs"
cp "$tmp/web/${name}_bg.wasm" "$dist/"
cp "$tmp/web/$name.js" "$dist/$name.js"
cp "$tmp/web/$name.d.ts" "$dist/$name.d.ts"
cp "$tmp/nodejs/$name.js" "$dist/$name.cjs"
cp "$tmp/nodejs/$name.d.ts" "$dist/$name.d.cts"
cp pkg/src/* "$dist/"
# The shared modules of the entries, as CommonJS for index.cjs: each exports one function.
for shared in guard:makeGuard linter:makeLinters; do
  node -e '
    const fs = require("fs");
    const [from, to, fn] = process.argv.slice(1);
    const source = fs.readFileSync(from, "utf8");
    const esm = `export function ${fn}(`;
    if (source.split(esm).length !== 2 || /^(import|export) /m.test(source.replace(esm, ""))) {
      throw new Error(`${from}: expected one "${esm}" and no other import or export`);
    }
    fs.writeFileSync(to, `\x27use strict\x27;\n// Written by scripts/build-pkg.sh from ${from.split("/").pop()}.\n` +
      source.replace(esm, `function ${fn}(`) + `\nmodule.exports = { ${fn} };\n`);
  ' "$dist/${shared%%:*}.js" "$dist/${shared%%:*}.cjs" "${shared#*:}"
done
if ! $test_build; then
  cp LICENSE pkg/LICENSE
fi

echo "### schemas and types"
node pkg/scripts/gen-schemas.mjs schemas "$dist"
node pkg/scripts/gen-shapes.mjs schemas "$dist/shapes.d.ts"

current=$(node -p 'require("./pkg/package.json").version')
if ! $test_build && [ "$current" != "$version" ]; then
  echo "### pkg/package.json version $current -> $version (the crate's)"
  (cd pkg && npm pkg set "version=$version")
fi

raw=$(wc -c <"$dist/${name}_bg.wasm")
gz=$(gzip -9 -c "$dist/${name}_bg.wasm" | wc -c)
printf '{\n  "version": "%s",\n  "wasmBindgen": "%s",\n  "wasmBytes": %d,\n  "wasmGzipBytes": %d\n}\n' \
  "$version" "$wbg_version" "$raw" "$gz" >"$dist/build-info.json"
echo "### built $root/$dist: iot-jobs-lint $version, ${name}_bg.wasm $raw bytes, $gz gzipped (gzip -9)"
# Size budget of the gzipped .wasm (WASM_GZIP_BUDGET overrides it). Raised from the 200 KB aim:
# the npm command's __cliReport export (the core's SARIF, GitHub and JSON writers linked into the
# module) brought the build to 598,779 bytes, 227,496 gzipped; the SARIF invocation and typed
# results, the rule help in Markdown, unreadable-input annotations and the schedule merge to
# 625,366 / 235,973; CloudFormation templates (saphyr's YAML event parser, the two resource
# schemas, the cfn rules and the mapping of a resource to its API request) to 818,362 / 307,786.
# Issue 14: one sort instantiation, no hash maps on the lint path, wasm-opt with the passes that
# help gzip, one SARIF serializer, no B-tree for YAML anchors (722,014 / 282,979); hand-written
# Unicode tables, case mapping, float and time formatting and parsing; the npm command's writers
# and CloudFormation templates in the full module (iot_jobs_lint_full_bg.wasm, loaded on demand):
# 409,042 / 159,171. The budget sits just above that; the aim is 120 KB.
budget=${WASM_GZIP_BUDGET:-160000}
if [ "$gz" -gt "$budget" ]; then
  echo "error: ${name}_bg.wasm is $gz bytes gzipped, over the budget of $budget (WASM_GZIP_BUDGET)" >&2
  exit 1
fi
