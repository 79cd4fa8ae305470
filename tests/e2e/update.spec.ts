/**
 * An update with two tabs open: tab 1 runs build A under A's service worker;
 * build B is deployed (served in place of A, on the same origin); B's worker
 * installs and waits; tab 2 opens. B takes over at tab 2's navigation. Tab 1,
 * still running A, must keep working (its inspector's worker, a lazy chunk
 * that B no longer has, still loads), A's cache must stay while tab 1 is open,
 * tab 2 must land on B without a reload loop, and A's cache goes once no tab
 * runs A.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../../scripts/static-server.mjs';
import { CRAWL_FIXTURES, chooseFiles } from '../support/drive';
import { DIST } from '../support/pages';
import { ROOT } from '../support/paths';
import { makeSecondBuild } from '../support/second-build';
import { expect, test } from './fixtures';

/** Its own server (two builds, one after the other), so its own port beside the suite's. */
const PORT = Number(process.env['BYA_UPDATE_PORT'] ?? Number(process.env['BYA_PORT'] ?? 4321) + 1000);

test.use({ serviceWorkers: 'allow', baseURL: `http://127.0.0.1:${PORT}` });

test('a new build takes over with a tab of the old one open: that tab keeps working, no cache in use goes, no reload loop', async ({ page, context }) => {
  test.setTimeout(240_000);
  const buildB = join(ROOT, '.tmp', `update-build-b-${test.info().workerIndex}`);
  const renamed = await makeSecondBuild(DIST, buildB);
  expect(renamed.length, "build B has new worker scripts (the inspector's and the cleaner's)").toBeGreaterThanOrEqual(2);

  let server = await serve(DIST, PORT);
  try {
    // Tab 1: build A, controlled by A's worker once it has installed (precached) and claimed the tab.
    const tab1 = page;
    await tab1.goto('/en/tools/inspector/');
    await tab1.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await tab1.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cachesOfA = await tab1.evaluate(async () => caches.keys());
    expect(cachesOfA).toEqual([expect.stringMatching(/^bya-[0-9a-f]{12}$/)]);
    const cacheA = cachesOfA[0] ?? '';

    // Build B replaces A on the server; tab 1's worker looks for an update (as at a navigation) and B installs, then waits.
    await server.close();
    server = await serve(buildB, PORT);
    await tab1.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
      while (!registration?.waiting) await new Promise((resolve) => setTimeout(resolve, 100));
    });

    // Tab 2 opens: B takes over and tab 2 runs B, after at most one reload.
    const tab2 = await context.newPage();
    const documents: string[] = [];
    tab2.on('request', (request) => {
      if (request.isNavigationRequest()) documents.push(request.url());
    });
    await tab2.goto('/en/');
    await expect(tab2.locator('html')).toHaveAttribute('data-bya-build', 'b');
    await tab2.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
    await tab2.waitForTimeout(1500); // room for a reload loop to show itself
    test.info().annotations.push({ type: 'tab 2 page requests', description: documents.join(', ') });
    expect(documents.length, `tab 2's page requests: ${documents.join(', ')}`).toBeLessThanOrEqual(2);
    await expect(tab2.locator('html')).toHaveAttribute('data-bya-build', 'b');

    // Tab 1 still runs A, and A's cache is still there.
    await expect(tab1.locator('html')).not.toHaveAttribute('data-bya-build', 'b');
    const cachesNow = await tab1.evaluate(async () => caches.keys());
    expect(cachesNow, 'the cache of the build tab 1 runs').toContain(cacheA);
    expect(cachesNow.length).toBe(2);

    // Tab 1's inspector starts its worker now: A's worker script, which build B's server no longer has.
    // Chromium's HTTP cache may still hold it (hashed files are sent as immutable), but a site cannot
    // count on that cache (evicted under storage pressure, cleared by the reader): empty it, so that
    // only the service worker's caches and the server stand between tab 1 and its files.
    await (await context.newCDPSession(tab1)).send('Network.clearBrowserCache');
    const workerRequests: string[] = [];
    context.on('request', (request) => {
      if (request.url().includes('/_astro/worker-')) workerRequests.push(request.url());
    });
    // The reader goes back to tab 1 to use it: it is the tab in front again (a tab behind another may
    // be hidden, and a hidden page's frames and timers are held back, which is not what a reader sees).
    await tab1.bringToFront();
    await expect.poll(() => tab1.evaluate(() => document.visibilityState)).toBe('visible');
    const problems: string[] = [];
    tab1.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    tab1.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
    await chooseFiles(tab1, CRAWL_FIXTURES.slice(0, 1));
    await expect(tab1.locator('[data-card], [data-testid="file-error"]').first()).toBeVisible({ timeout: 30_000 });
    const alerts = await tab1.locator('[data-testid="file-error"]').allInnerTexts();
    expect(alerts, `tab 1 shows no error (its errors and failed requests: ${problems.join(' | ') || 'none'})`).toEqual([]);
    await expect(tab1.locator('[data-card]').first(), "tab 1 reads a photo with its build's worker").toBeVisible();
    expect(
      workerRequests.some((url) => url.includes('B2.js')),
      "tab 1 never loads build B's worker",
    ).toBe(false);

    // Once tab 1 is closed (and gone from the worker's list of windows), a navigation lets A's cache go.
    await tab1.close();
    await expect
      .poll(
        async () => {
          await tab2.goto('/en/course/');
          return tab2.evaluate(async () => caches.keys());
        },
        { timeout: 15_000 },
      )
      .not.toContain(cacheA);
  } finally {
    await server.close();
    rmSync(buildB, { recursive: true, force: true });
  }
});
