// @ts-check
/**
 * Astro integration: after the build, reads the Content Security Policy that
 * Astro put in each page's <meta> tag and ships the same policy as an HTTP
 * header in `dist/_headers` (the Netlify / Cloudflare Pages format), with the
 * headers a <meta> tag cannot carry (`frame-ancestors`, `X-Content-Type-Options`…).
 * It also writes each page's own policy, as text, wherever the page asks for it
 * with `<code data-bya-own-csp>` (the verify page shows its policy to the reader).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFor, parseHeadersFile } from '../scripts/static-server.mjs';
import { listFiles, urlPathOf } from './dist-files.mjs';

/**
 * Headers for every response. `interest-cohort` (FLoC) is left out of
 * Permissions-Policy on purpose: Chrome logs an error for that retired feature
 * on every page, and `browsing-topics` is its successor.
 */
export const GLOBAL_HEADERS = /** @type {const} */ ({
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
});

/** Hashed build assets never change under the same name: cache them for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** The service worker must be revalidated on every visit or updates stall (SW spec §update: 24 h cap). */
export const SW_CACHE = 'no-cache';

/**
 * The policy of a script that runs as a worker. A dedicated worker and the
 * service worker take their policy from their own response headers, never from
 * the page's <meta> tag (Chromium since CL f7c475b; WPT
 * content-security-policy/inside-worker: "Dedicated workers do not inherit CSP
 * in general"), so without a header the code that holds the photo bytes could
 * send them anywhere. `default-src 'none'`: a worker loads nothing but its own
 * scripts (`script-src 'self'`) and talks only to our origin (`connect-src 'self'`).
 * On a script loaded by a page (not as a worker) browsers ignore the header.
 * @param {{ wasm: boolean }} options `wasm`: the worker compiles WebAssembly
 * @returns {string}
 */
export function workerCsp({ wasm }) {
  return [
    "default-src 'none'",
    wasm ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Every path a worker script can be served from, and whether WebAssembly runs
 * there. The choice is per path, not per file: a host joins every rule that
 * matches a path and the browser enforces each policy, so a narrower rule can
 * only take away, never add (and hashed file names change with each build).
 */
export const WORKER_SCRIPT_RULES = /** @type {const} */ ([
  // The inspector's and the cleaner's workers (`worker-<hash>.js`) and the chunks they import.
  // The cleaner's worker compiles the HEIC decoder (libheif, WebAssembly) when a photo needs it;
  // the inspector's runs none, but both share this folder with every other hashed file.
  { path: '/_astro/*', wasm: true },
  // Pagefind's search runs in its own worker, /pagefind/pagefind-worker.js, which compiles its WebAssembly index reader.
  { path: '/pagefind/*', wasm: true },
  // Models and their runtime, loaded on first use (`/models/<package>@<version>/…`): inference runs as WebAssembly in a worker.
  { path: '/models/*', wasm: true },
  // The offline service worker: fetch and the Cache API only, no WebAssembly.
  { path: '/sw.js', wasm: false },
]);

/**
 * Everything that makes a worker's policy weaker than workerCsp, as sentences;
 * empty when it is as strict. `wasm`: whether 'wasm-unsafe-eval' is allowed.
 * @param {string} policy
 * @param {{ wasm: boolean }} options
 * @returns {string[]}
 */
export function workerCspProblems(policy, { wasm }) {
  const problems = cspProblems(policy);
  const csp = parseCsp(policy);
  if (csp.get('default-src')?.join(' ') !== "'none'") problems.push(`default-src is ${csp.get('default-src')?.join(' ') ?? 'missing'}, not 'none'`);
  const scripts = csp.get('script-src') ?? [];
  const allowed = wasm ? ["'self'", "'wasm-unsafe-eval'"] : ["'self'"];
  if (!csp.has('script-src')) problems.push('script-src is missing');
  for (const value of scripts) if (!allowed.includes(value)) problems.push(`script-src allows ${value}`);
  for (const [name, values] of csp) {
    if (name === 'script-src' || name === 'connect-src') continue;
    for (const value of values) if (value !== "'none'") problems.push(`${name} allows ${value}`);
  }
  return problems;
}

/**
 * Checks, the way a host applies `_headers` (every matching rule adds its
 * headers), that every script file of the build and every worker path gets
 * exactly one worker policy, at least as strict as workerCsp. Returns the
 * problems as sentences (empty: all good).
 * @param {string} headersText the rendered `_headers`
 * @param {string[]} files POSIX paths of the built files, relative to the root
 * @returns {string[]}
 */
export function workerHeaderProblems(headersText, files) {
  const rules = parseHeadersFile(headersText);
  const problems = [];
  const scripts = files.filter((f) => /\.m?js$/.test(f)).map(urlPathOf);
  const probes = WORKER_SCRIPT_RULES.map((r) => r.path.replace(/\*$/, 'probe.js'));
  for (const path of [...new Set([...probes, ...scripts])]) {
    const rule = WORKER_SCRIPT_RULES.find((r) => (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : path === r.path));
    const csp = headersFor(rules, path)['Content-Security-Policy'];
    if (!rule) problems.push(`${path} is a script outside every worker path (${WORKER_SCRIPT_RULES.map((r) => r.path).join(', ')})`);
    else if (csp === undefined) problems.push(`${path} is served with no Content-Security-Policy`);
    else if (csp.includes(',')) problems.push(`${path} is served with more than one Content-Security-Policy`);
    else for (const problem of workerCspProblems(csp, rule)) problems.push(`${path}: ${problem}`);
  }
  return problems;
}

/** Directives only an HTTP header can carry; appended to each page's policy. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/**
 * The policy in a page's `<meta http-equiv="content-security-policy">`, or null.
 * @param {string} html
 * @returns {string | null}
 */
export function extractMetaCsp(html) {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(tag) ?? /\bcontent\s*=\s*'([^']*)'/i.exec(tag);
    if (content?.[1] !== undefined) return decodeEntities(content[1]).trim();
  }
  return null;
}

