/**
 * When to show the "add to home screen" hint, and the one thing it stores: that
 * the reader dismissed it. Shown on phones only (a coarse pointer), never in
 * the installed app, never again once dismissed. Installing puts the site in
 * the phone's share sheet (Web Share Target) and keeps it offline.
 */

/** localStorage key; the value is always 'dismissed'. */
export const INSTALL_HINT_KEY = 'bya.installHint.v1';

/** The platform, as far as the hint's wording needs it. */
export type InstallPlatform = 'ios' | 'other';

/** Whether to show the hint, from what the page can observe. */
export function shouldShowHint(env: { coarsePointer: boolean; standalone: boolean; dismissed: boolean }): boolean {
  return env.coarsePointer && !env.standalone && !env.dismissed;
}

/** iPhone and iPad (iPadOS reports a Mac with touch): Safari has no share target, so the wording differs. */
export function platformOf(userAgent: string, maxTouchPoints: number): InstallPlatform {
  return /iPhone|iPad|iPod/.test(userAgent) || (userAgent.includes('Macintosh') && maxTouchPoints > 1) ? 'ios' : 'other';
}

/** Reads the dismissal (storage may be disabled: then the hint shows, and dismissing hides it for this page). */
export function isDismissed(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    return storage?.getItem(INSTALL_HINT_KEY) === 'dismissed';
  } catch {
    return false;
  }
}

/** Remembers the dismissal in this browser. */
export function dismiss(storage: Pick<Storage, 'setItem'> | null): void {
  try {
    storage?.setItem(INSTALL_HINT_KEY, 'dismissed');
  } catch {
    /* storage disabled: hidden for this page only */
  }
}
