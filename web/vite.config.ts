// Vite build of the web console (web/dist). Two small plugins:
//   - `examples`: the virtual module `virtual:examples` holds the repository's examples/*.json,
//     read at build time (and watched in dev), so the page never carries a hand-made copy;
//   - `cspNonce`: one random nonce per build, written into the Content-Security-Policy meta tag
//     (style-src) and, through Vite's `html.cspNonce`, onto the tags Vite generates and into
//     <meta property="csp-nonce">, from where the page hands it to CodeMirror's style injection.
//     `serve.mjs` replaces it with a fresh nonce on every request; a plain static host serves the
//     per-build value.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, searchForWorkspaceRoot, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const examplesDir = resolve(here, '../examples');
const pkgDist = resolve(here, '../pkg/dist');

function examples(): Plugin {
  const id = 'virtual:examples';
  const resolved = '\0' + id;
  return {
    name: 'iot-jobs-lint-examples',
    resolveId(source) {
      return source === id ? resolved : null;
    },
    load(source) {
      if (source !== resolved) return null;
      const files = readdirSync(examplesDir)
        .filter((f) => f.endsWith('.json'))
        .sort();
      if (files.length === 0) throw new Error(`no examples in ${examplesDir}`);
      const list = files.map((file) => {
        const path = join(examplesDir, file);
        this.addWatchFile(path);
        // `firmware-ota.job.json` -> `firmware-ota`: the name used by ?example=
        return { name: file.split('.')[0], file, text: readFileSync(path, 'utf8') };
      });
      return `export default ${JSON.stringify(list)};`;
    },
  };
}

const nonce = randomBytes(18).toString('base64url');

function cspNonce(): Plugin {
  return {
    name: 'iot-jobs-lint-csp-nonce',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replaceAll('__CSP_NONCE__', nonce),
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [examples(), cspNonce()],
  html: { cspNonce: nonce },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The .wasm (1 MB) must stay a file of its own: it is fetched and compiled by the worker.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    // The package is linked (`file:../pkg`): let the dev server read its dist/ folder.
    fs: { allow: [searchForWorkspaceRoot(here), pkgDist] },
  },
  preview: { host: '127.0.0.1' },
});
