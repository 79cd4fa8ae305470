/**
 * What the shared worker bridge promises, through the real pages:
 * - a photo whose metadata is longer than the protocol allows is read and
 *   shown with "and N more" (it used to end as a 10 s time-out);
 * - the inspector hands a photo to "What they could learn" only when the
 *   reader asks (nothing is written to storage by reading);
 * - photos chosen while a ZIP is being built wait their turn: the ZIP
 *   finishes and the new photos are cleaned (they used to be refused with an
 *   internal error).
 */
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { writeCrowded } from '../support/crowded';
import { expect, test } from './fixtures';

const INSPECTOR_EN = '/en/tools/inspector/';
const INSPECTOR_FR = '/outils/inspecteur/';

test('a PNG with 100 text chunks and a JPEG with 200 keywords are read in under a second, with what was left out said', async ({ page }) => {
  const crowded = writeCrowded();
  await page.goto(INSPECTOR_EN);
  await page.locator('.inspector[data-ready="true"]').waitFor();
  for (const [path, name] of [
    [crowded.png, 'crowded-100-text-chunks.png'],
    [crowded.jpeg, 'crowded-200-keywords.jpg'],
  ] as const) {
    await page.evaluate(() => performance.clearMarks());
    await page.getByTestId('inspector-input').setInputFiles(path);
    const result = page.locator(`[data-testid="file-result"][data-file="${name}"]`);
    await expect(result).toHaveAttribute('data-status', 'done');
    await expect(result.getByRole('alert')).toHaveCount(0);
    const ms = await page.evaluate(() => {
      const start = performance.getEntriesByName('inspector:batch-start')[0]?.startTime;
      const done = performance.getEntriesByName('inspector:batch-done')[0]?.startTime;
      return start === undefined || done === undefined ? Number.NaN : done - start;
    });
    expect(ms, `${name}: chosen to read, in ms`).toBeLessThan(1_000);
  }
  // Only the JPEG is on the page now (a new choice replaces the batch): check it, then the PNG again.
  const jpeg = page.locator('[data-file="crowded-200-keywords.jpg"]');
  const more = jpeg.getByTestId('field-more');
  await expect(more).toHaveText(/^and \d+ more, listed in the full tag table$/);
  const shown = (await jpeg.locator('[data-field^="word-"]').first().textContent()) ?? '';
  const count = Number(/and (\d+) more/.exec((await more.textContent()) ?? '')?.[1]);
  expect(shown.split(', ').filter((w) => /^keyword-\d+/.test(w)).length + count).toBe(200);

  await page.getByTestId('inspector-input').setInputFiles(crowded.png);
  const pngResult = page.locator('[data-file="crowded-100-text-chunks.png"]');
  await expect(pngResult).toHaveAttribute('data-status', 'done');
  await expect(pngResult.locator('[data-card="people"] [data-field^="prompt-"]')).toHaveCount(50);
  await expect(pngResult.getByTestId('card-omitted')).toHaveText(
    'And 50 more text block(s), left out here: too many to show on one card. Every one of them is in the full tag table below.',
  );
  await pngResult.getByText('Technical details').click();
  await expect(pngResult.getByRole('row').filter({ hasText: 'param-100' })).toHaveCount(1);
});

test('reading a photo writes nothing to storage; the reader hands it to the profile with a button', async ({ page }) => {
  await page.goto(INSPECTOR_FR);
  await page.locator('.inspector[data-ready="true"]').waitFor();
  await page.getByTestId('inspector-sample').click();
  const result = page.locator('[data-testid="file-result"]');
  await expect(result).toHaveAttribute('data-status', 'done');
  expect(
    await page.evaluate(() => ({
      session: sessionStorage.length,
      local: Object.keys(localStorage).filter((k) => k !== 'bya.theme' && !k.startsWith('bya.progress')),
    })),
  ).toEqual({ session: 0, local: [] });
  const use = result.getByRole('button', { name: 'Utiliser cette photo dans « Ce qu’ils pourraient savoir »' });
  await expect(use).toHaveAttribute('aria-pressed', 'false');
  await use.press('Enter');
  await expect(use).toHaveAttribute('aria-pressed', 'true');
  await expect(result.getByRole('status')).toContainText('pour cet onglet seulement');
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['bya.lastPhoto.v1']);
  await result.getByRole('link', { name: 'Ouvrir « Ce qu’ils pourraient savoir »' }).click();
  await expect(page.locator('.profile-tool[data-ready="true"]')).toBeVisible();
  await expect(page.locator('[data-finding="photo.device"]')).toContainText('iPhone');
});

test('photos chosen while a ZIP is being built wait their turn: the ZIP finishes and they are cleaned', async ({ page }) => {
  await page.goto(INSPECTOR_EN);
  const tool = page.locator('[data-tool="cleaner"]');
  await tool.scrollIntoViewIfNeeded();
  await expect(tool.locator('astro-island')).not.toHaveAttribute('ssr');
  // Photos made in the page from the sample (same bytes, other names), put in the cleaner's input and announced
  // with a change event; with `zipFirst`, the ZIP button is clicked in the same task, so the new photos reach
  // the worker while it zips.
  const choose = (names: string[], zipFirst: boolean) =>
    page.evaluate(
      async ({ list, zip }) => {
        const blob = await (await fetch('/samples/sample-lyon.jpg')).blob();
        const transfer = new DataTransfer();
        for (const name of list) transfer.items.add(new File([blob], name, { type: 'image/jpeg' }));
        const input = document.querySelector<HTMLInputElement>('[data-tool="cleaner"] input[type="file"]');
        if (!input) throw new Error('no cleaner input');
        if (zip) {
          const button = [...document.querySelectorAll<HTMLButtonElement>('[data-tool="cleaner"] button')].find((b) => b.textContent.includes('as one ZIP'));
          if (!button) throw new Error('no ZIP button');
          button.click();
        }
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { list: names, zip: zipFirst },
    );
  await choose(['first.jpg', 'second.jpg'], false);
  await expect(tool.getByRole('status')).toContainText('Finished: 2 cleaned', { timeout: 60_000 });
  const [zip] = await Promise.all([page.waitForEvent('download'), choose(['third.jpg', 'fourth.jpg', 'fifth.jpg'], true)]);
  const entries = unzipSync(new Uint8Array(readFileSync(await zip.path())));
  expect(Object.keys(entries)).toHaveLength(2);
  await expect(tool.getByRole('status')).toContainText('Finished: 3 cleaned', { timeout: 60_000 });
  await expect(tool.locator('article[data-outcome="cleaned"]')).toHaveCount(3);
  await expect(tool.getByRole('alert')).toHaveCount(0);
});
