/**
 * Where OCR reads: the edge-density map (textmap.ts) and the regions planned
 * from it (tiles.ts planReads), on fixture pictures and crops made with
 * ImageMagick. Sky, blank and smooth areas, and a cat's fur, get no pass;
 * printed and handwritten text, a badge and a screen do.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELL, halve, pgmOf, textCellsIn, textMap, type Grey } from '../../src/features/vision/textmap';
import { MAX_REGION, planReads } from '../../src/features/vision/tiles';
import { BADGE_AND_SCREEN, BADGE_BOX, FONT_REGULAR, SCREEN_BOX, VISION } from '../support/vision-scenes';

/** A picture (an ImageMagick source and operations) as 8-bit grey pixels. */
function grey(args: string[]): Grey {
  const [width, height] = execFileSync('convert', [...args, '-format', '%w %h', 'info:'])
    .toString()
    .trim()
    .split(' ')
    .map(Number);
  const data = new Uint8Array(execFileSync('convert', [...args, '-colorspace', 'gray', '-depth', '8', 'gray:-'], { maxBuffer: 1e8 }));
  if (!width || !height || data.length !== width * height) throw new Error('convert gave no pixels');
  return { data, width, height };
}

/** The map as the worker makes it: at half the size of the OCR copy. */
const mapOf = (g: Grey) => textMap(halve(g));
const share = (g: Grey): number => {
  const m = mapOf(g);
  return m.flags.reduce((a, b) => a + b, 0) / m.flags.length;
};

/** The scene of the e2e test, at the OCR copy's size: a cat, a badge on the left, a screen on the right. */
const SCENE = [...BADGE_AND_SCREEN, '-resize', '2560x2560'];
// The scene is scaled by 2560 / 1800.
const K = 2560 / 1800;
const scaled = (b: { x: number; y: number; w: number; h: number }): { x: number; y: number; w: number; h: number } => ({
  x: b.x * K,
  y: b.y * K,
  w: b.w * K,
  h: b.h * K,
});
const BADGE = scaled(BADGE_BOX);
const SCREEN = scaled(SCREEN_BOX);
const inside = (inner: { x: number; y: number; w: number; h: number }, outer: { x: number; y: number; w: number; h: number }): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

describe('text map', () => {
  it('finds nothing in a blank page, a smooth sky gradient or a noisy grey wall', () => {
    expect(share(grey(['-size', '1200x800', 'xc:white']))).toBe(0);
    expect(share(grey(['-size', '1200x800', 'gradient:#4a7fc0-#e8f0ff']))).toBe(0);
    // Sensor noise on a plain wall: small steps everywhere, no strong one.
    expect(share(grey(['-size', '1200x800', 'xc:#808080', '-seed', '7', '-attenuate', '0.3', '+noise', 'Gaussian']))).toBe(0);
  });

  it("finds nothing in a cat's fur", () => {
    expect(share(grey([...SCENE, '-crop', '800x500+900+1000', '+repage']))).toBe(0);
  });

  it('finds printed text, a badge and handwriting', () => {
    expect(
      share(grey([...SCENE, '-crop', `${Math.round(BADGE.w)}x${Math.round(BADGE.h)}+${Math.round(BADGE.x)}+${Math.round(BADGE.y)}`, '+repage'])),
    ).toBeGreaterThan(0.4);
    // Handwritten formulas on paper, low contrast (scikit-image's text.png), at twice its size as in a 2,560 px copy of a larger photo.
    expect(share(grey([join(VISION, 'text.png'), '-resize', '200%']))).toBeGreaterThan(0.25);
  });
});

describe('OCR regions', () => {
  const scene = grey(SCENE);
  const reads = planReads(mapOf(scene), 2, scene.width, scene.height).map((r) => r.area);

  it('covers the badge and the screen, each whole in one pass', () => {
    expect(reads.some((r) => inside(BADGE, r))).toBe(true);
    // The e-mail line is about 900 px long here: no 1,000 px tile with 200 px overlap holds it whole, a region does.
    expect(reads.some((r) => inside({ x: SCREEN.x + 30 * K, y: SCREEN.y + 40 * K, w: 600 * K, h: 60 * K }, r))).toBe(true);
  });

  it('skips most of the frame (the cat and the background)', () => {
    const read = reads.reduce((sum, r) => sum + r.w * r.h, 0);
    expect(read).toBeLessThan(0.3 * scene.width * scene.height);
    for (const r of reads) expect(r.w <= MAX_REGION && r.h <= MAX_REGION).toBe(true);
    expect(planReads(mapOf(scene), 2, scene.width, scene.height).every((r) => r.layout === 'sparse')).toBe(true);
  });

  it('plans nothing for a picture with no text, and tiles a page of text', () => {
    const sky = grey(['-size', '2560x1920', 'gradient:#4a7fc0-#e8f0ff']);
    expect(planReads(mapOf(sky), 2, sky.width, sky.height)).toEqual([]);
    const page = grey([
      '-size',
      '2400x1800',
      'xc:white',
      '-font',
      FONT_REGULAR,
      '-pointsize',
      '48',
      '-fill',
      'black',
      '-annotate',
      '+60+100',
      Array.from({ length: 30 }, () => 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod').join('\n'),
    ]);
    const [whole, ...tiles] = planReads(mapOf(page), 2, page.width, page.height);
    // Read once whole with the page layout, and as tiles of sparse text.
    expect(whole?.layout).toBe('auto');
    expect((whole?.area.w ?? 0) > MAX_REGION || (whole?.area.h ?? 0) > MAX_REGION).toBe(true);
    expect(tiles.length).toBeGreaterThan(1);
    for (const t of tiles) {
      expect(t.layout).toBe('sparse');
      expect(t.area.w <= MAX_REGION && t.area.h <= MAX_REGION).toBe(true);
    }
  });

  it('counts text-like cells by their centres', () => {
    const m = { cols: 4, rows: 2, cell: CELL, flags: Uint8Array.from([1, 0, 0, 1, 0, 1, 0, 0]) };
    expect(textCellsIn(m, { x: 0, y: 0, w: 4 * CELL, h: 2 * CELL })).toBe(3);
    expect(textCellsIn(m, { x: 0, y: 0, w: CELL, h: CELL })).toBe(1);
    expect(textCellsIn(m, { x: 2 * CELL, y: 0, w: CELL, h: 2 * CELL })).toBe(0);
  });
});

describe('PGM crops', () => {
  it('writes a P5 header and the crop row by row', () => {
    const g = { data: Uint8Array.from({ length: 20 }, (_, i) => i), width: 5, height: 4 };
    const pgm = pgmOf(g, { x: 1, y: 2, w: 3, h: 2 });
    const header = 'P5\n3 2\n255\n';
    expect(new TextDecoder().decode(pgm.subarray(0, header.length))).toBe(header);
    expect([...pgm.subarray(header.length)]).toEqual([11, 12, 13, 16, 17, 18]);
  });
});
