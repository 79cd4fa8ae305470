/**
 * Hostile input on every tool page: hostile file names, a photo with hostile
 * EXIF/XMP text, and hostile strings in every text field. Nothing may run
 * (no dialog, no CSP violation, window.__pwned stays false, no payload parsed
 * as an element), and whatever of it is shown is shown literally.
 */
import { execFileSync } from 'node:child_process';
import { chooseFiles, clickButtons, fillTextFields } from '../support/drive';
import {
  HOSTILE_FILE_NAMES,
  HOSTILE_METADATA,
  HOSTILE_STRINGS,
  LITERAL_SIGNS,
  PWNED_ATTRIBUTE,
  hasExiftool,
  hostileExifCopy,
  hostileNamedCopy,
  watchForExecution,
} from '../support/hostile';
import { builtPages } from '../support/pages';
import { tempDir } from '../support/paths';
import { expect, test } from './fixtures';

const toolPages = builtPages().filter((p) => /^\/(outils|en\/tools)\/[^/]+\/$/.test(p));
const PHOTO = 'ianare__DSCN0010.jpg';

test('there are tool pages in both languages to attack', () => {
  expect(toolPages.filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(2);
  expect(toolPages.filter((p) => !p.startsWith('/en/')).length).toBeGreaterThan(2);
});

test('the hostile photo really carries the hostile metadata', () => {
  test.skip(!hasExiftool(), 'needs exiftool (Debian: libimage-exiftool-perl)');
  const copy = hostileExifCopy(PHOTO);
  const read = execFileSync('exiftool', ['-j', '-G1', '-charset', 'utf8', '-Artist', '-ImageDescription', '-XMP-dc:all', copy], { encoding: 'utf8' });
  expect(read).toContain(JSON.stringify(HOSTILE_METADATA['EXIF:Artist']).slice(1, -1));
  expect(read).toContain('A'.repeat(9_990));
  expect(read).toContain('window.__pwned=true</script>');
});

for (const path of toolPages) {
  test(`${path}: hostile names, metadata and text are shown as text and never run`, async ({ page }) => {
    test.setTimeout(180_000);
    const watcher = await watchForExecution(page);
    await page.goto(path);
    const dir = tempDir('bya-hostile-');
    const files = HOSTILE_FILE_NAMES.map((name) => hostileNamedCopy(PHOTO, name, dir));
    if (hasExiftool()) files.push(hostileExifCopy(PHOTO, dir));
    await chooseFiles(page, files);
    for (const { value } of HOSTILE_STRINGS) await fillTextFields(page, value);
    await clickButtons(page);

    expect(await watcher.problems()).toEqual([]);
    // Where a payload's attribute shows on screen, its opening `<` must show too: it was rendered as text.
    const text = await page.locator('body').innerText();
    if (text.includes(PWNED_ATTRIBUTE))
      expect(
        LITERAL_SIGNS.some((sign) => text.includes(sign)),
        'payload shown literally',
      ).toBe(true);
  });
}

// The watcher must be able to fail: markup injected as HTML is reported.
test('self-check: a payload parsed as HTML is reported', async ({ page }) => {
  const watcher = await watchForExecution(page);
  await page.goto(toolPages[0] ?? '/');
  await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), HOSTILE_STRINGS[3]?.value ?? '');
  expect(await watcher.problems()).toEqual([expect.stringContaining(`element(s) with ${PWNED_ATTRIBUTE}`)]);
});
