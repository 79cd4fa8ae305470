/**
 * Where a picture may hold text: a cheap test of edge density on a grey
 * copy, so OCR reads only the parts that can hold letters (a sky, a wall or a
 * blurred background holds none) instead of every tile of the frame. Printed
 * letters are dense, sharp, high-contrast strokes in both directions; a
 * smooth area has almost no strong step between neighbouring pixels. Fine
 * textures (fur, grass) also have some, and are read for nothing: a wasted
 * pass costs time, a skipped one would cost a finding, so the thresholds lean
 * towards keeping. Pure: no DOM, unit-tested on fixture crops.
 */

/** Cell edge, in pixels of the grey image the map is made from (half the OCR copy: 32 px of the copy, about a line of badge text). */
export const CELL = 16;
/**
 * A step of this much luma (0–255) between two neighbouring pixels is a
 * strong edge. Black print on white paper steps by 150–250 even at half size;
 * a cat's fur or a table's grain by 10–40.
 */
export const EDGE_STEP = 48;
/** A cell is text-like when at least this share of its pixels sits on a strong edge (a line of 20–40 px print gives 15–35 %). */
export const MIN_EDGE_SHARE = 0.06;

/** The grey image a map is made from: one byte of luma a pixel, row by row. */
export interface Grey {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** Text-like cells of a grey image: `cols`×`rows` flags, row by row (1 = may hold text). */
export interface TextMap {
  cols: number;
  rows: number;
  cell: number;
  flags: Uint8Array;
}

/** Luma (BT.601, integer) of RGBA pixels, as canvas getImageData gives them. */
export function lumaOf(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Grey {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    data[j] = ((rgba[i] ?? 0) * 77 + (rgba[i + 1] ?? 0) * 150 + (rgba[i + 2] ?? 0) * 29) >> 8;
  }
  return { data, width, height };
}

/** Half size by averaging 2×2 blocks (the last odd row or column is dropped). */
export function halve(grey: Grey): Grey {
  const width = Math.max(1, grey.width >> 1);
  const height = Math.max(1, grey.height >> 1);
  const data = new Uint8Array(width * height);
  const src = grey.data;
  const w = grey.width;
  for (let y = 0; y < height; y++) {
    const r0 = 2 * y * w;
    const r1 = Math.min(2 * y + 1, grey.height - 1) * w;
    for (let x = 0; x < width; x++) {
      const c0 = 2 * x;
      const c1 = Math.min(2 * x + 1, w - 1);
      data[y * width + x] = ((src[r0 + c0] ?? 0) + (src[r0 + c1] ?? 0) + (src[r1 + c0] ?? 0) + (src[r1 + c1] ?? 0) + 2) >> 2;
    }
  }
  return { data, width, height };
}

/** Marks the cells whose share of strong-edge pixels reaches MIN_EDGE_SHARE. */
export function textMap(grey: Grey, cell: number = CELL, step: number = EDGE_STEP, share: number = MIN_EDGE_SHARE): TextMap {
  const cols = Math.ceil(grey.width / cell);
  const rows = Math.ceil(grey.height / cell);
  const counts = new Uint32Array(cols * rows);
  const { data, width, height } = grey;
  // Steps over two pixels, not one: a soft edge (a photo slightly out of focus, a JPEG's ringing) ramps over 2–3 pixels.
  for (let y = 0; y < height - 2; y++) {
    const row = y * width;
    const cellRow = Math.floor(y / cell) * cols;
    for (let x = 0; x < width - 2; x++) {
      const v = data[row + x] ?? 0;
      const dx = Math.abs(v - (data[row + x + 2] ?? 0));
      const dy = Math.abs(v - (data[row + 2 * width + x] ?? 0));
      if (dx >= step || dy >= step) counts[cellRow + Math.floor(x / cell)] = (counts[cellRow + Math.floor(x / cell)] ?? 0) + 1;
    }
  }
  const flags = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const area = Math.min(cell, width - c * cell) * Math.min(cell, height - r * cell);
      flags[r * cols + c] = (counts[r * cols + c] ?? 0) >= share * area ? 1 : 0;
    }
  }
  return { cols, rows, cell, flags };
}

/** How many text-like cells lie in a rectangle given in pixels of the map's grey image (a cell counts when its centre is inside). */
export function textCellsIn(map: TextMap, rect: { x: number; y: number; w: number; h: number }): number {
  const c0 = Math.max(0, Math.ceil(rect.x / map.cell - 0.5));
  const c1 = Math.min(map.cols, Math.ceil((rect.x + rect.w) / map.cell - 0.5));
  const r0 = Math.max(0, Math.ceil(rect.y / map.cell - 0.5));
  const r1 = Math.min(map.rows, Math.ceil((rect.y + rect.h) / map.cell - 0.5));
  let n = 0;
  for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) n += map.flags[r * map.cols + c] ?? 0;
  return n;
}

/**
 * Part of a grey image as a binary PGM file (P5): Tesseract reads it
 * directly (Leptonica's own format), with no PNG to encode here and decode
 * there, and it reads grey anyway. (tesseract.js looks for an EXIF
 * orientation in the first 500 bytes of what it is given: a PGM has none.)
 */
export function pgmOf(grey: Grey, area: { x: number; y: number; w: number; h: number }): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(`P5\n${area.w} ${area.h}\n255\n`);
  const out = new Uint8Array(header.length + area.w * area.h);
  out.set(header, 0);
  for (let y = 0; y < area.h; y++) {
    const from = (area.y + y) * grey.width + area.x;
    out.set(grey.data.subarray(from, from + area.w), header.length + y * area.w);
  }
  return out;
}
