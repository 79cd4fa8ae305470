/**
 * Hands a Blob to the reader as a download: an anchor with `download` and an
 * object URL. Nothing is uploaded; the browser writes the file to disk. The one
 * helper for every tool (clean photos and ZIPs, the GDPR letter, avatars).
 */

// The browser starts reading the object URL when the click is dispatched, but
// revoking in the same task cancels the download in some browsers: a minute is ample.
const REVOKE_AFTER_MS = 60_000;

/** Saves `blob` under `name` through the browser's download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
