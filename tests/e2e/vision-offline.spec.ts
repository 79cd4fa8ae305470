/**
 * The scan offline: the models are not in the per-build precache (about 20 MB
 * that most readers never use), so the first scan fetches them and the
 * service worker keeps each file in its own long-lived cache (`bya-models-v1`).
 * After that first scan, with the network cut, a reload of the page and a new
 * scan must work from that cache alone, without one failed request: the
 * models, tesseract's own worker, its core and its language data included.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { FIXTURES } from '../support/paths';

const ASTRONAUT = join(FIXTURES, 'vision', 'astronaut.jpg');

test.use({ serviceWorkers: 'allow' });

test('after a first scan, the scan works with the network cut', async ({ page, context }) => {
  test.setTimeout(300_000);
  await page.goto('/en/tools/inspector/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  const scanOnce = async (): Promise<void> => {
    // Both islands wake when they scroll into view (client:visible); a reload restores the scroll position below the inspector.
    await page.locator('[data-tool="inspector"]').scrollIntoViewIfNeeded();
    await page.locator('.inspector[data-ready="true"]').waitFor();
    await page.getByTestId('inspector-input').setInputFiles([ASTRONAUT]);
    await expect(async () => {
      await page.locator('[data-tool="vision"]').scrollIntoViewIfNeeded();
      await expect(page.locator('.scan[data-ready="true"]')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Scan this photo' }).click();
    await expect(page.locator('[data-tool="vision"] .scan > [role="status"]')).toContainText('Scan finished', { timeout: 120_000 });
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
  expect(models.some((p) => p.endsWith('fra.traineddata.gz') || p.includes('fra'))).toBe(true);

  const failed: string[] = [];
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') failed.push(`${request.url()} ${error}`);
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#offline-status')).toBeVisible();
  await scanOnce();
  expect(failed, 'requests that failed offline').toEqual([]);
  await context.setOffline(false);
});
