/**
 * A tiny static server for the built site, on 127.0.0.1 only, that applies the
 * rules of dist/_headers the way Netlify and Cloudflare Pages do (every
 * matching rule adds its headers). The weight and Lighthouse scripts measure
 * the site through it, so they see the same headers a real host would send.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/**
 * Parses a `_headers` file into rules.
 * @param {string} text
 * @returns {{ pattern: string, headers: [string, string][] }[]}
 */
export function parseHeadersFile(text) {
  /** @type {{ pattern: string, headers: [string, string][] }[]} */
  const rules = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (rule && colon > 0) rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * The headers every matching rule gives a path (`*` matches any rest of the path).
 * @param {ReturnType<typeof parseHeadersFile>} rules
 * @param {string} path
 * @returns {Record<string, string>}
 */
export function headersFor(rules, path) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const { pattern, headers } of rules) {
    const matches = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (!matches) continue;
    for (const [name, value] of headers) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port). Resolves with the base URL and a close function
 * (which also drops open keep-alive connections, so a closed server is really gone: the engine tests
 * stop it to cut the network). `onRequest` hears the path of every request served.
 * @param {string} root
 * @param {number} [port]
 * @param {{ onRequest?: (path: string) => void }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serve(root, port = 0, options = {}) {
  const base = resolve(root);
  const headersFile = join(base, '_headers');
  const rules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    options.onRequest?.(path);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(400).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    let servedPath = path;
    if (!existsSync(file) || path.split('/').includes('_headers')) {
      status = 404;
      servedPath = path.startsWith('/en/') ? '/en/404/' : '/404.html';
      file = join(base, servedPath.endsWith('/') ? `${servedPath}index.html` : servedPath);
    }
    const body = readFileSync(file);
    res.writeHead(status, {
      'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...headersFor(rules, servedPath),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      /** @type {() => Promise<void>} */
      const close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      ok({ url: `http://127.0.0.1:${actual}`, close });
    });
  });
}

/** The built site's folder, as the build wrote it (BYA_DIST or dist). */
export const DIST = process.env.BYA_DIST ?? 'dist';

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(DIST, Number(process.env.BYA_PORT ?? 4321));
  console.log(`Serving ${DIST} with its _headers on ${url}`);
}
