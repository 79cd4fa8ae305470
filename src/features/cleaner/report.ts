/**
 * Reader-facing text for one outcome, from the namespace strings the island
 * receives as a prop. Pure functions (no DOM, no Svelte), so unit tests reach
 * them; every value they produce is rendered as text, never as HTML.
 */
import { formatBytes } from '../../lib/format-bytes';
import type { Cleaned, Failed } from './protocol';
import { makeT } from '../../i18n/format';

/** The `cleaner` namespace strings, as passed from the Astro side. */
export type Strings = Readonly<Record<string, string>>;

const FORMAT_NAMES: Record<string, string> = { heic: 'HEIC', avif: 'AVIF', jpeg: 'JPEG', png: 'PNG', webp: 'WebP', tiff: 'TIFF', gif: 'GIF' };

/** The display name of a format. */
export function formatName(format: string): string {
  return FORMAT_NAMES[format] ?? format.toUpperCase();
}

/** The message for a refused file (without the file name). */
export function failureMessage(failure: Failed, strings: Strings, sourceFormat = 'heic'): string {
  const t = makeT(strings);
  if (failure.code === 'verify-failed') {
    const leftovers = failure.leftovers.map((code) => strings[`leftover.${code}`] ?? strings[`kind.${code}`] ?? code);
    return t('error.verify-failed', { leftovers: leftovers.join(', ') });
  }
  return t(`error.${failure.code}`, { format: formatName(sourceFormat) });
}

/** The "removed" list lines for a clean file. */
export function removedLines(result: Pick<Cleaned, 'removed'>, strings: Strings, locale: string): string[] {
  const t = makeT(strings);
  return result.removed.map((r) => t('file.removedItem', { kind: t(`kind.${r.kind}`), count: r.count, size: formatBytes(r.bytes, locale) }));
}

/** The "left on purpose" list lines for a clean file. */
export function leftLines(result: Pick<Cleaned, 'left'>, strings: Strings): string[] {
  const t = makeT(strings);
  // A kept EXIF holds the orientation alone: naming it with the removed EXIF's description (camera, date, GPS…) would alarm for nothing.
  return result.left.map((l) =>
    t('file.leftItem', {
      kind: l.kind === 'exif' && l.reason === 'orientation' ? t('left.exifOrientation') : t(`kind.${l.kind}`),
      reason: t(`reason.${l.reason}`),
    }),
  );
}
