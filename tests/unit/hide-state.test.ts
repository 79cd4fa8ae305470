/**
 * Hide's page state without a page: findings toggled into padded regions,
 * the shortcuts, keyboard moves, the face style (text stays a solid fill),
 * regions kept per photo, one undo per change, and region names. No worker
 * starts: nothing here exports.
 */
import { describe, expect, it } from 'vitest';
import { makeT } from '../../src/i18n/format';
import { HideState, type Detected } from '../../src/features/hide/hide.svelte';
import { regionName } from '../../src/features/hide/labels';
import en from '../../src/i18n/en/hide.json';

const face: Detected = { id: 'face-0', kind: 'face', box: { x: 0.4, y: 0.1, w: 0.2, h: 0.2 } };
const line: Detected = { id: 'line-0', kind: 'text', box: { x: 0.1, y: 0.8, w: 0.5, h: 0.05 } };
const other: Detected = { id: 'line-1', kind: 'text', box: { x: 0.1, y: 0.9, w: 0.5, h: 0.05 } };
const photo = (id: string): { id: string; file: File } => ({ id, file: new File([], `${id}.jpg`) });

function started(): HideState {
  const hide = new HideState();
  hide.select(photo('p1'), 1000, 1000);
  return hide;
}

describe('HideState', () => {
  it('a finding’s toggle hides its boxes, padded, and shows them again', () => {
    const hide = started();
    hide.toggle([face]);
    expect(hide.hidden(['face-0'])).toBe(true);
    const region = hide.regions[0]!;
    // 15 % of the 200 px short side = 30 px on each side.
    expect(region.box.x).toBeCloseTo(0.37, 6);
    expect(region.box.w).toBeCloseTo(0.26, 6);
    hide.toggle([face]);
    expect(hide.regions).toEqual([]);
  });

  it('"Hide all text" hides every text line and nothing else; text stays a solid fill when faces are pixelated', () => {
    const hide = started();
    hide.setFaceStyle('pixelate');
    hide.hideAll([face, line, other], 'text');
    expect(hide.regions.map((r) => r.id)).toEqual(['line-0', 'line-1']);
    hide.hideAll([face, line, other], 'face');
    expect(hide.regions.map((r) => `${r.kind}:${r.style}`)).toEqual(['text:fill', 'text:fill', 'face:pixelate']);
    // Twice is no new change: one undo takes the faces back off.
    hide.hideAll([face, line, other], 'face');
    hide.undo();
    expect(hide.regions.map((r) => r.id)).toEqual(['line-0', 'line-1']);
  });

  it('an added region is in the middle; arrows move it, and each press is one undo', () => {
    const hide = started();
    const id = hide.add();
    hide.nudge(id, 'ArrowRight', false);
    hide.nudge(id, 'ArrowDown', true);
    const box = hide.regions[0]!.box;
    expect([box.x, box.y, box.w, box.h].map((v) => Math.round(v * 1000) / 1000)).toEqual([0.41, 0.4, 0.2, 0.21]);
    hide.undo();
    expect(hide.regions[0]!.box.h).toBeCloseTo(0.2, 9);
    hide.remove(id);
    expect(hide.regions).toEqual([]);
    expect(hide.canUndo).toBe(true);
  });

  it('keeps regions per photo, counts photos with regions, and forgets photos no longer chosen', () => {
    const hide = started();
    hide.toggle([face]);
    hide.select(photo('p2'), 1000, 1000);
    expect(hide.regions).toEqual([]);
    hide.add();
    const photos = [photo('p1'), photo('p2'), photo('p3')];
    expect(hide.countWithRegions(photos)).toBe(2);
    hide.select(photos[0]!, 1000, 1000);
    expect(hide.regions.map((r) => r.id)).toEqual(['face-0']);
    hide.keepOnly(['p2']);
    expect(hide.photo).toBeUndefined();
    expect(hide.countWithRegions(photos)).toBe(1);
  });

  it('names regions by kind and number, with their position for a screen reader', () => {
    const hide = started();
    hide.hideAll([face, line, other], 'text');
    const t = makeT(en);
    expect(regionName(t, hide.regions, hide.regions[1]!)).toBe('Text line 2');
    const id = hide.add();
    const drawn = hide.regions.find((r) => r.id === id)!;
    expect(regionName(t, hide.regions, drawn, true)).toBe('Drawn region 1, 40% from the left and 40% from the top, 20% wide and 20% high');
  });
});
