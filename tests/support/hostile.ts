/**
 * Hostile input for tests: strings that would run or disguise themselves if a
 * tool rendered them as markup, file names that carry them, and photos whose
 * EXIF and XMP text fields carry them. Plus a watcher that reports whether
 * anything ran. For the tool engineers' tests and the integrator's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { IMAGES, tempDir } from './paths';

/** Attribute every markup payload carries: if an element with it exists, a payload was parsed as HTML. */
export const PWNED_ATTRIBUTE = 'data-bya-pwned';

/** One hostile string and what it tries. */
export interface HostileString {
  name: string;
  value: string;
}

/** Strings to type into text fields and to hide in metadata. */
export const HOSTILE_STRINGS: readonly HostileString[] = [
  { name: 'script element', value: `<script ${PWNED_ATTRIBUTE}>window.__pwned=true</script>` },
  { name: 'image with onerror', value: `<img src=x ${PWNED_ATTRIBUTE} onerror="window.__pwned=true;alert(1)">` },
  { name: 'svg with onload', value: `<svg ${PWNED_ATTRIBUTE} onload="window.__pwned=true"></svg>` },
  { name: 'attribute break-out', value: `"'><b ${PWNED_ATTRIBUTE}>bold?</b>` },
  { name: 'javascript: URL', value: 'javascript:window.__pwned=true' },
  { name: 'template syntax', value: '{{constructor.constructor("window.__pwned=true")()}} ${window.__pwned=true} {@html "<i>"}' },
  { name: 'bidi override (U+202E)', value: 'invoice\u202Egpj.exe' },
  { name: 'zero-width characters', value: 'a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf' },
  { name: '10,000 characters', value: `${'A'.repeat(9_990)}<b ${PWNED_ATTRIBUTE}>` },
];

/** File names (at most 255 bytes, no slash: what a disk allows) that try the same tricks. */
export const HOSTILE_FILE_NAMES: readonly string[] = [
  `<img src=x ${PWNED_ATTRIBUTE} onerror=alert(1)>.jpg`,
  `"'><b ${PWNED_ATTRIBUTE}>name.jpg`,
  'holiday\u202Egpj.exe.jpg',
  'zero\u200Bwidth\u200Dname.jpg',
  `${'long-'.repeat(48)}.jpg`,
];

/** Copies a corpus photo under a hostile file name into `dir` (a fresh temp folder by default). Returns its path. */
export function hostileNamedCopy(fixture: string, name: string, dir: string = tempDir('bya-hostile-')): string {
  const target = join(dir, name);
  copyFileSync(join(IMAGES, fixture), target);
  return target;
}

/** Whether exiftool is on the PATH (Debian: libimage-exiftool-perl; CI installs it). */
export function hasExiftool(): boolean {
  return spawnSync('exiftool', ['-ver']).status === 0;
}

/** The metadata fields hostileExifCopy fills, with the string each gets. */
export const HOSTILE_METADATA: Readonly<Record<string, string>> = {
  'EXIF:Artist': HOSTILE_STRINGS[1]?.value ?? '',
  'EXIF:ImageDescription': HOSTILE_STRINGS[8]?.value ?? '',
  'XMP-dc:Description': HOSTILE_STRINGS[0]?.value ?? '',
  'XMP-dc:Creator': HOSTILE_STRINGS[6]?.value ?? '',
  'XMP-dc:Title': HOSTILE_STRINGS[3]?.value ?? '',
};

/**
 * Copies a corpus JPEG and writes hostile text into its EXIF Artist and
 * ImageDescription and its XMP description, creator and title (needs exiftool).
 * Returns the copy's path.
 */
export function hostileExifCopy(fixture: string, dir: string = tempDir('bya-hostile-')): string {
  const target = join(dir, `hostile-metadata-${fixture}`);
  copyFileSync(join(IMAGES, fixture), target);
  const args = Object.entries(HOSTILE_METADATA).map(([tag, value]) => `-${tag}=${value}`);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-charset', 'utf8', ...args, target]);
  return target;
}

/** Payload text whose presence on screen proves it was shown as text (a parsed payload would not show its `<`). */
export const LITERAL_SIGNS: readonly string[] = [
  `<img src=x ${PWNED_ATTRIBUTE}`,
  `<svg ${PWNED_ATTRIBUTE}`,
  `<b ${PWNED_ATTRIBUTE}>`,
  `<script ${PWNED_ATTRIBUTE}>`,
];

/**
 * Starts watching a page (call before `goto`): dialogs, CSP violations and the
 * `window.__pwned` flag. `problems()` lists everything that shows a payload ran
 * or was parsed as markup; empty means nothing did.
 */
export async function watchForExecution(page: Page): Promise<{ problems: () => Promise<string[]> }> {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`a ${dialog.type()} dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.exposeFunction('__byaViolation', (text: string) => seen.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    Reflect.set(window, '__pwned', false);
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = Reflect.get(window, '__byaViolation') as ((text: string) => void) | undefined;
      if (typeof report === 'function') report(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return {
    problems: async () => {
      const state = await page.evaluate(
        (attr) => ({ pwned: Reflect.get(window, '__pwned') === true, parsed: document.querySelectorAll(`[${attr}]`).length }),
        PWNED_ATTRIBUTE,
      );
      const out = [...seen];
      if (state.pwned) out.push('window.__pwned became true: a payload ran');
      if (state.parsed > 0) out.push(`${state.parsed} element(s) with ${PWNED_ATTRIBUTE}: a payload was parsed as HTML`);
      return out;
    },
  };
}
