/**
 * The DiceBear side of the avatar maker, loaded with a dynamic import only when the
 * island hydrates. Each style is a further chunk, fetched the first time it is picked:
 * the four styles together weigh ≈ 176 KB gzip, one alone 25–65 KB.
 * Library output is checked before use: it must be one SVG document, which the island
 * shows through an <img src="blob:…">, never as inline markup.
 */
import { createAvatar, type Options, type Style } from '@dicebear/core';
import * as z from 'zod/mini';
import { AVATAR_BACKGROUNDS, type AvatarSettings, type AvatarStyle } from './settings';

/** A DiceBear style, whatever its own options. */
export type LoadedStyle = Style<object>;

const LOADERS: Record<AvatarStyle, () => Promise<{ style: LoadedStyle }>> = {
  lorelei: () => import('./styles/lorelei'),
  notionists: () => import('./styles/notionists'),
  thumbs: () => import('./styles/thumbs'),
  pixelArt: () => import('./styles/pixel-art'),
};

/** Fetches one style's chunk (the browser caches it after the first time). */
export async function loadStyle(key: AvatarStyle): Promise<LoadedStyle> {
  return (await LOADERS[key]()).style;
}

/** What DiceBear must return: a single SVG document of bounded size. */
const svgOutputSchema = z.string().check(z.startsWith('<svg'), z.endsWith('</svg>'), z.maxLength(400_000));

/** Draws an avatar as SVG text; `null` when the library returns anything but one SVG document. */
export function drawAvatar(style: LoadedStyle, settings: AvatarSettings): string | null {
  const background = AVATAR_BACKGROUNDS[settings.background];
  const options: Options = {
    seed: settings.seed,
    flip: settings.flip,
    size: 512,
    ...(background === null ? {} : { backgroundColor: [background] }),
  };
  const parsed = svgOutputSchema.safeParse(createAvatar(style, options).toString().trim());
  return parsed.success ? parsed.data : null;
}
