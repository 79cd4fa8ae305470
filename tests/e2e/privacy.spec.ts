/**
 * The promise, crawled: every built page in both languages, and every tool on
 * it driven with real photos, makes no request to another origin, sends no
 * request body, sets no cookie, logs no error and breaks no CSP rule (the
 * fixtures' guard checks the first four after each test), and carries a
 * strict CSP. Written against whatever tools exist: it finds file inputs and
 * buttons itself.
 */
import { cspProblems } from '../../integrations/security-headers.mjs';
import { CRAWL_FIXTURES, chooseFiles, clickButtons, settle } from '../support/drive';
import { watchForExecution } from '../support/hostile';
import { builtPages } from '../support/pages';
import { expect, test } from './fixtures';

const pages = builtPages(true);

test('the crawl covers both languages', () => {
  expect(pages.filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(5);
  expect(pages.filter((p) => !p.startsWith('/en/')).length).toBeGreaterThan(5);
});

for (const path of pages) {
  test(`${path}: a strict CSP, and nothing leaves the device while its tools are used`, async ({ page, privacy, baseURL }) => {
    test.setTimeout(180_000);
    const watcher = await watchForExecution(page);
    await page.goto(path);
    await settle(page);

    const metas = page.locator('meta[http-equiv="content-security-policy"]');
    await expect(metas).toHaveCount(1);
    expect(cspProblems((await metas.getAttribute('content')) ?? ''), 'CSP weaknesses').toEqual([]);
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');

    const inputs = await chooseFiles(page, CRAWL_FIXTURES);
    const clicks = await clickButtons(page);
    test.info().annotations.push({ type: 'driven', description: `${inputs} file input(s), ${clicks} button click(s)` });

    const origin = new URL(baseURL ?? '').origin;
    expect(
      privacy.requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)),
      'other origins',
    ).toEqual([]);
    expect(await watcher.problems(), 'CSP violations or dialogs').toEqual([]);
    expect(await page.evaluate(() => document.cookie), 'document.cookie').toBe('');
  });
}

// The checks must be able to fail: a load from another origin is refused by the CSP, reported by
// the watcher, and still fails the test through the fixtures' guard (Chromium emits the request event).
test('self-check: an attempt to load from another origin fails the test', async ({ page }) => {
  test.fail(true, 'the privacy guard must fail this test');
  const watcher = await watchForExecution(page);
  await page.goto('/');
  await page.evaluate(() => {
    const img = new Image();
    img.src = 'https://tracker.invalid/pixel.gif';
    document.body.append(img);
  });
  // Once per policy that refuses it: the page's meta policy and, served with _headers, the same one as a header.
  await expect.poll(() => watcher.problems()).toContainEqual(expect.stringContaining('img-src https://tracker.invalid/pixel.gif'));
});
