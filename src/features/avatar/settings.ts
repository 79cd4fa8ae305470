/**
 * What the reader can choose for an avatar. No DiceBear import here: this module
 * ships with the island at once, the drawing library only once it hydrates (engine.ts).
 */

/** The DiceBear styles offered: all four are CC0 drawings (see the credits string). */
export const AVATAR_STYLES = ['lorelei', 'notionists', 'thumbs', 'pixelArt'] as const;
export type AvatarStyle = (typeof AVATAR_STYLES)[number];

/** Background swatches, as DiceBear wants them (hex without `#`); `none` is transparent. */
export const AVATAR_BACKGROUNDS = { none: null, mint: 'c8e6dc', sand: 'f1e3c6', sky: 'cfe3f5', lilac: 'e3d7f2' } as const;
export type AvatarBackground = keyof typeof AVATAR_BACKGROUNDS;
export const BACKGROUND_KEYS = Object.keys(AVATAR_BACKGROUNDS) as AvatarBackground[];

/** Everything that decides the drawing: the same settings always give the same avatar. */
export interface AvatarSettings {
  style: AvatarStyle;
  /** Any text; DiceBear derives every feature from it. */
  seed: string;
  background: AvatarBackground;
  /** Mirror the drawing horizontally. */
  flip: boolean;
}

/** Side of the PNG download, in pixels: large enough for a profile picture or a prompt. */
export const PNG_SIZE = 512;

/** A random seed for "another one": eight letters and digits from the platform's CSPRNG. */
export function randomSeed(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => alphabet[b % alphabet.length] ?? 'a').join('');
}

/** A file name from the seed and style: lowercase ASCII only, never empty. */
export function avatarFileName(settings: Pick<AvatarSettings, 'seed' | 'style'>, extension: 'svg' | 'png'): string {
  const slug = settings.seed
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // drop the accents NFKD split off: "Éloïse" → "eloise"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `avatar-${settings.style.toLowerCase()}-${slug || 'seed'}.${extension}`;
}
