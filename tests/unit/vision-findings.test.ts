/**
 * The scan's findings without a browser: the readable list built from faces,
 * objects and text lines; the setting deduced from objects (and never beyond
 * them); the byte counting behind the loading bar; the files copied under
 * /models/ and kept out of the per-build precache.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { precacheUrls } from '../../integrations/offline.mjs';
import { resolveVisionFiles, VISION_FILES } from '../../integrations/vision-assets.mjs';
import { classifyLine } from '../../src/features/vision/classify';
import { assembleFindings, smallFaces } from '../../src/features/vision/findings';
import { downscale, toBox } from '../../src/features/vision/geometry';
import { ByteProgress, countingFetch } from '../../src/features/vision/loading';
import type { TextLine } from '../../src/features/vision/protocol';
import { sceneCues } from '../../src/features/vision/scene';

const box = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });
const face = (id: string, w: number) => ({ id, box: box(0.1, 0.1, w, w) });
const line = (id: string, text: string): TextLine => ({ id, text, box: box(0.5, 0.5, 0.2, 0.05), confidence: 90, kinds: classifyLine(text) });

describe('findings', () => {
  it('counts faces and says plainly when there is no face and no text', () => {
    const none = assembleFindings({ faces: [], objects: [], lines: [], textRead: true });
    expect(none.map((f) => f.key)).toEqual(['finding.noFace', 'finding.noText']);
    const two = assembleFindings({ faces: [face('face-0', 0.3), face('face-1', 0.28)], objects: [], lines: [], textRead: true });
    expect(two[0]).toMatchObject({ key: 'finding.faces.other', params: { count: 2 }, boxes: ['face-0', 'face-1'] });
    expect(assembleFindings({ faces: [face('face-0', 0.3)], objects: [], lines: [], textRead: true })[0]?.key).toBe('finding.faces.one');
  });

  it('does not claim "no text" when the OCR could not run', () => {
    expect(assembleFindings({ faces: [], objects: [], lines: [], textRead: false }).map((f) => f.key)).toEqual(['finding.noFace']);
  });

  it('notes a face in the background: tiny, or far smaller than the main one', () => {
    const main = face('face-0', 0.4);
    const behind = face('face-1', 0.1); // 1/16 of the main face's area
    expect(smallFaces([main, behind]).map((f) => f.id)).toEqual(['face-1']);
    expect(smallFaces([face('face-0', 0.05)]).map((f) => f.id)).toEqual(['face-0']); // 0.25 % of the picture
    expect(smallFaces([main])).toEqual([]);
    const keys = assembleFindings({ faces: [main, behind], objects: [], lines: [], textRead: true }).map((f) => f.key);
    expect(keys.filter((k) => k === 'finding.smallFace')).toHaveLength(1);
  });

  it('links each text line to its box under its most telling kind, the read text as a parameter', () => {
    const found = assembleFindings({
      faces: [],
      objects: [],
      lines: [line('text-0', 'Jeanne Roux'), line('text-1', 'jeanne.roux@exemple.fr')],
      textRead: true,
    });
    const text = found.filter((f) => f.subject === 'text');
    expect(text.map((f) => [f.key, f.params.value, f.boxes])).toEqual([
      ['finding.text.name', 'Jeanne Roux', ['text-0']],
      ['finding.text.email', 'jeanne.roux@exemple.fr', ['text-1']],
    ]);
  });

  it('groups objects by label, flags screens, and adds people whose face was not found', () => {
    const objects = [
      { id: 'object-0', label: 'laptop', box: box(0, 0, 0.3, 0.2) },
      { id: 'object-1', label: 'book', box: box(0.5, 0, 0.1, 0.1) },
      { id: 'object-2', label: 'book', box: box(0.7, 0, 0.1, 0.1) },
      { id: 'object-3', label: 'person', box: box(0, 0, 0.5, 1) },
      { id: 'object-4', label: 'person', box: box(0.5, 0, 0.5, 1) },
    ];
    const found = assembleFindings({ faces: [face('face-0', 0.2)], objects, lines: [], textRead: true });
    expect(found.find((f) => f.key === 'finding.screen')).toMatchObject({ labels: ['laptop'], boxes: ['object-0'] });
    expect(found.find((f) => f.key === 'finding.object')).toMatchObject({ labels: ['book'], params: { count: 2 }, boxes: ['object-1', 'object-2'] });
    expect(found.find((f) => f.key === 'finding.people')).toMatchObject({ params: { count: 2 } });
    expect(found.find((f) => f.key === 'finding.scene.desk')).toMatchObject({ labels: ['laptop', 'book'], boxes: ['object-0', 'object-1', 'object-2'] });
    expect(found.map((f) => f.id)).toEqual([...new Set(found.map((f) => f.id))]);
  });
});

describe('scene cues', () => {
  it('deduces a setting only from the objects that point to it, and nothing from none', () => {
    expect(sceneCues(['bed', 'couch', 'cat'])).toEqual([{ cue: 'home', because: ['bed', 'couch'] }]);
    expect(sceneCues(['car', 'traffic light', 'car'])).toEqual([{ cue: 'street', because: ['car', 'traffic light'] }]);
    expect(sceneCues(['cat', 'person'])).toEqual([]);
  });
});

describe('geometry', () => {
  it('turns pixels into fractions of the picture, clipped to it', () => {
    expect(toBox({ x: 50, y: 25, w: 100, h: 50 }, 200, 100)).toEqual({ x: 0.25, y: 0.25, w: 0.5, h: 0.5 });
    expect(toBox({ x: 150, y: -10, w: 100, h: 50 }, 200, 100)).toEqual({ x: 0.75, y: 0, w: 0.25, h: 0.4 });
  });
  it('downscales the long edge and never upscales', () => {
    expect(downscale(4032, 3024, 1920)).toMatchObject({ width: 1920, height: 1440 });
    expect(downscale(512, 512, 1920)).toEqual({ width: 512, height: 512, scale: 1 });
  });
});

describe('loading progress', () => {
  it('counts the bytes of /models/ responses chunk by chunk and hands the same bytes over', async () => {
    const body = new Uint8Array(200_000).map((_, i) => i % 251);
    const base = (async (input: RequestInfo | URL) =>
      new Response(String(input).includes('/models/') ? body : 'page', { headers: { 'Content-Type': 'application/wasm' } })) as typeof fetch;
    let counted = 0;
    const wrapped = countingFetch(base, '/models/', (n) => (counted += n));
    const response = await wrapped('/models/x@1/a.wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(body);
    expect(response.headers.get('Content-Type')).toBe('application/wasm');
    expect(counted).toBe(body.length);
    await (await wrapped('/index.html')).text();
    expect(counted).toBe(body.length);
  });

  it('reports at most every 64 KiB, never past the total, and ends at the total', () => {
    const reports: number[] = [];
    const progress = new ByteProgress(200_000, (loaded) => reports.push(loaded));
    for (let i = 0; i < 100; i++) progress.add(1000);
    expect(reports).toEqual([66_000]);
    progress.add(500_000);
    progress.finish();
    expect(reports.at(-1)).toBe(200_000);
    expect(Math.max(...reports)).toBe(200_000);
  });
});

describe('model files', () => {
  it('are all installed, under /models/<package>@<version>/, and none is precached', async () => {
    const files = await resolveVisionFiles();
    expect(files).toHaveLength(VISION_FILES.length);
    for (const f of files) {
      expect(existsSync(f.source), f.source).toBe(true);
      expect(f.url).toMatch(/^\/models\/(@[\w.-]+\/)?@?[\w.-]+@\d+\.\d+\.\d+\/[\w.-]+$/);
    }
    expect(files.find((f) => f.role === 'object-json')?.url).toContain('nanodet');
    expect(files.some((f) => f.url.includes('centernet'))).toBe(false);
    const built = files.map((f) => f.url.slice(1));
    expect(precacheUrls(['index.html', '_astro/vision.js', ...built])).toEqual(['/', '/_astro/vision.js']);
  });
});

describe('credits', () => {
  it('name a licence and its source for every package the scan ships, at the installed version', async () => {
    const { CREDITS } = await import('../../src/features/vision/credits');
    const files = await resolveVisionFiles();
    for (const f of files) {
      const credit = CREDITS.find((c) => c.pkg.split(', ').some((p) => p === f.pkg));
      expect(credit, f.pkg).toBeDefined();
      expect(credit?.version.startsWith(f.version), `${f.pkg}@${f.version}`).toBe(true);
    }
  });
});