/**
 * Splits a policy into its directives, keyed by name (values keep their order).
 * @param {string} policy
 * @returns {Map<string, string[]>}
 */
export function parseCsp(policy) {
  /** @type {Map<string, string[]>} */
  const out = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), values);
  }
  return out;
}

/**
 * The header form of a page's meta policy: same directives, one per `;`,
 * plus the header-only ones.
 * @param {string} metaPolicy
 * @returns {string}
 */
export function headerCsp(metaPolicy) {
  const directives = [...parseCsp(metaPolicy)].map(([name, values]) => [name, ...values].join(' '));
  for (const extra of HEADER_ONLY_DIRECTIVES) {
    const name = extra.split(' ')[0] ?? '';
    if (!parseCsp(metaPolicy).has(name)) directives.push(extra);
  }
  return directives.join('; ');
}

/**
 * Renders `_headers`. A CSP is given per page path, never under `/*`: hosts
 * join a header matched by two rules with a comma, and two policies are both
 * enforced, so a global one would block every page's script hashes.
 * @param {{ path: string, csp: string }[]} pages
 * @returns {string}
 */
export function renderHeaders(pages) {
  const lines = ["# Generated at build time by integrations/security-headers.mjs from each page's <meta> CSP. Do not edit.", '/*'];
  for (const [name, value] of Object.entries(GLOBAL_HEADERS)) lines.push(`  ${name}: ${value}`);
  for (const rule of WORKER_SCRIPT_RULES) {
    lines.push(rule.path, `  Content-Security-Policy: ${workerCsp(rule)}`);
    if (rule.path === '/_astro/*') lines.push(`  Cache-Control: ${IMMUTABLE_CACHE}`);
    if (rule.path === '/sw.js') lines.push(`  Cache-Control: ${SW_CACHE}`);
  }
  for (const { path, csp } of pages) lines.push(path, `  Content-Security-Policy: ${csp}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes a page's own policy, one directive a line, into its `<code data-bya-own-csp>` element.
 * @param {string} html
 * @param {string} metaPolicy
 * @returns {string}
 */
export function fillOwnPolicy(html, metaPolicy) {
  const text = escapeHtml([...parseCsp(metaPolicy)].map(([name, values]) => `${[name, ...values].join(' ')};`).join('\n'));
  return html.replace(/(<code\b[^>]*\sdata-bya-own-csp\b[^>]*>)[\s\S]*?(<\/code>)/g, (_, open, close) => `${open}${text}${close}`);
}

/** Source values allowed in some directive: no host, no scheme but blob:/data:, no wildcard. */
const ALLOWED_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", 'blob:', 'data:']);

/**
 * Everything that makes a policy less strict than our promise, as readable
 * sentences; empty when the policy is strict. Checked at build time for every
 * page, and again in the browser by tests/e2e/privacy.spec.ts.
 * @param {string} policy
 * @returns {string[]}
 */
export function cspProblems(policy) {
  const csp = parseCsp(policy);
  const problems = [];
  const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", 'data:', 'blob:']) {
    if (scripts.includes(bad)) problems.push(`script-src allows ${bad}`);
  }
  if (!csp.has('script-src') && !csp.has('default-src')) problems.push('no script-src nor default-src');
  for (const [name, values] of csp) {
    if (name !== 'script-src' && values.includes("'unsafe-eval'")) problems.push(`${name} allows 'unsafe-eval'`);
    for (const value of values) {
      if (value === "'unsafe-inline'" || value === "'unsafe-eval'") continue; // in script-src, judged above; elsewhere (styles) 'unsafe-inline' is allowed, 'unsafe-eval' judged above
      if (!ALLOWED_SOURCES.has(value) && !/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(value))
        problems.push(`${name} allows ${value} (another origin or a wildcard)`);
    }
  }
  const exactly = /** @type {const} */ ([
    ['connect-src', "'self'"],
    ['form-action', "'none'"],
    ['base-uri', "'none'"],
    ['object-src', "'none'"],
  ]);
  for (const [name, value] of exactly) {
    const values = csp.get(name);
    if (values?.join(' ') !== value) problems.push(`${name} is ${values ? values.join(' ') || '(empty)' : 'missing'}, not ${value}`);
  }
  if (csp.has('referrer')) problems.push('the obsolete referrer directive is present (use <meta name="referrer">)');
  return problems;
}

/** @param {string} s */
function decodeEntities(s) {
  return s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** @param {string} s */
function escapeHtml(s) {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The integration. Fails the build when a page has no meta CSP or a policy
 * weaker than our promise (see cspProblems).
 * @returns {import('astro').AstroIntegration}
 */
export default function securityHeaders() {
  return {
    name: 'bya-security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = [];
        for (const file of (await listFiles(root)).filter((f) => f.endsWith('.html'))) {
          const full = join(root, file);
          const html = await readFile(full, 'utf8');
          const policy = extractMetaCsp(html);
          if (policy === null) throw new Error(`${file} has no <meta> Content-Security-Policy`);
          const problems = cspProblems(policy);
          if (problems.length > 0) throw new Error(`${file}: the Content-Security-Policy is not strict: ${problems.join('; ')}`);
          const filled = fillOwnPolicy(html, policy);
          if (filled !== html) await writeFile(full, filled);
          pages.push({ path: urlPathOf(file), csp: headerCsp(policy) });
        }
        const headers = renderHeaders(pages);
        const workerProblems = workerHeaderProblems(headers, await listFiles(root));
        if (workerProblems.length > 0) throw new Error(`_headers: a worker script would run without a strict policy: ${workerProblems.join('; ')}`);
        await writeFile(join(root, '_headers'), headers);
        logger.info(`_headers written for ${pages.length} pages and ${WORKER_SCRIPT_RULES.length} worker paths`);
      },
    },
  };
}
