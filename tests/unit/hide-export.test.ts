/**
 * Hide's export with a stand-in canvas (the worker passes OffscreenCanvas): a
 * canvas the browser refuses (null context, a canvas that draws nothing, an
 * encoder that throws) is retried smaller and the reply says by how much;
 * regions are painted at full size; an encoder that wrote metadata has it
 * removed losslessly and the file is verified again; nothing unverified
 * comes out. The encoded bytes are real JPEGs made by ImageMagick.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { blobSource, walk } from '../../src/formats/index';
import { exportFull, type CanvasLike, type Context2D, type MakeCanvas } from '../../src/features/hide/export';
import { FILL, type Pixels } from '../../src/features/hide/paint';
import type { Region } from '../../src/features/hide/regions';

/** A small JPEG from ImageMagick (`extra` adds e.g. a comment segment). */
function jpeg(extra: string[] = []): Blob {
  const run = spawnSync('convert', ['-size', '64x48', 'xc:#808080', '-strip', ...extra, 'jpg:-']);
  if (run.status !== 0) throw new Error(String(run.stderr));
  return new Blob([new Uint8Array(run.stdout)], { type: 'image/jpeg' });
}

interface Source {
  width: number;
  height: number;
}

type Refusal = 'null-context' | 'draws-nothing' | 'encoder-throws';

/** Canvases over `cap` pixels fail the way `refusal` says; each canvas's pixels at encoding time are kept in `encoded`. */
function standIn(cap: number, refusal: Refusal, output: Blob): { make: MakeCanvas<Source>; encoded: Pixels[]; tried: string[] } {
  const encoded: Pixels[] = [];
  const tried: string[] = [];
  const make: MakeCanvas<Source> = (width, height) => {
    tried.push(`${width}x${height}`);
    const over = width * height > cap;
    const data = new Uint8ClampedArray(width * height * 4);
    let fill: number[] = [0, 0, 0, 0];
    const context: Context2D<Source> = {
      set fillStyle(value: unknown) {
        fill = String(value) === 'rgb(1, 2, 3)' ? [1, 2, 3, 255] : [0, 0, 0, 255];
      },
      get fillStyle() {
        return '';
      },
      fillRect(x, y, w, h) {
        if (over && refusal === 'draws-nothing') return;
        for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) data.set(fill, (j * width + i) * 4);
      },
      clearRect() {
        data.fill(0);
      },
      drawImage() {
        // The photo: mid grey, opaque (one native fill: a 27 MP loop would take seconds).
        new Uint32Array(data.buffer).fill(new Uint32Array(new Uint8Array([128, 128, 128, 255]).buffer)[0]!);
      },
      getImageData(x, y, w, h) {
        const out = new Uint8ClampedArray(w * h * 4);
        for (let j = 0; j < h; j++) out.set(data.subarray(((y + j) * width + x) * 4, ((y + j) * width + x + w) * 4), j * w * 4);
        return { data: out, width: w, height: h };
      },
      putImageData(image, x, y) {
        for (let j = 0; j < image.height; j++) data.set(image.data.subarray(j * image.width * 4, (j + 1) * image.width * 4), ((y + j) * width + x) * 4);
      },
    };
    const canvas: CanvasLike<Source> = {
      getContext: () => (over && refusal === 'null-context' ? null : context),
      convertToBlob: () => {
        if (over && refusal === 'encoder-throws') return Promise.reject(new DOMException('Encoding failed', 'EncodingError'));
        encoded.push({ data: data.slice(), width, height });
        return Promise.resolve(output);
      },
    };
    return canvas;
  };
  return { make, encoded, tried };
}

const region: Region = { id: 'drawn-1', kind: 'drawn', box: { x: 0.25, y: 0.25, w: 0.5, h: 0.5 }, style: 'fill' };
const photo = jpeg();
const source = { width: 6000, height: 4500 };

describe('export', () => {
  for (const refusal of ['null-context', 'draws-nothing', 'encoder-throws'] as const) {
    it(`a canvas over the browser’s cap (${refusal}) is retried at the largest size that works, and the reply says so`, async () => {
      const { make, tried } = standIn(16_777_216, refusal, photo);
      const reply = await exportFull(source, make, photo, [region], 1, undefined, performance.now());
      expect(tried[0]).toBe('6000x4500');
      expect(reply).toMatchObject({ type: 'exported', width: 4729, height: 3547, fullWidth: 6000, fullHeight: 4500, name: 'photo-1.jpg', removed: 0 });
    });
  }

  it('a cap given by the page applies on top of the browser’s', async () => {
    const { make, tried } = standIn(Number.POSITIVE_INFINITY, 'null-context', photo);
    const reply = await exportFull(source, make, photo, [region], 2, 3_000_000, performance.now());
    expect(tried).toEqual(['2000x1500']);
    expect(reply).toMatchObject({ type: 'exported', width: 2000, height: 1500, name: 'photo-2.jpg' });
  });

  it('paints each region at full size before encoding, and only there', async () => {
    const { make, encoded } = standIn(Number.POSITIVE_INFINITY, 'null-context', photo);
    await exportFull({ width: 40, height: 20 }, make, photo, [region], 1, undefined, performance.now());
    const image = encoded[0]!;
    const at = (x: number, y: number): number[] => [...image.data.subarray((y * 40 + x) * 4, (y * 40 + x) * 4 + 4)];
    expect(at(10, 5)).toEqual([...FILL, 255]);
    expect(at(29, 14)).toEqual([...FILL, 255]);
    expect(at(9, 5)).toEqual([128, 128, 128, 255]);
    expect(at(30, 15)).toEqual([128, 128, 128, 255]);
  });

  it('an encoder that wrote a comment has it removed losslessly, and the file verified again', async () => {
    const commented = jpeg(['-set', 'comment', 'secret']);
    expect((await walk(blobSource(commented))).blocks.map((b) => b.kind)).toContain('comment');
    const { make } = standIn(Number.POSITIVE_INFINITY, 'null-context', commented);
    const reply = await exportFull({ width: 64, height: 48 }, make, photo, [region], 1, undefined, performance.now());
    if (reply.type !== 'exported') throw new Error(reply.type);
    expect(reply.removed).toBe(1);
    expect((await walk(blobSource(reply.blob))).blocks.map((b) => b.kind)).toEqual(['jfif']);
  });

  it('no size that works is a canvas failure, never a file', async () => {
    const { make, tried } = standIn(0, 'draws-nothing', photo);
    const reply = await exportFull(source, make, photo, [region], 1, undefined, performance.now());
    expect(reply).toMatchObject({ type: 'failed', failure: 'canvas' });
    expect(tried.length).toBeGreaterThan(3);
  });
});
