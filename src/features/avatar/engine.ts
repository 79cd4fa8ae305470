/**
 * The DiceBear side of the avatar maker, loaded with a dynamic import only when the
 * island hydrates (the styles weigh far more than the island itself).
 * Library output is checked before use: it must be one SVG document, which the island
 * shows through an <img src="blob:…">, never as inline markup.
 */
import { createAvatar, type Options, type Style } from '@dicebear/core';
import { lorelei, notionists, pixelArt, thumbs } from '@dicebear/collection';
import * as z from 'zod/mini';
import { AVATAR_BACKGROUNDS, type AvatarSettings, type AvatarStyle } from './settings';

const STYLES: Record<AvatarStyle, Style<object>> = { lorelei, notionists, thumbs, pixelArt };

/** What DiceBear must return: a single SVG document of bounded size. */
const svgOutputSchema = z.string().check(
  z.startsWith('<svg'),
  z.endsWith('</svg>'),
  z.maxLength(400_000),
);

/** Draws an avatar as SVG text; `null` when the library returns anything but one SVG document. */
export function drawAvatar(settings: AvatarSettings): string | null {
  const background = AVATAR_BACKGROUNDS[settings.background];
  const options: Options = {
    seed: settings.seed,
    flip: settings.flip,
    size: 512,
    ...(background === null ? {} : { backgroundColor: [background] }),
  };
  const parsed = svgOutputSchema.safeParse(createAvatar(STYLES[settings.style], options).toString().trim());
  return parsed.success ? parsed.data : null;
}
