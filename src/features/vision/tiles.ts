/**
 * Where to run OCR. One pass over a whole photo reads nothing of a small badge
 * on a table; a 900×700 or 1200×800 tile that holds it reads it (research
 * vision-2026-12, addendum: tesseract.js 7, sparse text, 0.3–0.7 s a tile).
 * So OCR reads the regions that may hold text (textmap.ts), each whole when it
 * is small, and a large one whole and as overlapping tiles of about 1,000 px;
 * a sky, a wall or a plain background is not read at all. Pure: no DOM.
 */
import { intersection, union, type Rect } from './geometry';
import { textCellsIn, type TextMap } from './textmap';

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

/** Cells a text-like cell reaches sideways and up or down when regions are formed: letters and words of one line, and lines of one block, join. */
export const JOIN_CELLS = { x: 2, y: 1 };
/** A region with fewer text-like cells is a speck (a logo's edge, a glint), not worth a pass. */
export const MIN_REGION_CELLS = 2;
/** A region larger than this (px of the OCR copy) on either side is read as tiles: the research addendum read a 30 px badge in 900–1,200 px tiles, not in a whole frame. */
export const MAX_REGION = 1600;

/** One OCR pass: where, and how Tesseract segments it. */
export interface Read {
  area: Rect;
  /**
   * `sparse` (PSM 11) finds words anywhere: what a small badge needs. `auto`
   * (PSM 3) follows a page's layout: on the 12 MP bench scene (two busy
   * portraits, a badge), only the whole-frame auto pass read the badge's
   * 27 px "Infirmière", which no sparse tile did.
   */
  layout: 'sparse' | 'auto';
}

/**
 * The parts of the OCR copy worth reading, most text first: regions of
 * text-like cells (see textmap.ts) joined into lines and blocks, with a
 * margin of one cell. A region larger than MAX_REGION is read once whole
 * (auto layout) and as overlapping tiles that hold text-like cells (sparse).
 * `scale` is how many pixels of the copy one pixel of the map's grey image
 * stands for. A picture with no text-like cell gets no pass at all.
 */
export function planReads(map: TextMap, scale: number, width: number, height: number): Read[] {
  const { cols, rows, flags } = map;
  const joined = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!flags[r * cols + c]) continue;
      for (let rr = Math.max(0, r - JOIN_CELLS.y); rr <= Math.min(rows - 1, r + JOIN_CELLS.y); rr++) {
        for (let cc = Math.max(0, c - JOIN_CELLS.x); cc <= Math.min(cols - 1, c + JOIN_CELLS.x); cc++) joined[rr * cols + cc] = 1;
      }
    }
  }
  // Connected parts of the joined grid (4-neighbours), each with its box in cells and how many text-like cells it holds.
  const seen = new Uint8Array(cols * rows);
  const regions: { rect: Rect; cells: number }[] = [];
  for (let start = 0; start < joined.length; start++) {
    if (!joined[start] || seen[start]) continue;
    let [c0, c1, r0, r1, cells] = [cols, -1, rows, -1, 0];
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop() ?? 0;
      const r = Math.floor(i / cols);
      const c = i % cols;
      [c0, c1, r0, r1] = [Math.min(c0, c), Math.max(c1, c), Math.min(r0, r), Math.max(r1, r)];
      cells += flags[i] ?? 0;
      const next = [c > 0 ? i - 1 : -1, c < cols - 1 ? i + 1 : -1, r > 0 ? i - cols : -1, r < rows - 1 ? i + cols : -1];
      for (const n of next) {
        if (n >= 0 && joined[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    if (cells < MIN_REGION_CELLS) continue;
    // One more cell of margin all round: Tesseract reads a word with white space around it, and a word cut at a region's edge is dropped (words.ts).
    const px = map.cell * scale;
    const x = Math.max(0, (c0 - 1) * px);
    const y = Math.max(0, (r0 - 1) * px);
    regions.push({ rect: { x, y, w: Math.min(width, (c1 + 2) * px) - x, h: Math.min(height, (r1 + 2) * px) - y }, cells });
  }
  // Regions whose margins overlap become one (a pass reads each place once).
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < regions.length && !merged; i++) {
      for (let j = i + 1; j < regions.length && !merged; j++) {
        const a = regions[i];
        const b = regions[j];
        if (!a || !b || intersection(a.rect, b.rect) === 0) continue;
        regions[i] = { rect: union([a.rect, b.rect]), cells: a.cells + b.cells };
        regions.splice(j, 1);
        merged = true;
      }
    }
  }
  regions.sort((a, b) => b.cells - a.cells);
  return regions.flatMap(({ rect }): Read[] => {
    if (rect.w <= MAX_REGION && rect.h <= MAX_REGION) return [{ area: rect, layout: 'sparse' }];
    const tiles = planTiles(rect.w, rect.h)
      .map((t) => ({ x: rect.x + t.x, y: rect.y + t.y, w: t.w, h: t.h }))
      .filter((t) => textCellsIn(map, { x: t.x / scale, y: t.y / scale, w: t.w / scale, h: t.h / scale }) > 0);
    // The whole region first: the longest pass, read by one worker while the other reads the tiles.
    return [{ area: rect, layout: 'auto' }, ...tiles.map((area): Read => ({ area, layout: 'sparse' }))];
  });
}
