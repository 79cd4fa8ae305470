/**
 * What outside tools say about a clean file: exiftool for metadata, ImageMagick
 * for decoded pixels. The cleaner's unit tests (formats-clean) and browser
 * tests (cleaner.spec) use these as oracles, with the one allow-list below.
 */
import { spawnSync } from 'node:child_process';
import { z } from 'zod';

/** exiftool -j -G1 -a -n, parsed. */
export function exiftool(path: string): Record<string, unknown> {
  const run = spawnSync('exiftool', ['-j', '-G1', '-a', '-n', path], { encoding: 'utf8' });
  if (run.error) throw run.error;
  const parsed = z.array(z.record(z.string(), z.unknown())).parse(JSON.parse(run.stdout));
  return parsed[0] ?? {};
}

/**
 * exiftool -G1 tags that describe the picture itself, not the person or the
 * device, by group ('*': any tag of the group). ExifTool:Warning is not here:
 * exiftool reports trailers, data after IEND and broken structures as
 * warnings, so a clean file has none.
 */
export const STRUCTURE: Record<string, ReadonlySet<string>> = {
  SourceFile: new Set(['']),
  System: new Set(['*']),
  ExifTool: new Set(['ExifToolVersion']),
  File: new Set([
    'FileType',
    'FileTypeExtension',
    'MIMEType',
    'ImageWidth',
    'ImageHeight',
    'EncodingProcess',
    'BitsPerSample',
    'ColorComponents',
    'YCbCrSubSampling',
  ]),
  Composite: new Set(['ImageSize', 'Megapixels']),
  JFIF: new Set(['*']),
  Adobe: new Set(['*']),
  PNG: new Set([
    'ImageWidth',
    'ImageHeight',
    'BitDepth',
    'ColorType',
    'Compression',
    'Filter',
    'Interlace',
    'Gamma',
    'SRGBRendering',
    'BackgroundColor',
    'Palette',
    'Transparency',
    'SignificantBits',
    'WhitePointX',
    'WhitePointY',
    'RedX',
    'RedY',
    'GreenX',
    'GreenY',
    'BlueX',
    'BlueY',
  ]),
  'PNG-pHYs': new Set(['*']),
  RIFF: new Set([
    'WebP_Flags',
    'ImageWidth',
    'ImageHeight',
    'VP8Version',
    'HorizontalScale',
    'VerticalScale',
    'AlphaPreprocessing',
    'AlphaFiltering',
    'AlphaCompression',
    'BackgroundColor',
    'AnimationLoopCount',
  ]),
};

/**
 * Every tag exiftool reports that a clean file should not have: anything
 * outside the picture's structure, EXIF beyond Orientation (or any EXIF when
 * the orientation was not kept), a colour profile the reader did not keep,
 * and every warning (exiftool warns about trailers and broken structures).
 */
export function leftoverTags(tags: Record<string, unknown>, keep: { orientation: boolean; icc: boolean }): string[] {
  const out: string[] = [];
  for (const key of Object.keys(tags)) {
    const [group = '', name = ''] = key.includes(':') ? key.split(':') : [key, ''];
    if (group === 'IFD0' && name === 'Orientation' && keep.orientation) continue;
    if (group === 'File' && name === 'ExifByteOrder' && keep.orientation) continue;
    if ((group === 'ICC_Profile' || group.startsWith('ICC-') || (group === 'PNG' && name === 'ProfileName')) && keep.icc) continue;
    const allowed = STRUCTURE[group];
    if (allowed && (allowed.has('*') || allowed.has(name))) continue;
    out.push(`${key}=${JSON.stringify(tags[key])}`.slice(0, 160));
  }
  return out;
}

/** True when exiftool reports a colour profile. */
export function hasIcc(tags: Record<string, unknown>): boolean {
  return Object.keys(tags).some((k) => k.startsWith('ICC_Profile:') || k.startsWith('ICC-header:'));
}

/** ImageMagick's count of differing pixels between two images (0 = identical decoded pixels). */
export function pixelDifference(a: string, b: string): number {
  const run = spawnSync('compare', ['-metric', 'AE', a, b, 'null:'], { encoding: 'utf8' });
  if (run.error) throw run.error;
  const value = Number.parseFloat(run.stderr.trim().split(/\s+/)[0] ?? 'NaN');
  if (Number.isNaN(value)) throw new Error(`compare: ${run.stderr}`);
  return value;
}

/** Width and height as ImageMagick decodes them (throws when it cannot decode). */
export function decodedSize(path: string): { width: number; height: number } {
  const run = spawnSync('identify', ['-format', '%w %h', `${path}[0]`], { encoding: 'utf8' });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`identify failed: ${run.stderr}`);
  const [w = 'NaN', h = 'NaN'] = run.stdout.trim().split(' ');
  return { width: Number(w), height: Number(h) };
}
