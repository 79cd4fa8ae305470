import AxeBuilder from '@axe-core/playwright';
import { builtPages } from '../support/pages';
import { expect, test } from './fixtures';

const pages = builtPages(true);

test('the site has pages in both languages', () => {
  expect(pages.filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(5);
  expect(pages.filter((p) => !p.startsWith('/en/')).length).toBeGreaterThan(5);
});

// One navigation per page: the render checks, then axe in light and in dark (prefers-color-scheme
// is applied live, no reload needed). The axe pass of each scheme is kept; only the second load went.
for (const path of pages) {
  test(`${path} renders in its language with a title and one h1, and passes axe (WCAG 2.2 AA) in light and dark mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const response = await page.goto(path);
    expect(response?.ok()).toBe(true);
    const expected = path.startsWith('/en/') ? 'en' : 'fr';
    await expect(page.locator('html')).toHaveAttribute('lang', expected);
    await expect(page).toHaveTitle(/\S/);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
    const violations: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme), `${scheme} applied`).toBe(true);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      violations.push(...result.violations.map((v) => `${scheme}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ') ?? ''}`));
    }
    expect(violations).toEqual([]);
  });
}

test('the language switch keeps the reader on the same lesson', async ({ page }) => {
  await page.goto('/cours/');
  const firstLesson = page.locator('.lesson-list a').first();
  const href = await firstLesson.getAttribute('href');
  expect(href).toMatch(/^\/cours\/\d\d-/);
  await firstLesson.click();
  await page.getByRole('link', { name: 'Read this page in English' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/course/${href?.split('/')[2] ?? 'x'}/$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Lire cette page en français' }).click();
  await expect(page).toHaveURL(new RegExp(`${href ?? 'x'}$`));
});

test('previous/next navigation walks the whole course in order', async ({ page }) => {
  await page.goto('/en/course/');
  const count = await page.locator('.lesson-list > li').count();
  await page.locator('.lesson-list a').first().click();
  for (let i = 1; i < count; i++) {
    await expect(page.locator('.lesson-meta').first()).toContainText(`Lesson ${i} of ${count}`);
    await page.locator('.pager a[rel="next"]').click();
  }
  await expect(page.locator('.pager a[rel="next"]')).toHaveCount(0);
});

test('reading progress is kept across reloads, survives a damaged value, and can be cleared', async ({ page }) => {
  await page.goto('/cours/');
  const slugs = await page.locator('.outline [data-lesson-link]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lesson-link')));
  const first = slugs[0] ?? '';
  await page.goto(`/cours/${first}/`);
  await page.goto('/cours/');
  const item = page.locator(`.outline [data-lesson-link="${first}"]`);
  await expect(item.locator('.read-mark')).toBeVisible();
  await page.reload();
  await expect(item.locator('.read-mark')).toBeVisible();
  await expect(page.locator('[data-progress-count]')).toContainText(`1 leçon(s) lue(s) sur ${slugs.length}`);
  await page.getByRole('button', { name: 'Effacer ma progression' }).click();
  await expect(item.locator('.read-mark')).toBeHidden();
  await page.evaluate(() => localStorage.setItem('bya.progress.v1', '{"v":1,"read":"<img src=x>"'));
  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  await expect(item.locator('.read-mark')).toBeHidden();
});

test('on a phone the lesson starts on the first screen and its outline opens from the keyboard; beside the lesson it is always open', async ({ page }) => {
  for (const path of ['/cours/03-device/', '/en/course/03-device/']) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(path);
    const outline = page.getByRole('navigation', { name: path.startsWith('/en/') ? 'Course outline' : 'Plan du cours' });
    const toggle = page.locator('.outline-toggle > summary');
    await expect(outline.getByRole('link').first()).toBeHidden();
    // The lesson's title and lead are on the first screen (the outline used to push them below it).
    const lead = await page.locator('.lesson .lead').boundingBox();
    expect((lead?.y ?? Infinity) + (lead?.height ?? 0), `${path}: lead below the first screen`).toBeLessThanOrEqual(844);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(outline.locator('[aria-current="page"]')).toBeVisible();
    await expect(outline.getByRole('link')).toHaveCount(7);
    await page.keyboard.press('Enter');
    await expect(outline.getByRole('link').first()).toBeHidden();
    // Wide screen: no disclosure to open, every lesson listed beside the text.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await expect(toggle).toBeHidden();
    for (const link of await outline.getByRole('link').all()) await expect(link).toBeVisible();
  }
});

test('the theme can be switched and is remembered', async ({ page }) => {
  await page.goto('/en/');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/en/course/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

for (const [path, word, label] of [
  ['/recherche/', 'figurine', 'Mots à chercher'],
  ['/en/search/', 'figurine', 'Words to search for'],
] as const) {
  test(`search on ${path} finds a lesson by a word of its body`, async ({ page }) => {
    await page.goto(path);
    await page.getByLabel(label).fill(word);
    const results = page.locator('.search-results li');
    await expect(results.first()).toBeVisible();
    const href = await results.first().locator('a').getAttribute('href');
    expect(href).toMatch(path.startsWith('/en/') ? /^\/en\/course\// : /^\/cours\//);
  });
}

test('words typed in the search box before its script has loaded are searched when it wakes up', async ({ page }) => {
  // Hold the search island's code back (a slow connection) until the reader has typed.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/SearchBox\.[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/en/search/', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Words to search for').fill('figurine');
  release();
  await expect(page.locator('.search-results li').first()).toBeVisible();
  await expect(page.locator('.search-results')).toHaveAttribute('data-query', 'figurine');
});
