/**
 * The regions to hide on one photo, as pure geometry: boxes in fractions of
 * the oriented picture (0–1, like the scan's boxes, see vision/geometry.ts),
 * padded when they come from a detector, clamped to the picture, moved and
 * resized by keyboard steps, with an undo stack. No DOM: unit tests reach
 * every rule, and the worker scales the same boxes to full-size pixels.
 */
import { z } from 'zod';
import { boxSchema, type Box, type Rect } from '../vision/geometry';

/** What a region hides: a detected face, text line or object, or a rectangle the reader drew. */
export const regionKindSchema = z.enum(['face', 'text', 'object', 'drawn']);
export type RegionKind = z.infer<typeof regionKindSchema>;

/** How a region is painted. Solid fill always; coarse pixels only on faces (see allowedStyle). */
export const paintStyleSchema = z.enum(['fill', 'pixelate']);
export type PaintStyle = z.infer<typeof paintStyleSchema>;

/** One region to hide. */
export const regionSchema = z.object({
  /** Unique within a photo; detected regions reuse the scan's box id ("face-0", "line-3"). */
  id: z.string().min(1),
  kind: regionKindSchema,
  /** Already padded: what is painted is exactly this box. */
  box: boxSchema,
  style: paintStyleSchema,
});
export type Region = z.infer<typeof regionSchema>;

/**
 * Padding around a detected box, as a fraction of its short side in pixels, on
 * every side: detectors draw boxes tight to the face or the letters' ink, and
 * hair, ears, descenders and the edge of a badge sit just outside (research
 * vision-2026-12 §6.4 asks for 10–20 %; 15 % is the middle).
 */
export const PAD_FRACTION = 0.15;
/** Keyboard step: 1 % of the picture's width or height per arrow press. */
export const KEY_STEP = 0.01;
/** Smallest side of a region, in fractions: 1 % (a 40 px side on a 4,000 px photo). */
export const MIN_SIDE = 0.01;
/** Side of the region "Add a region" puts in the middle: a fifth of the picture. */
export const NEW_SIDE = 0.2;
/** How many changes undo remembers (a long keyboard session of arrow presses stays undoable). */
export const UNDO_DEPTH = 200;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** A box pushed and cut back inside the picture, each side at least MIN_SIDE. */
export function clampBox(box: Box): Box {
  const w = clamp(box.w, MIN_SIDE, 1);
  const h = clamp(box.h, MIN_SIDE, 1);
  return { x: clamp(box.x, 0, 1 - w), y: clamp(box.y, 0, 1 - h), w, h };
}

/**
 * A detected box grown by `fraction` of its short side (in pixels of the
 * `width`×`height` picture) on each side, then cut at the picture's edges (not
 * pushed: the box stays centred on what was found).
 */
export function padBox(box: Box, width: number, height: number, fraction = PAD_FRACTION): Box {
  const pad = fraction * Math.min(box.w * width, box.h * height);
  const px = pad / width;
  const py = pad / height;
  const x0 = clamp(box.x - px, 0, 1);
  const y0 = clamp(box.y - py, 0, 1);
  const x1 = clamp(box.x + box.w + px, 0, 1);
  const y1 = clamp(box.y + box.h + py, 0, 1);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Fractions carry float error (1/3 × 3000 = 999.9999…): edges within a millionth of a pixel count as whole. */
const EPSILON = 1e-6;

/** The region's pixels in a `width`×`height` image: edges rounded outwards, so the painted area never falls short of the box. */
export function toPixels(box: Box, width: number, height: number): Rect {
  const x0 = clamp(Math.floor(box.x * width + EPSILON), 0, width);
  const y0 = clamp(Math.floor(box.y * height + EPSILON), 0, height);
  const x1 = clamp(Math.ceil((box.x + box.w) * width - EPSILON), 0, width);
  const y1 = clamp(Math.ceil((box.y + box.h) * height - EPSILON), 0, height);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Text and drawn regions are always a solid fill: pixelated or blurred text can be read back (Depix; Hill et al., PETS 2016). */
export function allowedStyle(kind: RegionKind, wanted: PaintStyle): PaintStyle {
  return kind === 'face' ? wanted : 'fill';
}

/** An arrow key's effect. */
export type Arrow = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/** Arrow moves the box by KEY_STEP; with `resize` (Shift) it grows or shrinks the right or bottom edge instead. Always stays inside the picture. */
export function nudge(box: Box, key: Arrow, resize: boolean, step = KEY_STEP): Box {
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  if (!resize) return clampBox({ ...box, x: box.x + dx, y: box.y + dy });
  // Resizing never moves the top-left corner, and stops at the picture's edge.
  const w = clamp(box.w + dx, MIN_SIDE, 1 - box.x);
  const h = clamp(box.h + dy, MIN_SIDE, 1 - box.y);
  return { ...box, w, h };
}

/** The rectangle between two points of a pointer drag (either direction), inside the picture. */
export function dragBox(a: { x: number; y: number }, b: { x: number; y: number }): Box {
  const x0 = clamp(Math.min(a.x, b.x), 0, 1);
  const y0 = clamp(Math.min(a.y, b.y), 0, 1);
  const x1 = clamp(Math.max(a.x, b.x), 0, 1);
  const y1 = clamp(Math.max(a.y, b.y), 0, 1);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A centred region of NEW_SIDE×NEW_SIDE. */
export function centredBox(): Box {
  return { x: (1 - NEW_SIDE) / 2, y: (1 - NEW_SIDE) / 2, w: NEW_SIDE, h: NEW_SIDE };
}

/**
 * The regions of one photo and the history that undo walks back. Every
 * change replaces the list (the old one goes on the stack), so one undo takes
 * back exactly one change: a toggle of a finding, an arrow press, a drawn
 * rectangle, a removal.
 */
export class RegionHistory {
  #regions: readonly Region[] = [];
  readonly #past: Array<readonly Region[]> = [];

  get regions(): readonly Region[] {
    return this.#regions;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  /** Replaces the list, remembering the previous one. */
  set(next: readonly Region[]): void {
    this.#past.push(this.#regions);
    if (this.#past.length > UNDO_DEPTH) this.#past.shift();
    this.#regions = next;
  }

  /** Goes back one change; false when there is nothing to undo. */
  undo(): boolean {
    const previous = this.#past.pop();
    if (!previous) return false;
    this.#regions = previous;
    return true;
  }
}
