/**
 * Offline: after one visit, the service worker has precached the whole build,
 * and with the network cut every page still loads in both languages, shows
 * the offline banner, and its tools still take a photo, without a single
 * failed request.
 */
import { CRAWL_FIXTURES, chooseFiles } from '../support/drive';
import { builtPages } from '../support/pages';
import { expect, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });

test('after one visit, every page and tool works with the network cut', async ({ page, context }) => {
  test.setTimeout(300_000);
  const pages = builtPages();
  await page.goto('/');
  // `ready` resolves once a worker is active, i.e. after install (the precache) succeeded.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0] ?? '');
    return { names, paths: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  expect(cached.names).toEqual([expect.stringMatching(/^bya-[0-9a-f]{12}$/)]);
  expect(cached.paths).toEqual(expect.arrayContaining([...pages, '/404.html', '/en/404/']));
  expect(
    cached.paths.some((p) => p.startsWith('/pagefind/')),
    'the search index is precached',
  ).toBe(true);

  const failed: string[] = [];
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // Leaving a page cancels what it was still loading (ERR_ABORTED); that is not a cache miss.
    if (error !== 'net::ERR_ABORTED') failed.push(`${request.url()} ${error}`);
  });
  await context.setOffline(true);
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.ok(), path).toBe(true);
    await expect(page.locator('html')).toHaveAttribute('lang', path.startsWith('/en/') ? 'en' : 'fr');
    await expect(page.locator('h1'), path).toBeVisible();
    await expect(page.locator('#offline-status'), path).toBeVisible();
    // A photo of the corpus (the GPS JPEG), chosen offline, in every file input the page has.
    await chooseFiles(page, CRAWL_FIXTURES.slice(0, 1));
    if (path === '/outils/inspecteur/' || path === '/en/tools/inspector/') {
      // The inspector's worker, parser and place data all load from the cache: the photo is really read.
      await expect(page.locator('[data-card]').first(), path).toBeVisible({ timeout: 20_000 });
    }
  }
  expect(failed, 'requests that failed offline (not precached)').toEqual([]);

  await context.setOffline(false);
  await page.goto('/en/');
  await expect(page.locator('#offline-status')).toBeHidden();
});

test('offline, an address that does not exist gets the 404 page of its language', async ({ page, context }) => {
  await page.goto('/en/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.goto('/en/no-such-page/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Page not found');
});
