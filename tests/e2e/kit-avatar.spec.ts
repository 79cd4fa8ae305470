import { readFileSync } from 'node:fs';
import { axeBothSchemes } from '../support/kit';
import { expect, test } from './fixtures';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const PAGES = [
  {
    locale: 'fr',
    path: '/outils/avatar/',
    seed: 'Graine',
    another: 'Un autre',
    style: 'Style',
    svg: 'Télécharger en SVG',
    png: 'Télécharger en PNG',
    flip: 'En miroir',
    background: 'Fond',
  },
  {
    locale: 'en',
    path: '/en/tools/avatar/',
    seed: 'Seed',
    another: 'Another one',
    style: 'Style',
    svg: 'Download SVG',
    png: 'Download PNG',
    flip: 'Mirror it',
    background: 'Background',
  },
] as const;

for (const p of PAGES) {
  test.describe(`avatar maker (${p.locale})`, () => {
    test('draws a preview from a blob URL and downloads a valid SVG and PNG', async ({ page, privacy }) => {
      await page.goto(p.path);
      const preview = page.locator('.avatar-preview img');
      await expect(preview).toHaveAttribute('src', /^blob:/);
      // DiceBear arrives only with the island: its style chunk is fetched from this site.
      expect(privacy.requests.some((u) => /\/_astro\/lorelei\.[\w-]+\.js$/.test(u))).toBe(true);

      await page.getByLabel(p.seed).fill('Marie Curie');
      await expect(preview).toHaveAttribute('alt', /Marie Curie/);
      const svgDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: p.svg }).click();
      const svgFile = await svgDownload;
      expect(svgFile.suggestedFilename()).toBe('avatar-lorelei-marie-curie.svg');
      const svg = readFileSync(await svgFile.path(), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');

      const pngDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: p.png }).click();
      const pngFile = await pngDownload;
      expect(pngFile.suggestedFilename()).toBe('avatar-lorelei-marie-curie.png');
      const png = readFileSync(await pngFile.path());
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      // IHDR: width and height, big-endian, at bytes 16–23.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    });

    test('the same seed gives the same avatar; another seed, style or option changes it', async ({ page }) => {
      await page.goto(p.path);
      const preview = page.locator('.avatar-preview img');
      await expect(preview).toHaveAttribute('src', /^blob:/);
      // The CSP forbids fetching the blob back (connect-src 'self'): compare what is drawn instead.
      const svgText = async (): Promise<string> => (await preview.screenshot({ animations: 'disabled' })).toString('base64');
      await page.getByLabel(p.seed).fill('same');
      await expect(preview).toHaveAttribute('alt', /same/);
      const first = await svgText();
      await page.getByLabel(p.seed).fill('other');
      await expect(preview).toHaveAttribute('alt', /other/);
      expect(await svgText()).not.toBe(first);
      await page.getByLabel(p.seed).fill('same');
      await expect(preview).toHaveAttribute('alt', /"same"|«\u00a0same\u00a0»/);
      expect(await svgText()).toBe(first);

      await page.getByLabel(p.style).selectOption('pixelArt');
      await expect(preview).toHaveAttribute('alt', /Pixel art/);
      expect(await svgText()).not.toBe(first);
    });

    test('keyboard alone makes another avatar and downloads it; axe passes in each state', async ({ page }) => {
      test.setTimeout(240_000);
      const violations: string[] = [];
      await page.goto(p.path);
      await expect(page.locator('.avatar-preview img')).toHaveAttribute('src', /^blob:/);
      // The page as loaded is checked by axe in both schemes in site.spec.ts; here only the states that follow.

      const seed = page.getByLabel(p.seed);
      await seed.focus();
      const before = await seed.inputValue();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: p.another })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(seed).not.toHaveValue(before);
      await expect(page.locator('.avatar-status')).toContainText(await seed.inputValue());
      await page.keyboard.press('Tab'); // background
      await page.keyboard.press('Tab'); // mirror
      await page.keyboard.press('Space');
      await expect(page.getByLabel(p.flip)).toBeChecked();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: p.svg })).toBeFocused();
      const downloading = page.waitForEvent('download');
      await page.keyboard.press('Enter');
      expect(readFileSync(await (await downloading).path(), 'utf8').startsWith('<svg')).toBe(true);
      await page.getByLabel(p.background).selectOption('none');
      await page.getByLabel(p.style).selectOption('thumbs');
      await expect(page.locator('.avatar-preview img')).toHaveAttribute('alt', /Thumbs/);
      violations.push(...(await axeBothSchemes(page, 'changed')));
      expect(violations).toEqual([]);
    });
  });
}
