/**
 * The cleaners on every readable JPEG, PNG and WebP fixture, checked by
 * exiftool (nothing left but Orientation and, when asked, ICC) and by
 * ImageMagick (decoded pixels identical), and for idempotence.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assemble, planClean } from '../../src/formats/clean';
import { bufferSource } from '../../src/formats/source';
import { walk } from '../../src/formats/walk';
import { FormatError, type CleanOptions } from '../../src/formats/types';
import { leftoverTags } from '../support/cleaner-oracle';
import { IMAGES, MANIFEST, tempDir, truthFor } from '../support/paths';

const toolsPresent = spawnSync('exiftool', ['-ver']).status === 0 && spawnSync('compare', ['-version']).status === 0;
if (!toolsPresent && process.env['CI']) throw new Error('exiftool and ImageMagick compare are required in CI');
if (!toolsPresent) console.warn('formats-clean: exiftool or ImageMagick compare missing, skipping the cleaner oracle tests');

const readable = MANIFEST.filter((m) => ['jpeg', 'png', 'webp'].includes(m.format));
const OPTION_SETS: Array<[string, CleanOptions]> = [
  ['keep orientation and colour', { keepOrientation: true, keepColorProfile: true }],
  ['keep nothing', { keepOrientation: false, keepColorProfile: false }],
];

function load(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(IMAGES, file)));
}

describe.skipIf(!toolsPresent).each(OPTION_SETS)('planClean(): %s', (_name, options) => {
  test('every readable JPEG, PNG and WebP fixture comes out clean, pixel-identical and idempotent', async () => {
    const dir = tempDir('bya-clean-');
    const outputs: Array<{ file: string; out: string; orig: string }> = [];
    for (const entry of readable) {
      const bytes = load(entry.file);
      const source = bufferSource(bytes);
      const inv = await walk(source);
      if (inv.imageEnd === undefined) {
        // Files that end inside their headers (truncated APP1) have no image to keep.
        await expect(planClean(source, options, inv)).rejects.toMatchObject({ code: 'truncated' });
        continue;
      }
      const plan = await planClean(source, options, inv);
      const clean = assemble(plan, bytes);
      expect(clean.length).toBe(plan.size);
      // (d) idempotent: cleaning the clean file changes nothing.
      const again = assemble(await planClean(bufferSource(clean), options), clean);
      expect(Buffer.from(again).equals(Buffer.from(clean)), `${entry.file}: second clean differs`).toBe(true);
      const ext = entry.format === 'jpeg' ? 'jpg' : entry.format;
      const out = join(dir, `${entry.file}.clean.${ext}`);
      const orig = join(dir, `${entry.file}.orig.${ext}`);
      writeFileSync(out, clean);
      writeFileSync(orig, bytes);
      outputs.push({ file: entry.file, out, orig });
    }
    expect(outputs.length).toBeGreaterThan(35);

    const result = spawnSync('exiftool', ['-j', '-G1', '-a', '-n', ...outputs.map((o) => o.out)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const tags = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(tags.length).toBe(outputs.length);
    for (const [i, { file, out, orig }] of outputs.entries()) {
      const t = tags[i] ?? {};
      const truth = truthFor(file);
      // (a) nothing but the picture's structure survives (the allow-list the browser tests use too), and exiftool has no warning.
      expect(leftoverTags(t, { orientation: options.keepOrientation, icc: options.keepColorProfile }), `${file}: metadata left after cleaning`).toEqual([]);
      // Orientation: kept as-is when asked (PNG: only when it is not the default 1).
      const orientation = truth['IFD0:Orientation'];
      const expectOrientation =
        options.keepOrientation && typeof orientation === 'number' && !(file.endsWith('.png') && orientation === 1) && t['File:FileType'] !== 'PNG';
      if (expectOrientation) expect(t['IFD0:Orientation'], `${file}: orientation`).toBe(orientation);
      if (!options.keepOrientation) expect(t['IFD0:Orientation']).toBeUndefined();
      if (t['File:FileType'] === 'PNG' && options.keepOrientation && typeof orientation === 'number' && orientation !== 1)
        expect(t['IFD0:Orientation']).toBe(orientation);
      // (c) ICC kept exactly when asked and present.
      const hadIcc = 'ICC_Profile:ProfileDescription' in truth || Object.keys(truth).some((k) => k.startsWith('ICC_Profile:'));
      expect(
        Object.keys(t).some((k) => k.startsWith('ICC_Profile:')),
        `${file}: ICC profile`,
      ).toBe(options.keepColorProfile && hadIcc);
      // (b) decoded pixels are identical (raw pixels, no auto-orient).
      const cmp = spawnSync('compare', ['-quiet', '-metric', 'AE', orig, out, 'null:'], { encoding: 'utf8' });
      expect(/^\S+/.exec(cmp.stderr.trim())?.[0]?.replace(/compare.*$/, ''), `${file}: pixels differ (${cmp.stderr.trim()})`).toBe('0');
    }
    rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});

describe('planClean(): formats it does not clean', () => {
  test.each(['exifr__tif-with-iptc-icc-xmp.tif', 'immich__IMG_2682.heic', 'mei__Issue_649.avif'])('%s is refused as unsupported', async (file) => {
    await expect(planClean(bufferSource(load(file)))).rejects.toMatchObject({ name: 'FormatError', code: 'unsupported' });
  });

  test('an inventory that does not describe the file is refused', async () => {
    const bytes = load('ianare__Canon_40D.jpg');
    const inv = await walk(bufferSource(bytes));
    await expect(planClean(bufferSource(bytes.subarray(0, 1000)), undefined, inv)).rejects.toBeInstanceOf(FormatError);
  });
});
