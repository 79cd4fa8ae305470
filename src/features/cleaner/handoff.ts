/**
 * Handing a clean photo straight to the AI app, without a download: the Web
 * Share API with files (Android, iOS, Windows, macOS Safari) and the
 * clipboard (PNG, the only image type browsers accept there). Both are the
 * browser's own features: the file goes from this page to the app the reader
 * picks, on the device; nothing is uploaded by us.
 */

/** What a share or a copy came to (the page says so in its own words). */
export type HandoffResult = 'done' | 'cancelled' | 'refused' | 'unsupported';

/** True when this browser can share these files (navigator.share with files, checked with canShare). */
export function canShareFiles(files: readonly File[]): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.share !== 'function' || typeof navigator.canShare !== 'function') return false;
  try {
    return files.length > 0 && navigator.canShare({ files: [...files] });
  } catch {
    return false;
  }
}

/** Opens the system share sheet with the files. */
export async function shareFiles(files: readonly File[]): Promise<HandoffResult> {
  if (!canShareFiles(files)) return 'unsupported';
  try {
    await navigator.share({ files: [...files] });
    return 'done';
  } catch (error) {
    // AbortError: the reader closed the sheet; NotAllowedError: no user gesture or a policy refused it.
    if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    return 'refused';
  }
}

/** True when this browser can put an image on the clipboard. */
export function canCopyImage(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the DOM types say navigator.clipboard always exists; it is undefined outside a secure context
  return typeof ClipboardItem === 'function' && typeof navigator !== 'undefined' && typeof navigator.clipboard?.write === 'function';
}

/**
 * Puts a PNG on the clipboard. `png` is a promise so that the write starts in
 * the reader's click (Safari refuses a clipboard write that starts after an await).
 */
export async function copyPng(png: Promise<Blob>): Promise<HandoffResult> {
  if (!canCopyImage()) return 'unsupported';
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return 'done';
  } catch {
    return 'refused';
  }
}
