/**
 * Names for clean files. A camera name such as IMG_20250405_143210.jpg
 * carries the date and time the photo was taken, so the cleaner proposes a
 * neutral name instead; the reader may edit it. Pure functions, no DOM.
 */

/** Output formats the cleaner writes. */
export type OutputFormat = 'jpeg' | 'png' | 'webp';

/** The file extension for an output format. */
export function extensionFor(format: OutputFormat): string {
  return format === 'jpeg' ? 'jpg' : format;
}

/** The MIME type for an output format. */
export function mimeFor(format: OutputFormat): string {
  return `image/${format}`;
}

/** The proposed neutral name of the n-th clean file (1-based): `photo-1.jpg`. */
export function neutralName(position: number, format: OutputFormat): string {
  return `photo-${Math.max(1, Math.floor(position))}.${extensionFor(format)}`;
}

// Path separators, control characters and characters Windows refuses in names.
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not carry
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;
/** Longest name we hand to the browser (most file systems allow 255 bytes). */
const MAX_LENGTH = 120;

/**
 * Turns what the reader typed into a safe file name with the right extension:
 * unsafe characters become "-", leading dots and spaces go (no hidden files),
 * any extension the reader typed is replaced by the one of the real format,
 * and an empty result falls back to the neutral name.
 */
export function safeFileName(typed: string, format: OutputFormat, position: number): string {
  const ext = extensionFor(format);
  let base = typed.normalize('NFC').replace(UNSAFE, '-').trim();
  base = base
    .replace(/\.(jpe?g|png|webp|heic|heif|avif|tiff?|gif)$/i, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (base.length > MAX_LENGTH) base = base.slice(0, MAX_LENGTH).trim();
  if (base === '') return neutralName(position, format);
  return `${base}.${ext}`;
}

/**
 * Makes names unique inside one ZIP (two entries with the same name would
 * overwrite each other when unpacked): the second `photo.jpg` becomes
 * `photo-2.jpg`, and so on. Comparison ignores case (Windows and macOS do).
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const base = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
