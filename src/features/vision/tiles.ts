/**
 * Where to run OCR. One pass over a whole photo reads nothing of a small badge
 * on a table; a 900×700 or 1200×800 tile that holds it reads it (research
 * vision-2026-12, addendum: tesseract.js 7, sparse text, 0.3–0.7 s a tile).
 * So the OCR copy is cut into overlapping tiles of about 1,000 px, plus one
 * whole-frame pass for text that fills the frame. Pure: no DOM.
 */
import type { Rect } from './geometry';

/** Tile edge in pixels of the OCR copy (research addendum: 900–1,200 px tiles read a 30 px badge). */
export const TILE_SIZE = 1000;
/** Overlap between neighbours: a word up to this wide is whole in at least one tile. */
export const TILE_OVERLAP = 200;
/** Long edge of the copy OCR reads: 2,560 px read planted text in 1.5–3.3 s (research §3.3); 12 MP at full size took 4 s and was noisier. */
export const OCR_MAX_EDGE = 2560;

/** Start positions of tiles along one axis of `length` px, evenly spread, first at 0, last flush with the end. */
export function axisStarts(length: number, tile: number, overlap: number): number[] {
  if (tile <= overlap) throw new Error('tile must be larger than overlap');
  if (length <= tile) return [0];
  const n = Math.ceil((length - overlap) / (tile - overlap));
  const span = length - tile;
  return Array.from({ length: n }, (_, i) => Math.round((i * span) / (n - 1)));
}

/**
 * Overlapping tiles covering a `width`×`height` image, row by row. An image
 * no larger than one tile gets one tile (the whole frame), so the caller can
 * skip its separate whole-frame pass.
 */
export function planTiles(width: number, height: number, tile: number = TILE_SIZE, overlap: number = TILE_OVERLAP): Rect[] {
  const xs = axisStarts(width, tile, overlap);
  const ys = axisStarts(height, tile, overlap);
  return ys.flatMap((y) => xs.map((x) => ({ x, y, w: Math.min(tile, width), h: Math.min(tile, height) })));
}
