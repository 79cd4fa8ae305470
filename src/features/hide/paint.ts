/**
 * How a region is painted, on a plain RGBA buffer (an ImageData's data in the
 * worker, a typed array in unit tests). Never a soft blur: a blur's
 * semi-transparent edges let the original show through (image-scrubber PR
 * #14), and blurred faces are recognised by machines (McPherson, Shokri &
 * Shmatikov, arXiv 1609.00408, 2016). Pure: no DOM.
 */
import type { Rect } from '../vision/geometry';
import type { PaintStyle } from './regions';

/** The solid fill: opaque near-black (RGB 16,16,16), the same on every photo. */
export const FILL: readonly [number, number, number] = [16, 16, 16];
/** At least this many cells across the region's short side: cells are ≥ 1/8 of it (research §6.4). */
export const CELLS_ACROSS = 8;
/** Each channel of a cell's colour is rounded to a multiple of this (32 levels): fine shading goes. */
export const QUANT = 8;
/** Noise added to each pixel of a cell, ±NOISE per channel: no pixel keeps a value a model could match exactly. */
export const NOISE = 24;

/** A random number in [0, 1); injectable so tests are repeatable. */
export type Random = () => number;

/** An RGBA image in memory. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Cell side for a region: its short side / CELLS_ACROSS, rounded up, at least 2 px. */
export function cellSize(rect: Rect): number {
  return Math.max(2, Math.ceil(Math.min(rect.w, rect.h) / CELLS_ACROSS));
}

/** Paints `rect` of `image` in `style`; everything outside `rect` is left as it was. */
export function paintRegion(image: Pixels, rect: Rect, style: PaintStyle, random: Random = Math.random): void {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(image.width, Math.ceil(rect.x + rect.w));
  const y1 = Math.min(image.height, Math.ceil(rect.y + rect.h));
  if (x1 <= x0 || y1 <= y0) return;
  const clipped = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  if (style === 'fill') fill(image, clipped);
  else pixelate(image, clipped, random);
}

function fill(image: Pixels, r: Rect): void {
  const { data, width } = image;
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let i = (y * width + r.x) * 4, end = (y * width + r.x + r.w) * 4; i < end; i += 4) {
      data[i] = FILL[0];
      data[i + 1] = FILL[1];
      data[i + 2] = FILL[2];
      data[i + 3] = 255;
    }
  }
}

/**
 * Coarse cells over an opaque base: each cell takes its mean colour, rounded
 * to QUANT, then every pixel gets its own noise and full opacity. Nothing of
 * the original is left but one coarse colour per cell (and with 8 cells
 * across a face, no feature is a cell of its own).
 */
function pixelate(image: Pixels, r: Rect, random: Random): void {
  const { data, width } = image;
  const side = cellSize(r);
  for (let cy = r.y; cy < r.y + r.h; cy += side) {
    const ch = Math.min(side, r.y + r.h - cy);
    for (let cx = r.x; cx < r.x + r.w; cx += side) {
      const cw = Math.min(side, r.x + r.w - cx);
      const sum = [0, 0, 0];
      for (let y = cy; y < cy + ch; y++) {
        for (let i = (y * width + cx) * 4, end = (y * width + cx + cw) * 4; i < end; i += 4) {
          sum[0]! += data[i]!;
          sum[1]! += data[i + 1]!;
          sum[2]! += data[i + 2]!;
        }
      }
      const n = cw * ch;
      const mean = sum.map((s) => Math.round(s / n / QUANT) * QUANT);
      for (let y = cy; y < cy + ch; y++) {
        for (let i = (y * width + cx) * 4, end = (y * width + cx + cw) * 4; i < end; i += 4) {
          for (let c = 0; c < 3; c++) data[i + c] = mean[c]! + Math.round((random() * 2 - 1) * NOISE);
          data[i + 3] = 255;
        }
      }
    }
  }
}
