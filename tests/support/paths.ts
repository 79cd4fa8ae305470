/** Where the shared, read-only fixture corpus lives (beside the repository). */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = process.env['SHARED_DIR'] ?? resolve(ROOT, '../shared');
export const FIXTURES = join(SHARED, 'fixtures');
export const IMAGES = join(FIXTURES, 'images');
export const TRUTH = join(FIXTURES, 'truth');

if (!existsSync(IMAGES)) throw new Error(`Fixture corpus not found at ${IMAGES} (set SHARED_DIR)`);

/** One row of fixtures/manifest.json. */
export const manifestEntrySchema = z.object({
  file: z.string(),
  format: z.string(),
  has_gps: z.boolean(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  datetime_original: z.string().nullable(),
  orientation: z.number().nullable(),
  has_thumbnail: z.boolean(),
  has_xmp: z.boolean(),
  has_iptc: z.boolean(),
  has_icc: z.boolean(),
  has_makernotes: z.boolean(),
  gps_hemisphere: z.string().nullable(),
  synthetic: z.boolean(),
  broken: z.boolean(),
  notes: z.string().nullable(),
  bytes: z.number(),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const MANIFEST: ManifestEntry[] = z.array(manifestEntrySchema).parse(JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')));

/** exiftool's ground truth for one fixture (`-j -G1 -n`). */
export function truthFor(file: string): Record<string, unknown> {
  const parsed = z.array(z.record(z.string(), z.unknown())).parse(JSON.parse(readFileSync(join(TRUTH, `${file}.json`), 'utf8')));
  return parsed[0] ?? {};
}

/** A fresh temporary folder for test output (the corpus is read-only). */
export function tempDir(prefix = 'bya-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
