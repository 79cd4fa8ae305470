/**
 * Every lesson page, as built: the reading time, the "what to do now" box,
 * linked sources and previous/next links are there; every anchor that tools
 * link to lands on an element; a lesson prints as the article alone; and a
 * lesson without an island downloads no JavaScript and runs only the site's
 * two small inline scripts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { lessonPath } from '../../src/i18n/routes';
import { LESSON_ANCHORS, lessonAnchor, type LessonId } from '../../src/lib/anchors';
import { LESSONS_DIR, LESSON_LOCALES, checkedDates, readLessons } from '../support/lesson-files';
import type { Request } from '@playwright/test';
import { DIST } from '../support/pages';
import { expect, test } from './fixtures';

/** The site's UI strings (flat string values), as a lookup that throws on a missing key. */
function siteStrings(locale: 'fr' | 'en'): (key: string) => string {
  const file = join(LESSONS_DIR, '../../i18n', locale, 'site.json');
  const strings = z.record(z.string(), z.string()).parse(JSON.parse(readFileSync(file, 'utf8')));
  return (key) => {
    const value = strings[key];
    if (value === undefined) throw new Error(`site.json (${locale}) has no "${key}"`);
    return value;
  };
}

/** A UI string with its `{placeholder}` turned into a pattern. */
function pattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+');
  return new RegExp(escaped);
}

const isLessonId = (slug: string): slug is LessonId => Object.hasOwn(LESSON_ANCHORS, slug);

for (const locale of LESSON_LOCALES) {
  const t = siteStrings(locale);
  const files = readLessons(locale);
  const slugs = files.map((l) => l.slug);

  slugs.forEach((slug, index) => {
    test(`${locale} ${slug}: reading time, todo box, sources, previous/next and every anchor tools link to`, async ({ page }) => {
      await page.goto(lessonPath(slug, locale));
      await expect(page.locator('.lesson-meta')).toContainText(pattern(t('lesson.minutes')));

      const todo = page.getByRole('region', { name: t('lesson.todo') });
      await expect(todo).toBeVisible();
      expect(await todo.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);

      const sources = page.getByRole('region', { name: t('lesson.sources') });
      const links = sources.locator('a[href^="https://"]');
      expect(await links.count()).toBeGreaterThanOrEqual(1);
      await expect(links.first()).toHaveText(/\S{3}/);

      // "Checked on …" under each section heading that says so in the MDX, as a machine-readable date.
      const written = checkedDates(files[index]?.body ?? '');
      const shown = page.locator('article.lesson .prose .checked time');
      await expect(shown).toHaveCount(written.length);
      expect(await shown.evaluateAll((els) => els.map((e) => e.getAttribute('datetime')))).toEqual(written);
      if (written.length > 0) await expect(shown.first()).toHaveText(pattern(t('lesson.checked')));
      // Every source says when it was read.
      const read = sources.locator('li time');
      expect(await read.count(), 'sources with a "read on" date').toBe(await sources.getByRole('listitem').count());
      await expect(read.first()).toHaveText(pattern(t('lesson.sourceChecked')));

      const pager = page.getByRole('navigation', { name: t('lesson.pagerAccessibleLabel') });
      const previous = pager.locator('a[rel="prev"]');
      const next = pager.locator('a[rel="next"]');
      const before = slugs[index - 1];
      const after = slugs[index + 1];
      if (before === undefined) await expect(previous).toHaveCount(0);
      else await expect(previous).toHaveAttribute('href', lessonPath(before, locale));
      if (after === undefined) await expect(next).toHaveCount(0);
      else await expect(next).toHaveAttribute('href', lessonPath(after, locale));

      // Anchors that tools link to ("the habit or right that removes this").
      expect(isLessonId(slug), `${slug} is not listed in src/lib/anchors.ts`).toBe(true);
      if (!isLessonId(slug)) return;
      for (const anchor of LESSON_ANCHORS[slug]) {
        await expect(page.locator(`article.lesson [id="${anchor}"]`), `#${anchor} inside the article`).toHaveCount(1);
        await expect(page.locator(`[id="${anchor}"]`), `#${anchor} only once on the page`).toHaveCount(1);
      }
    });
  });

  test(`${locale}: following a tool's anchor link scrolls the heading into view`, async ({ page }) => {
    await page.goto(lessonAnchor('07-habits', 'improve-model', locale));
    const heading = page.locator('[id="improve-model"]');
    await expect(heading).toBeVisible();
    await expect(heading).toBeInViewport();
    await page.goto(lessonAnchor('02-metadata', 'inspector', locale));
    await expect(page.locator('[id="inspector"]')).toBeInViewport();
  });
}

test('a lesson prints as the article alone: no header, navigation or pager', async ({ page }) => {
  await page.goto(lessonPath('07-habits', 'fr'));
  await expect(page.locator('.site-header')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.locator('nav.main-nav')).toBeHidden();
  await expect(page.locator('.outline')).toBeHidden();
  await expect(page.locator('.pager')).toBeHidden();
  await expect(page.locator('article.lesson')).toBeVisible();
  await expect(page.locator('article.lesson h1')).toBeVisible();
  await expect(page.locator('.todo')).toBeVisible();
  await expect(page.locator('section.sources')).toBeVisible();
  await expect(page.locator('[id="improve-model"]')).toBeVisible();
});

/**
 * The site's own inline scripts, together: the theme applied before the first paint (head-script.mjs) and
 * the site script Astro inlines (site-client.ts: theme switch, reading progress, offline notice and worker).
 * 2,415 bytes when this budget was set; a lesson page without an island runs nothing else.
 */
const INLINE_SCRIPT_BUDGET = 2600;

for (const locale of LESSON_LOCALES) {
  const plain = readLessons(locale)
    .map((l) => l.slug)
    .filter((slug) => !readFileSync(join(DIST, lessonPath(slug, locale), 'index.html'), 'utf8').includes('<astro-island'));

  test(`${locale}: a lesson without an island downloads no JavaScript, even scrolled to the end`, async ({ page }) => {
    // Lesson 5 has hosted the scan since issue #16, leaving lesson 1 as the lesson without an island (it was 2 before).
    expect(plain, 'lessons without an island').toContain('01-trend');
    for (const slug of plain) {
      const scripts: string[] = [];
      const listener = (request: Request): void => {
        if (['script', 'worker', 'sharedworker'].includes(request.resourceType()) || /\.m?js(\?|$)/.test(request.url())) scripts.push(request.url());
      };
      page.on('request', listener);
      await page.goto(lessonPath(slug, locale));
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      page.off('request', listener);
      expect(scripts, `${slug}: script requests`).toEqual([]);
      const inline = await page.evaluate(() => [...document.scripts].map((s) => ({ src: s.src, bytes: new TextEncoder().encode(s.textContent).length })));
      expect(
        inline.filter((s) => s.src !== ''),
        `${slug}: external scripts`,
      ).toEqual([]);
      const bytes = inline.reduce((sum, s) => sum + s.bytes, 0);
      expect(inline.length, `${slug}: inline scripts`).toBe(2);
      expect(bytes, `${slug}: inline script bytes`).toBeLessThanOrEqual(INLINE_SCRIPT_BUDGET);
      // The progress the site script keeps: the page itself is now marked read in the outline.
      await expect(page.locator(`.outline [data-lesson-link="${slug}"]`).locator('xpath=ancestor::li[1]')).toHaveClass(/is-read/);
    }
  });
}
