/**
 * Hide's pure parts: region geometry (padding, clamping, keyboard steps,
 * drags), the undo stack, the paint styles on RGBA buffers, and the canvas
 * sizes the export tries.
 */
import { describe, expect, it } from 'vitest';
import { canvasAttempts, fitCanvas, MIN_AREA, SAFARI_MAX_AREA } from '../../src/features/hide/fit';
import { cellSize, FILL, NOISE, paintRegion, type Pixels } from '../../src/features/hide/paint';
import {
  allowedStyle,
  clampBox,
  dragBox,
  KEY_STEP,
  MIN_SIDE,
  nudge,
  padBox,
  RegionHistory,
  toPixels,
  type Arrow,
  type Region,
} from '../../src/features/hide/regions';

const inside = (b: { x: number; y: number; w: number; h: number }): boolean =>
  b.x >= 0 && b.y >= 0 && b.x + b.w <= 1 + 1e-9 && b.y + b.h <= 1 + 1e-9 && b.w >= MIN_SIDE - 1e-9 && b.h >= MIN_SIDE - 1e-9;

describe('padding and clamping', () => {
  it('pads a face box by 15 % of its short side on every side, in pixels', () => {
    // 4000×3000 picture, box 400×200 px at (1000, 1000): pad = 30 px.
    const padded = padBox({ x: 0.25, y: 1 / 3, w: 0.1, h: 200 / 3000 }, 4000, 3000);
    const px = toPixels(padded, 4000, 3000);
    expect(px).toEqual({ x: 970, y: 970, w: 460, h: 260 });
  });

  it('cuts padding at the picture edge instead of pushing the box', () => {
    const padded = padBox({ x: 0, y: 0.9, w: 0.2, h: 0.1 }, 1000, 1000);
    expect(padded.x).toBe(0);
    expect(padded.y + padded.h).toBe(1);
    expect(padded.y).toBeCloseTo(0.885, 6);
  });

  it('rounds pixel edges outwards so the painted area covers the box', () => {
    expect(toPixels({ x: 0.1234, y: 0.5, w: 0.1, h: 0.0001 }, 1000, 1000)).toEqual({ x: 123, y: 500, w: 101, h: 1 });
  });

  it('clamps a box pushed out of the picture back inside', () => {
    expect(clampBox({ x: 0.95, y: -0.2, w: 0.2, h: 0.1 })).toEqual({ x: 0.8, y: 0, w: 0.2, h: 0.1 });
    expect(clampBox({ x: 0.5, y: 0.5, w: 0, h: 2 })).toEqual({ x: 0.5, y: 0, w: MIN_SIDE, h: 1 });
  });

  it('text and drawn regions are always filled; only faces may be pixelated', () => {
    expect(allowedStyle('text', 'pixelate')).toBe('fill');
    expect(allowedStyle('drawn', 'pixelate')).toBe('fill');
    expect(allowedStyle('object', 'pixelate')).toBe('fill');
    expect(allowedStyle('face', 'pixelate')).toBe('pixelate');
  });
});

