import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GLOBAL_HEADERS,
  WORKER_SCRIPT_RULES,
  cspProblems,
  workerCsp,
  workerCspProblems,
  workerHeaderProblems,
  extractMetaCsp,
  fillOwnPolicy,
  headerCsp,
  renderHeaders,
} from '../../integrations/security-headers.mjs';
import { listFiles, urlPathOf } from '../../integrations/dist-files.mjs';
import { DIST } from '../support/pages';

const STRICT =
  "default-src 'self';connect-src 'self';img-src 'self' blob: data:;object-src 'none';base-uri 'none';form-action 'none'; script-src 'self' 'sha256-AbC+/1='; style-src 'self' 'sha256-xyz='";

describe('reading the meta CSP', () => {
  it('finds the policy whatever the attribute order and decodes entities', () => {
    const html = `<head><meta charset="utf-8"><meta content="default-src &#39;self&#39;; object-src &#39;none&#39;" http-equiv="Content-Security-Policy"></head>`;
    expect(extractMetaCsp(html)).toBe("default-src 'self'; object-src 'none'");
  });
  it('returns null for a page without one', () => {
    expect(extractMetaCsp('<meta name="referrer" content="no-referrer">')).toBeNull();
  });
});

describe('judging a policy', () => {
  it('accepts our policy', () => {
    expect(cspProblems(STRICT)).toEqual([]);
  });
  it.each([
    ["script-src 'self' 'unsafe-inline'", "script-src allows 'unsafe-inline'"],
    ["script-src 'self' 'unsafe-eval'", "script-src allows 'unsafe-eval'"],
    ['font-src https://fonts.example', 'font-src allows https://fonts.example (another origin or a wildcard)'],
    ['worker-src *', 'worker-src allows * (another origin or a wildcard)'],
  ])('rejects %s', (extra, problem) => {
    expect(cspProblems(`${STRICT.replace(/; script-src[^;]*/, '')}; ${extra}`)).toContain(problem);
  });
  it('requires connect-src, form-action, base-uri and object-src to be locked', () => {
    const loose = "default-src 'self'; script-src 'self'; connect-src 'self' https://api.example";
    expect(cspProblems(loose)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^connect-src is/),
        "form-action is missing, not 'none'",
        "base-uri is missing, not 'none'",
        "object-src is missing, not 'none'",
      ]),
    );
  });
});

