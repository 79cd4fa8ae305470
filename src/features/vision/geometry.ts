/**
 * Boxes on the picture. Everything the scan reports is in fractions of the
 * oriented picture (0–1, origin top left), so the page can draw it over a
 * preview of any size and the redaction can scale it to the full-size pixels.
 * Pure: no DOM.
 */
import { z } from 'zod';

/** A rectangle in fractions of the picture's width and height. */
export const boxSchema = z.object({
  /** Left edge, 0–1 of the width. */
  x: z.number().min(0).max(1),
  /** Top edge, 0–1 of the height. */
  y: z.number().min(0).max(1),
  /** Width, 0–1 of the picture's width. */
  w: z.number().min(0).max(1),
  /** Height, 0–1 of the picture's height. */
  h: z.number().min(0).max(1),
});
export type Box = z.infer<typeof boxSchema>;

/** A rectangle in pixels of some image (a tile, a downscaled copy). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** A pixel rectangle of a `width`×`height` image as a Box, clipped to the picture. */
export function toBox(rect: Rect, width: number, height: number): Box {
  const x0 = clamp01(rect.x / width);
  const y0 = clamp01(rect.y / height);
  const x1 = clamp01((rect.x + rect.w) / width);
  const y1 = clamp01((rect.y + rect.h) / height);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Area of the overlap of two rectangles (0 when apart). */
export function intersection(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The smallest rectangle holding all of them. */
export function union(rects: readonly Rect[]): Rect {
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.w));
  const y1 = Math.max(...rects.map((r) => r.y + r.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Scale that brings the long edge down to `maxEdge` (never up). */
export function downscale(width: number, height: number, maxEdge: number): { width: number; height: number; scale: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}
