/**
 * Measures the JavaScript each kit page loads (gzip bytes of every script response,
 * after the island has hydrated, so lazy chunks count), writes the numbers to
 * .tmp/kit-js-weight.json and keeps them under a budget. The home page is measured too:
 * what it loads (the site script and its zod/mini validation) every page pays anyway.
 * Budgets are totals, site script included.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { ROOT } from '../support/paths';
import { expect, test } from './fixtures';

const PAGES: { path: string; budget: number; use: (page: Page) => Promise<void> }[] = [
  {
    path: '/en/',
    budget: 20_000,
    use: async () => {
      /* the page itself is the measure: nothing to use */
    },
  },
  {
    path: '/outils/reglages/',
    budget: 40_000,
    use: async (page) => {
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeAttached();
    },
  },
  {
    path: '/en/tools/settings-checklist/',
    budget: 40_000,
    use: async (page) => {
      await expect(page.locator('#settings-checklist[data-ready="true"]')).toBeAttached();
    },
  },
  {
    path: '/outils/quiz/',
    budget: 45_000,
    use: async (page) => {
      await page.locator('.quiz').scrollIntoViewIfNeeded();
      await expect(page.locator('.quiz[data-ready="true"]')).toBeVisible();
    },
  },
  {
    path: '/en/tools/quiz/',
    budget: 45_000,
    use: async (page) => {
      await page.locator('.quiz').scrollIntoViewIfNeeded();
      await expect(page.locator('.quiz[data-ready="true"]')).toBeVisible();
    },
  },
  {
    path: '/outils/demande-rgpd/',
    budget: 45_000,
    use: async (page) => {
      await expect(page.locator('.rights-form[data-ready="true"]')).toBeVisible();
    },
  },
  {
    path: '/en/tools/gdpr-request/',
    budget: 45_000,
    use: async (page) => {
      await expect(page.locator('.rights-form[data-ready="true"]')).toBeVisible();
    },
  },
  // The avatar page's first style (Lorelei) is the bulk: DiceBear drawings are large.
  {
    path: '/outils/avatar/',
    budget: 130_000,
    use: async (page) => {
      await expect(page.locator('.avatar-preview img')).toHaveAttribute('src', /^blob:/);
    },
  },
  {
    path: '/en/tools/avatar/',
    budget: 130_000,
    use: async (page) => {
      await expect(page.locator('.avatar-preview img')).toHaveAttribute('src', /^blob:/);
    },
  },
];

test('each kit page stays within its JavaScript budget (gzip)', async ({ page }) => {
  test.setTimeout(120_000);
  // Every page is measured as a first visit: no script comes from the HTTP cache.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const report: Record<string, { scripts: number; gzipBytes: number; overSiteScript: number; files: Record<string, number> }> = {};
  for (const entry of PAGES) {
    const files: Record<string, number> = {};
    const pending: Promise<void>[] = [];
    const onResponse = (response: import('@playwright/test').Response): void => {
      if (response.request().resourceType() !== 'script' || response.status() !== 200) return;
      pending.push(
        response.body().then((body) => {
          files[new URL(response.url()).pathname] = gzipSync(body, { level: 9 }).length;
        }),
      );
    };
    page.on('response', onResponse);
    await page.goto(entry.path);
    await entry.use(page);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    page.off('response', onResponse);
    const gzipBytes = Object.values(files).reduce((a, b) => a + b, 0);
    const base = report['/en/']?.gzipBytes ?? 0;
    report[entry.path] = { scripts: Object.keys(files).length, gzipBytes, overSiteScript: gzipBytes - base, files };
  }
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  writeFileSync(join(ROOT, '.tmp/kit-js-weight.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    Object.entries(report)
      .map(([path, r]) => `${path}: ${r.gzipBytes} B gzip in ${r.scripts} script(s), ${r.overSiteScript} B more than a page without island`)
      .join('\n'),
  );
  for (const entry of PAGES) expect(report[entry.path]?.gzipBytes ?? Infinity, entry.path).toBeLessThanOrEqual(entry.budget);
});