describe('keyboard moves and resizes', () => {
  const keys: Arrow[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

  it('moves by one step and resizes the right and bottom edges with Shift', () => {
    const box = { x: 0.4, y: 0.4, w: 0.2, h: 0.2 };
    expect(nudge(box, 'ArrowRight', false).x).toBeCloseTo(0.4 + KEY_STEP, 9);
    expect(nudge(box, 'ArrowUp', false).y).toBeCloseTo(0.4 - KEY_STEP, 9);
    const wider = nudge(box, 'ArrowRight', true);
    expect(wider.w).toBeCloseTo(0.2 + KEY_STEP, 9);
    expect(wider.x).toBe(0.4);
    expect(nudge(box, 'ArrowUp', true).h).toBeCloseTo(0.2 - KEY_STEP, 9);
  });

  it('stays within the picture however many presses, moving or resizing', () => {
    for (const key of keys) {
      for (const resize of [false, true]) {
        let box = { x: 0.45, y: 0.45, w: 0.1, h: 0.1 };
        for (let i = 0; i < 300; i++) {
          box = nudge(box, key, resize);
          expect(inside(box), `${key} resize=${resize} press ${i}`).toBe(true);
        }
      }
    }
  });

  it('a drag in any direction gives the same rectangle, cut at the edges', () => {
    expect(dragBox({ x: 0.6, y: 0.7 }, { x: 0.2, y: 0.1 })).toEqual(dragBox({ x: 0.2, y: 0.1 }, { x: 0.6, y: 0.7 }));
    const cut = dragBox({ x: -0.5, y: 0.5 }, { x: 1.4, y: 0.6 });
    expect(cut.x).toBe(0);
    expect(cut.w).toBe(1);
  });
});

describe('undo', () => {
  const region = (id: string): Region => ({ id, kind: 'drawn', box: { x: 0, y: 0, w: 0.1, h: 0.1 }, style: 'fill' });

  it('takes back exactly one change at a time, back to nothing', () => {
    const history = new RegionHistory();
    expect(history.canUndo).toBe(false);
    history.set([region('a')]);
    history.set([region('a'), region('b')]);
    history.set([region('b')]);
    expect(history.regions.map((r) => r.id)).toEqual(['b']);
    expect(history.undo()).toBe(true);
    expect(history.regions.map((r) => r.id)).toEqual(['a', 'b']);
    history.undo();
    expect(history.regions.map((r) => r.id)).toEqual(['a']);
    history.undo();
    expect(history.regions).toEqual([]);
    expect(history.undo()).toBe(false);
  });
});

/** A `width`×`height` checkerboard of black and white pixels: every cell mean lies far from both. */
function checkerboard(width: number, height: number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = (x + y) % 2 === 0 ? 0 : 255;
      data.set([v, v, v, 128], (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

/** A repeatable random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pixel = (p: Pixels, x: number, y: number): number[] => [...p.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4)];

describe('paint', () => {
  const rect = { x: 10, y: 20, w: 64, h: 40 };

  it('a solid fill is one opaque colour inside and leaves every pixel outside untouched', () => {
    const image = checkerboard(100, 80);
    const before = checkerboard(100, 80);
    paintRegion(image, rect, 'fill');
    for (let y = 0; y < 80; y++) {
      for (let x = 0; x < 100; x++) {
        const isInside = x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h;
        expect(pixel(image, x, y)).toEqual(isInside ? [...FILL, 255] : pixel(before, x, y));
      }
    }
  });

  it('coarse pixels: cells ≥ 1/8 of the short side, each one colour plus noise, opaque, with no original value left', () => {
    const image = checkerboard(100, 80);
    paintRegion(image, rect, 'pixelate', seeded(7));
    const side = cellSize(rect);
    expect(side).toBeGreaterThanOrEqual(40 / 8);
    for (let cy = rect.y; cy < rect.y + rect.h; cy += side) {
      for (let cx = rect.x; cx < rect.x + rect.w; cx += side) {
        const values: number[] = [];
        for (let y = cy; y < Math.min(cy + side, rect.y + rect.h); y++) {
          for (let x = cx; x < Math.min(cx + side, rect.x + rect.w); x++) {
            const [r = -1, g, b, a] = pixel(image, x, y);
            expect(a).toBe(255);
            // The original was 0 or 255 everywhere: a cell's mean (≈ 128) plus noise is neither.
            expect([r, g, b].some((v) => v === 0 || v === 255)).toBe(false);
            values.push(r);
          }
        }
        // One colour per cell, spread only by the noise.
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(2 * NOISE);
        expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0);
      }
    }
    // Outside: untouched, alpha included.
    expect(pixel(image, 0, 0)).toEqual([0, 0, 0, 128]);
    expect(pixel(image, 99, 79)).toEqual([0, 0, 0, 128]);
  });

  it('a region past the image edge paints only what is inside', () => {
    const image = checkerboard(20, 20);
    paintRegion(image, { x: 15, y: 15, w: 50, h: 50 }, 'fill');
    expect(pixel(image, 19, 19)).toEqual([...FILL, 255]);
    // (14 + 19) is odd: a white pixel of the checkerboard, left as it was.
    expect(pixel(image, 14, 19)).toEqual([255, 255, 255, 128]);
  });
});

describe('canvas sizes', () => {
  it('keeps a size under the cap as it is', () => {
    expect(fitCanvas(4000, 3000, SAFARI_MAX_AREA)).toEqual({ width: 4000, height: 3000 });
  });

  it('fits a 6000×4500 photo under Safari’s 16.7 MP cap, same shape, as large as it can', () => {
    const fit = fitCanvas(6000, 4500, SAFARI_MAX_AREA);
    expect(fit.width * fit.height).toBeLessThanOrEqual(SAFARI_MAX_AREA);
    expect(fit.width * fit.height).toBeGreaterThan(SAFARI_MAX_AREA * 0.999);
    expect(fit.width / fit.height).toBeCloseTo(6000 / 4500, 2);
    expect(fit).toEqual({ width: 4729, height: 3547 });
  });

  it('tries the full size first, then smaller sizes down to 1 MP, never twice the same', () => {
    const attempts = canvasAttempts(8064, 6048);
    expect(attempts[0]).toEqual({ width: 8064, height: 6048 });
    expect(attempts[1]!.width * attempts[1]!.height).toBeLessThanOrEqual(SAFARI_MAX_AREA);
    const areas = attempts.map((a) => a.width * a.height);
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
    expect(new Set(areas).size).toBe(areas.length);
    expect(areas.at(-1)).toBeLessThanOrEqual(MIN_AREA);
    // An injected cap starts the list below it.
    expect(canvasAttempts(4000, 3000, 6_000_000)[0]).toEqual(fitCanvas(4000, 3000, 6_000_000));
  });
});
