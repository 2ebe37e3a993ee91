#!/usr/bin/env node
// A tiny static server for the built page (web/dist): `npm run serve` (PORT=4173 by default,
// 127.0.0.1 only). It serves .wasm as application/wasm (what WebAssembly.instantiateStreaming
// requires) and sends the page's Content-Security-Policy as a header too, so that the lint worker
// (which a <meta> policy does not reach) is held to it, plus frame-ancestors, which only a header
// can carry. Every request for index.html gets a fresh style nonce in place of the per-build one.
// Used by the browser tests as well (startServer).
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Starts the server; resolves to { server, url } once it listens (port 0: any free port). */
export async function startServer({ root = fileURLToPath(new URL('./dist/', import.meta.url)), port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const indexHtml = await readFile(join(base, 'index.html'), 'utf8');
  const buildNonce = /<meta property="csp-nonce" nonce="([^"]+)"/.exec(indexHtml)?.[1];
  const metaPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(indexHtml)?.[1];
  if (!buildNonce || !metaPolicy) throw new Error(`${base}/index.html has no CSP meta tag or nonce: build it with npm run build`);

  const server = createServer(async (req, res) => {
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    const nonce = randomBytes(18).toString('base64url');
    const policy = `${metaPolicy.replaceAll(buildNonce, nonce)}; frame-ancestors 'none'`;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      let body = await readFile(file);
      if (file === join(base, 'index.html')) body = Buffer.from(indexHtml.replaceAll(buildNonce, nonce));
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Content-Security-Policy': policy,
        'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const { port: bound } = server.address();
  return { server, url: `http://${host}:${bound}/` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4173);
  const root = process.argv[2] ?? fileURLToPath(new URL('./dist/', import.meta.url));
  const { url } = await startServer({ root, port });
  console.log(`iot-jobs-lint web console: ${url}  (serving ${root}; Ctrl-C stops)`);
}
