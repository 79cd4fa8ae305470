/**
 * The scan offline: the models are not in the per-build precache (about 20 MB
 * that most readers never use), so the first scan fetches them and the
 * service worker keeps each file in its own long-lived cache (`bya-models-v1`).
 * After that first scan, with the network cut, the page opened again and a new
 * scan must work from that cache alone, without one failed request: the
 * models, tesseract's own worker, its core and its language data included.
 */
import { expect, test } from './fixtures';
import { ASTRONAUT, open, scan } from '../support/vision-page';

test.use({ serviceWorkers: 'allow' });

test('after a first scan, the scan works with the network cut', async ({ page, context }) => {
  test.setTimeout(300_000);
  await page.goto('/en/tools/inspector/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  const scanOnce = async (): Promise<void> => {
    await open(page, 'en', [ASTRONAUT]);
    await scan(page, 'en');
    await expect(page.locator('[data-finding="finding.faces.one"]')).toHaveText(/^1 face/);
  };

  await scanOnce();
  const models = await page.evaluate(async () => {
    const cache = await caches.open('bya-models-v1');
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  // Human's library and weights, tesseract's worker, core and both languages: each kept on first use.
  expect(models.filter((p) => p.startsWith('/models/')).length, models.join('\n')).toBeGreaterThanOrEqual(8);
  expect(models.some((p) => p.includes('tesseract') && p.includes('worker'))).toBe(true);
  expect(models.some((p) => p.endsWith('/fra.traineddata.gz'))).toBe(true);

  const failed: string[] = [];
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') failed.push(`${request.url()} ${error}`);
  });
  await context.setOffline(true);
  await scanOnce();
  await expect(page.locator('#offline-status')).toBeVisible();
  expect(failed, 'requests that failed offline').toEqual([]);
  await context.setOffline(false);
});
