/**
 * The promise inside the workers, where the photo bytes are held. A worker
 * takes its Content Security Policy from its own response headers, not from
 * the page, so this is checked at the real URLs of the site's worker scripts,
 * with the headers the server sends for them (the suite serves dist/ with its
 * _headers applied): the script's body is swapped for code that tries to send
 * something to another origin, as a compromised dependency would, and the
 * worker's own policy must refuse it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cspProblems } from '../../integrations/security-headers.mjs';
import { DIST } from '../support/pages';
import { expect, test } from './fixtures';

/** The worker scripts the built pages start: the tools' module workers and Pagefind's classic one. */
function workerScripts(): { path: string; type: WorkerType; label: string }[] {
  const found = new Map<string, string>();
  for (const name of readdirSync(join(DIST, '_astro'))
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const code = readFileSync(join(DIST, '_astro', name), 'utf8');
    for (const match of code.matchAll(/new Worker\(new URL\(["'`](\/_astro\/[^"'`]+\.js)["'`]/g)) {
      // Named by its own file and the chunk that starts it (Cleaner, Scan…): one chunk may start several workers (Scan starts the scan's and Hide's).
      if (match[1]) found.set(match[1], `${match[1]} started by ${name.replace(/\.[\w-]+\.js$/, '')}`);
    }
  }
  return [
    ...[...found].map(([path, label]) => ({ path, type: 'module' as const, label })),
    { path: '/pagefind/pagefind-worker.js', type: 'classic', label: '/pagefind/pagefind-worker.js' },
  ];
}

/** What runs in place of the real worker: report every CSP violation, and whether a request to another origin got out. */
const PROBE = `
const violations = [];
self.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective + ' ' + e.blockedURI));
fetch('https://tracker.invalid/collect', { mode: 'no-cors', method: 'GET' })
  .then(() => 'sent', () => 'refused')
  .then((fetched) => setTimeout(() => postMessage({ fetched, violations }), 200));
`;

// The CSP refuses the request and Chromium logs it as a console error; the test checks the refusal itself.
test.use({ allowConsoleErrors: ['tracker.invalid'] });

const workers = workerScripts();

test("the site starts the tools' workers and Pagefind's", () => {
  expect(workers.length, JSON.stringify(workers)).toBeGreaterThanOrEqual(3);
});

for (const { path, type, label } of workers) {
  test(`${label} (${type} worker): its own policy keeps it from reaching another origin`, async ({ page, context, request, privacy }) => {
    const served = await request.get(path);
    expect(served.ok()).toBe(true);
    const policy = served.headers()['content-security-policy'] ?? '';
    expect(policy, `${path} is served with a Content-Security-Policy`).not.toBe('');
    expect(cspProblems(policy)).toEqual([]);

    // The real URL and the real headers; only the code is the test's.
    await context.route(`**${path}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: PROBE, headers: response.headers() });
    });
    await page.goto('/en/');
    const report = await page.evaluate(
      ({ url, workerType }) =>
        new Promise<unknown>((resolve, reject) => {
          const worker = new Worker(url, { type: workerType });
          worker.onmessage = (event: MessageEvent<unknown>) => resolve(event.data);
          worker.onerror = () => reject(new Error('the worker did not start'));
        }),
      { url: path, workerType: type },
    );
    expect(report).toEqual({ fetched: 'refused', violations: ['connect-src https://tracker.invalid/collect'] });
    expect(
      privacy.requests.filter((url) => url.includes('tracker.invalid')),
      'requests that left',
    ).toEqual([]);
  });
}

test('the service worker is served with its own strict policy, without WebAssembly', async ({ request }) => {
  const policy = (await request.get('/sw.js')).headers()['content-security-policy'] ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('wasm-unsafe-eval');
  expect(cspProblems(policy)).toEqual([]);
});
