/**
 * The Web Share Target: the installed site appears in the phone's share
 * sheet for images (manifest.webmanifest `share_target`). The system sends
 * the shared photos as a `POST` of `multipart/form-data` to SHARE_PATH; this
 * service worker answers it itself, so the request never leaves the device
 * (no server exists to receive it). The photos are put in a short-lived cache
 * of their own, and the reader is sent to the cleaner, which takes them out
 * and empties the cache (src/features/photos/shared.ts). Pure of worker
 * globals: the unit tests drive it with fakes.
 */

/** Where the share sheet posts (manifest `share_target.action`). */
export const SHARE_PATH = '/share/';
/** The form field of the files (manifest `share_target.params.files[0].name`). */
export const SHARE_FIELD = 'photos';
/** The cache that holds shared photos until the cleaner takes them (never a build's cache). */
export const SHARE_CACHE = 'bya-share-v1';
/** Where each shared photo waits in SHARE_CACHE: `/share/file/<n>`. */
export const SHARED_FILE_PATH = `${SHARE_PATH}file/`;
/** The original file name, URI-encoded, on each cached photo. */
export const NAME_HEADER = 'x-bya-name';
/** At most this many photos are kept from one share; the rest are counted and said. */
export const MAX_SHARED_FILES = 100;

/** The cleaner's page in the reader's language, as the share lands. */
export const LANDING = { fr: '/outils/inspecteur/', en: '/en/tools/inspector/' } as const;

/** True for the share sheet's POST to SHARE_PATH on our own origin. */
export function isShareRequest(request: Request, origin: string): boolean {
  const url = new URL(request.url);
  return request.method === 'POST' && url.origin === origin && url.pathname === SHARE_PATH;
}

/** An image as a share can carry it: by MIME type, or by extension for HEIC/AVIF files some systems send untyped. */
export function isImageFile(value: FormDataEntryValue): value is File {
  return typeof value !== 'string' && (value.type.startsWith('image/') || /\.(heic|heif|avif|jpe?g|png|webp)$/i.test(value.name));
}

/** What one share came to: how many photos wait for the cleaner, and how many were left out (not images, or past the limit). */
export interface ShareOutcome {
  kept: number;
  skipped: number;
}

/** The landing URL: the cleaner, told how many photos wait (0: the share held none) and how many were left out. */
export function landingUrl(origin: string, language: string, outcome: ShareOutcome): string {
  const path = language.toLowerCase().startsWith('fr') ? LANDING.fr : LANDING.en;
  const url = new URL(path, origin);
  url.searchParams.set('shared', String(outcome.kept));
  if (outcome.skipped > 0) url.searchParams.set('skipped', String(outcome.skipped));
  url.hash = 'cleaner';
  return url.href;
}

/**
 * Receives a share: keeps its images in SHARE_CACHE (emptied first: one share
 * at a time) and answers with a 303 redirect to the cleaner, which loads them.
 */
export async function receiveShare(caches: CacheStorage, request: Request, origin: string, language: string): Promise<Response> {
  let entries: FormDataEntryValue[];
  try {
    entries = (await request.formData()).getAll(SHARE_FIELD);
  } catch {
    entries = []; // not a form: the cleaner says the share held no photo
  }
  const images = entries.filter(isImageFile);
  const kept = images.slice(0, MAX_SHARED_FILES);
  await caches.delete(SHARE_CACHE);
  if (kept.length > 0) {
    const cache = await caches.open(SHARE_CACHE);
    await Promise.all(
      kept.map((file, i) =>
        cache.put(
          new URL(`${SHARED_FILE_PATH}${i}`, origin).href,
          new Response(file, { headers: { 'content-type': file.type || 'application/octet-stream', [NAME_HEADER]: encodeURIComponent(file.name) } }),
        ),
      ),
    );
  }
  const outcome = { kept: kept.length, skipped: entries.length - kept.length };
  return Response.redirect(landingUrl(origin, language, outcome), 303);
}
