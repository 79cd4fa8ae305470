/**
 * The share target, as the system sends it: after one visit the installed
 * site's service worker answers a `POST` of two photos to /share/ itself (the
 * request never reaches the network: the static host would refuse it), the
 * cleaner opens with both photos cleaned, and the photos are gone from every
 * cache afterwards. Chromium reports the site installable (no errors from
 * Page.getInstallabilityErrors), with a share_target for images.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { IMAGES, tempDir } from '../support/paths';
import { expect, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });

test('a share of two photos is answered by the service worker, cleaned, and leaves nothing in any cache', async ({ page, privacy }) => {
  test.setTimeout(120_000);
  await page.goto('/en/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json() as Promise<{ share_target?: unknown }>);
  expect(manifest.share_target).toMatchObject({ action: '/share/', method: 'POST', enctype: 'multipart/form-data', params: { files: [{ name: 'photos' }] } });

  const photos = ['ianare__Canon_40D.jpg', 'exifr__png_with_exif_and_gps.png'].map((f) => ({
    name: f,
    type: f.endsWith('.png') ? 'image/png' : 'image/jpeg',
    bytes: [...readFileSync(join(IMAGES, f))],
  }));
  // Built as the browser sends a share: multipart/form-data, the files under the manifest's field name.
  const [answer] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/share/'),
    page.evaluate(async (list) => {
      const form = new FormData();
      for (const p of list) form.append('photos', new File([new Uint8Array(p.bytes)], p.name, { type: p.type }));
      await fetch('/share/', { method: 'POST', body: form });
    }, photos),
  ]);
  // The service worker answered (the static host has no /share/ and would say 404): a 303 to the cleaner.
  expect(answer.fromServiceWorker()).toBe(true);
  expect(answer.status()).toBe(303);
  const landing = answer.headers()['location'] ?? '';
  expect(landing.replace(/^https?:\/\/[^/]+/, '')).toBe('/en/tools/inspector/?shared=2#cleaner');
  // Nothing reached the host: the one request to /share/ is the page's own, answered by the worker.
  expect(privacy.requests.filter((u) => new URL(u).pathname === '/share/')).toHaveLength(1);

  await page.goto(landing);
  const tool = page.locator('[data-tool="cleaner"]');
  await expect(tool.getByRole('status')).toContainText('Finished: 2 cleaned', { timeout: 60_000 });
  for (const p of photos) await expect(tool.getByRole('heading', { name: p.name, exact: true })).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  const left = await page.evaluate(async () => {
    const names = await caches.keys();
    const found: string[] = [];
    for (const name of names)
      for (const request of await (await caches.open(name)).keys())
        if (new URL(request.url).pathname.startsWith('/share/')) found.push(`${name} ${request.url}`);
    return { names, found };
  });
  expect(left.names).not.toContain('bya-share-v1');
  expect(left.found).toEqual([]);
});

test('Chromium finds the site installable, with no installability error', async ({ playwright, baseURL }) => {
  test.setTimeout(90_000);
  // A persistent profile: Playwright's usual contexts are incognito, where Chromium never installs anything.
  const executablePath = findChromium();
  const context = await playwright.chromium.launchPersistentContext(tempDir('bya-install-'), {
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseURL ?? ''}/en/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const client = await context.newCDPSession(page);
    const { installabilityErrors } = await client.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});