describe('the policy of worker scripts', () => {
  it("is as strict as the pages' and stricter: nothing but our own scripts and our own origin", () => {
    expect(workerCsp({ wasm: false })).toBe(
      "default-src 'none'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(workerCspProblems(workerCsp({ wasm: false }), { wasm: false })).toEqual([]);
    expect(workerCspProblems(workerCsp({ wasm: true }), { wasm: true })).toEqual([]);
    expect(cspProblems(workerCsp({ wasm: true }))).toEqual([]);
  });
  it.each([
    [workerCsp({ wasm: true }), "script-src allows 'wasm-unsafe-eval'"],
    [workerCsp({ wasm: false }).replace("default-src 'none'", "default-src 'self'"), "default-src is 'self', not 'none'"],
    [workerCsp({ wasm: false }).replace("connect-src 'self'", "connect-src 'self' https://t.example"), 'connect-src is'],
    [workerCsp({ wasm: false }).replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"), "script-src allows 'unsafe-eval'"],
    [workerCsp({ wasm: false }).replace("default-src 'none'; ", ''), 'default-src is missing'],
    [`${workerCsp({ wasm: false })}; img-src 'self'`, "img-src allows 'self'"],
  ])('refuses %s where no WebAssembly runs', (policy, problem) => {
    expect(workerCspProblems(policy, { wasm: false }).join('\n')).toContain(problem);
  });
  it('gives every worker path its policy in _headers, and allows WebAssembly only where it runs', () => {
    const headers = renderHeaders([]);
    for (const rule of WORKER_SCRIPT_RULES) expect(headers).toContain(`${rule.path}\n  Content-Security-Policy: ${workerCsp(rule)}\n`);
    expect(WORKER_SCRIPT_RULES.find((r) => r.path === '/sw.js')?.wasm).toBe(false);
    expect(workerHeaderProblems(headers, ['_astro/worker-a.js', 'pagefind/pagefind-worker.js', 'sw.js', 'index.html'])).toEqual([]);
  });
  it('fails the build when a worker path has no policy, a weaker one, or two', () => {
    const headers = renderHeaders([]);
    const without = headers.replace(/(\/sw\.js\n) {2}Content-Security-Policy: [^\n]*\n/, '$1');
    expect(workerHeaderProblems(without, [])).toEqual(['/sw.js is served with no Content-Security-Policy']);
    const weaker = headers.replace(
      `/sw.js\n  Content-Security-Policy: ${workerCsp({ wasm: false })}`,
      `/sw.js\n  Content-Security-Policy: ${workerCsp({ wasm: true })}`,
    );
    expect(workerHeaderProblems(weaker, [])).toEqual(["/sw.js: script-src allows 'wasm-unsafe-eval'"]);
    expect(workerHeaderProblems(`${headers}/_astro/*\n  Content-Security-Policy: default-src 'none'\n`, [])).toEqual([
      '/_astro/probe.js is served with more than one Content-Security-Policy',
    ]);
  });
  it('fails the build when a script is served from outside every worker path', () => {
    expect(workerHeaderProblems(renderHeaders([]), ['elsewhere/worker.js'])).toEqual([
      expect.stringMatching(/^\/elsewhere\/worker\.js is a script outside every worker path/),
    ]);
  });
});

describe('the _headers file', () => {
  const rendered = renderHeaders([{ path: '/en/verify/', csp: headerCsp(STRICT) }]);
  it('adds frame-ancestors, which a meta tag cannot carry, exactly once', () => {
    expect(headerCsp(STRICT)).toMatch(/; frame-ancestors 'none'$/);
    expect(headerCsp(`${STRICT}; frame-ancestors 'none'`).match(/frame-ancestors/g)).toHaveLength(1);
  });
  it('gives every path the global headers and never a CSP under /*', () => {
    const global = rendered.split('\n/_astro/*')[0] ?? '';
    for (const [name, value] of Object.entries(GLOBAL_HEADERS)) expect(global).toContain(`  ${name}: ${value}`);
    expect(global).not.toContain('Content-Security-Policy');
    expect(rendered).toContain("/en/verify/\n  Content-Security-Policy: default-src 'self'; connect-src 'self'");
  });
  it('marks hashed assets immutable and keeps the service worker fresh', () => {
    expect(rendered).toMatch(/\/_astro\/\*\n( {2}.*\n)* {2}Cache-Control: public, max-age=31536000, immutable\n/);
    expect(rendered).toMatch(/\/sw\.js\n( {2}.*\n)* {2}Cache-Control: no-cache\n/);
  });
  it("writes a page's own policy as escaped text", () => {
    const html = '<pre><code class="x" data-bya-own-csp>placeholder</code></pre>';
    expect(fillOwnPolicy(html, "default-src 'self'; img-src <x>")).toBe(
      '<pre><code class="x" data-bya-own-csp>default-src \'self\';\nimg-src &lt;x&gt;;</code></pre>',
    );
  });
  it('maps built files to the paths browsers ask for', () => {
    expect(urlPathOf('index.html')).toBe('/');
    expect(urlPathOf('en/verify/index.html')).toBe('/en/verify/');
    expect(urlPathOf('404.html')).toBe('/404.html');
    expect(urlPathOf('_astro/a b.js')).toBe('/_astro/a%20b.js');
  });
});

// Runs on the real build when there is one (npm test builds before the browser tests, not before these).
describe.skipIf(!existsSync(join(DIST, '_headers')))('the built site', () => {
  it('ships, for every page, its own meta policy plus frame-ancestors as a header, and every policy is strict', async () => {
    const headers = readFileSync(join(DIST, '_headers'), 'utf8');
    const pages = (await listFiles(DIST)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const policy = extractMetaCsp(readFileSync(join(DIST, file), 'utf8'));
      expect(policy, file).not.toBeNull();
      expect(cspProblems(policy ?? ''), file).toEqual([]);
      expect(headers, file).toContain(`${urlPathOf(file)}\n  Content-Security-Policy: ${headerCsp(policy ?? '')}\n`);
    }
  });
  it("gives every script file, sw.js and Pagefind's worker included, a strict worker policy", async () => {
    const files = await listFiles(DIST);
    expect(files).toEqual(expect.arrayContaining(['sw.js', 'pagefind/pagefind-worker.js']));
    expect(files.filter((f) => /^_astro\/worker-.*\.js$/.test(f)).length).toBeGreaterThanOrEqual(2);
    expect(workerHeaderProblems(readFileSync(join(DIST, '_headers'), 'utf8'), files)).toEqual([]);
  });
});
