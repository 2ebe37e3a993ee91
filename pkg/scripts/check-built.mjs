// `npm pack` / `npm publish` guard: the package must have been built (scripts/build-pkg.sh).
import { existsSync, readFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
for (const file of ['index.js', 'index.cjs', 'node.js', 'guard.js', 'guard.cjs', 'iot_jobs_lint_bg.wasm', 'shapes.d.ts', 'schemas.js', 'cli.mjs']) {
  if (!existsSync(new URL(file, dist))) {
    console.error(`iot-jobs-lint: dist/${file} is missing; build the package first: scripts/build-pkg.sh`);
    process.exit(1);
  }
}
if (!existsSync(new URL('../LICENSE', import.meta.url))) {
  console.error('iot-jobs-lint: LICENSE is missing (scripts/build-pkg.sh copies it from the repository root); build the package first');
  process.exit(1);
}
const built = JSON.parse(readFileSync(new URL('build-info.json', dist), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
if (built.version !== pkg.version) {
  console.error(`iot-jobs-lint: dist/ was built for ${built.version} but package.json says ${pkg.version}; rebuild`);
  process.exit(1);
}
