/**
 * Clean in the upload flow: a pasted photo is cleaned at once; a clean copy
 * goes to the AI app through the share sheet (navigator.share with files,
 * stubbed here to record the call, since desktop Chromium on Linux has no
 * share sheet) or the clipboard (a PNG with the clean file's pixels, read
 * back with the Clipboard API); where the browser cannot share, the button is
 * absent and the page says what to do instead.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/** axe (WCAG 2.2 AA) on the cleaner in its current state. */
async function axeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('[data-tool="cleaner"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const PAGE = '/en/tools/inspector/';

async function cleaner(page: Page): Promise<Locator> {
  await page.goto(PAGE);
  await page.locator('.inspector[data-ready="true"]').waitFor();
  const tool = page.locator('[data-tool="cleaner"]');
  await tool.scrollIntoViewIfNeeded();
  await expect(tool.locator('astro-island')).not.toHaveAttribute('ssr');
  return tool;
}

/** Pastes the sample photo on the page as a screenshot would arrive (a paste event carrying a file). */
async function pasteSample(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const blob = await (await fetch('/samples/sample-lyon.jpg')).blob();
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'pasted.jpg', { type: 'image/jpeg' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  });
}

test('a pasted photo is read and cleaned at once; where files cannot be shared, the page says what to do', async ({ page }) => {
  const tool = await cleaner(page);
  await pasteSample(page);
  await expect(page.locator('[data-testid="file-result"][data-file="pasted.jpg"]')).toHaveAttribute('data-status', 'done');
  await expect(tool.getByRole('status')).toContainText('Finished: 1 cleaned', { timeout: 30_000 });
  // Desktop Chromium here has no navigator.share: no Share button, and the other ways out are named.
  expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
  await expect(tool.getByRole('button', { name: /^Share / })).toHaveCount(0);
  await expect(tool.getByTestId('share-unsupported')).toContainText('download the clean copy (or the ZIP)');
});

test('Share hands the clean file to navigator.share: the same bytes as the download', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: Array<{ name: string; type: string; bytes: number[] }> = [];
    Object.assign(window, { __shareCalls: calls });
    Object.defineProperty(navigator, 'canShare', { value: (data: ShareData) => Array.isArray(data.files) && data.files.length > 0 });
    Object.defineProperty(navigator, 'share', {
      value: async (data: ShareData) => {
        for (const file of data.files ?? []) calls.push({ name: file.name, type: file.type, bytes: [...new Uint8Array(await file.arrayBuffer())] });
      },
    });
  });
  const tool = await cleaner(page);
  await pasteSample(page);
  await expect(tool.getByRole('status')).toContainText('Finished: 1 cleaned', { timeout: 30_000 });
  const share = tool.getByRole('button', { name: 'Share photo-1.jpg' });
  await share.focus();
  await page.keyboard.press('Enter');
  await expect(tool.getByRole('status').filter({ hasText: 'Shared: the clean copy went to the app you picked.' })).toBeVisible();
  await axeClean(page);
  const calls = await page.evaluate(() => (window as unknown as { __shareCalls: Array<{ name: string; type: string; bytes: number[] }> }).__shareCalls);
  expect(calls.map((c) => [c.name, c.type])).toEqual([['photo-1.jpg', 'image/jpeg']]);
  const [download] = await Promise.all([page.waitForEvent('download'), tool.getByRole('button', { name: 'Download photo-1.jpg' }).click()]);
  const downloaded = readFileSync(await download.path());
  expect(Buffer.from(calls[0]?.bytes ?? []).equals(downloaded)).toBe(true);
});

test('Copy puts a PNG on the clipboard whose pixels are the clean file’s', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const tool = await cleaner(page);
  await pasteSample(page);
  await expect(tool.getByRole('status')).toContainText('Finished: 1 cleaned', { timeout: 30_000 });
  await tool.getByRole('button', { name: 'Copy photo-1.jpg as an image' }).click();
  await expect(tool.getByRole('status').filter({ hasText: 'Copied as a PNG image' })).toBeVisible();
  await axeClean(page);
  const [download] = await Promise.all([page.waitForEvent('download'), tool.getByRole('button', { name: 'Download photo-1.jpg' }).click()]);
  const clean = [...readFileSync(await download.path())];
  const verdict = await page.evaluate(async (cleanBytes) => {
    const items = await navigator.clipboard.read();
    const item = items.find((i) => i.types.includes('image/png'));
    if (!item) return { types: items.flatMap((i) => i.types), same: false, size: '' };
    const png = await item.getType('image/png');
    const pixels = async (blob: Blob): Promise<{ w: number; h: number; data: Uint8ClampedArray }> => {
      const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no context');
      context.drawImage(bitmap, 0, 0);
      return { w: bitmap.width, h: bitmap.height, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
    };
    const a = await pixels(png);
    const b = await pixels(new Blob([new Uint8Array(cleanBytes)], { type: 'image/jpeg' }));
    let same = a.w === b.w && a.h === b.h && a.data.length === b.data.length;
    for (let i = 0; same && i < a.data.length; i++) if (a.data[i] !== b.data[i]) same = false;
    const head = new Uint8Array(await png.slice(0, 8).arrayBuffer());
    return { types: item.types, same, size: `${a.w}x${a.h}`, signature: [...head] };
  }, clean);
  expect(verdict.types).toContain('image/png');
  expect(verdict.signature).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(verdict.same, `pixels differ (${verdict.size})`).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('a discreet install hint explains the share sheet; dismissed once, it stays gone and only the dismissal is stored', async ({ page }) => {
    const tool = await cleaner(page);
    const hint = tool.getByTestId('install-hint');
    await expect(hint).toContainText("share a photo, choose Avant d'envoyer, then share the clean copy");
    await axeClean(page);
    await hint.getByRole('button', { name: 'Not now (do not show again)' }).click();
    await expect(hint).toHaveCount(0);
    expect(await page.evaluate(() => Object.entries(localStorage))).toEqual([['bya.installHint.v1', 'dismissed']]);
    await page.reload();
    const again = page.locator('[data-tool="cleaner"]');
    await again.scrollIntoViewIfNeeded();
    await expect(again.locator('astro-island')).not.toHaveAttribute('ssr');
    await expect(again.getByTestId('install-hint')).toHaveCount(0);
  });
});

test('no install hint on a desktop', async ({ page }) => {
  const tool = await cleaner(page);
  await expect(tool.getByRole('button', { name: /^Download|Choose/ }).first()).toBeAttached();
  await expect(tool.getByTestId('install-hint')).toHaveCount(0);
});
