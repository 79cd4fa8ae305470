/**
 * The export itself, apart from the worker's message handling so unit tests
 * reach it with a stand-in canvas: draw the decoded photo at the largest size
 * the browser allows (trying smaller sizes when a canvas fails, fit.ts), paint
 * the regions, encode, and verify with the site's own walker; an encoder that
 * wrote metadata has it removed losslessly by the cleaner's code, then the
 * file is verified again. No file leaves here unverified.
 */
import { blobSource, sniffBytes, walk, type CleanOptions } from '../../formats/index';
import { JPEG_QUALITY } from '../cleaner/convert';
import { cleanLossless, verifyBlob } from '../cleaner/lossless';
import { mimeFor, neutralName } from '../cleaner/naming';
import { canvasAttempts } from './fit';
import { paintRegion, type Pixels } from './paint';
import type { HideFailure, HideReply } from './protocol';
import { toPixels, type Region } from './regions';

/**
 * What may stay in an exported file: no orientation (it is in the pixels
 * now), and the colour profile the browser's encoder writes (Chromium: an sRGB
 * profile, research vision-2026-12 §3.4); verify.ts allows nothing else.
 */
const EXPORT_POLICY: CleanOptions = { keepOrientation: false, keepColorProfile: true };

export type Format = 'jpeg' | 'png';

/** The part of a 2D context the export uses (an OffscreenCanvasRenderingContext2D, or a stand-in in tests). */
export interface Context2D<Source> {
  fillStyle: unknown;
  fillRect(x: number, y: number, w: number, h: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  drawImage(source: Source, x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): Pixels;
  putImageData(image: Pixels, x: number, y: number): void;
}

/** The part of a canvas the export uses. */
export interface CanvasLike<Source> {
  getContext(kind: '2d'): Context2D<Source> | null;
  convertToBlob(options: { type: string; quality?: number }): Promise<Blob>;
}

/** Makes a canvas of a size; throws, or gives one whose context is null or draws nothing, when the browser refuses that size. */
export type MakeCanvas<Source> = (width: number, height: number) => CanvasLike<Source>;

/** Times of one export, for the bench. */
export interface Phases {
  decode: number;
  draw: number;
  encode: number;
  verify: number;
}

export const fail = (failure: HideFailure, detail: string): Extract<HideReply, { type: 'failed' }> => ({
  type: 'failed',
  failure,
  detail: detail.slice(0, 300),
});

/** The output format: PNG for a PNG (lossless stays lossless), JPEG for everything else. */
export async function outputFormat(file: Blob): Promise<Format> {
  return sniffBytes(new Uint8Array(await file.slice(0, 16).arrayBuffer())) === 'png' ? 'png' : 'jpeg';
}

/** The full-size export of `source` (decoded, oriented) with `regions` painted, verified; `maxArea` caps the canvas on top of the browser. */
export async function exportFull<Source extends { width: number; height: number }>(
  source: Source,
  makeCanvas: MakeCanvas<Source>,
  file: Blob,
  regions: readonly Region[],
  position: number,
  maxArea: number | undefined,
  started: number,
): Promise<HideReply> {
  const phases = { decode: performance.now() - started, draw: 0, encode: 0, verify: 0 };
  const format = await outputFormat(file);
  for (const size of canvasAttempts(source.width, source.height, maxArea)) {
    const encoded = await draw(source, makeCanvas, size, regions, format, JPEG_QUALITY, phases);
    if (!encoded) continue;
    const verifying = performance.now();
    const checked = await verified(encoded);
    phases.verify = performance.now() - verifying;
    if (!checked) return fail('verify', 'metadata left after cleaning');
    return {
      type: 'exported',
      blob: checked.blob,
      name: neutralName(position, format),
      format,
      width: size.width,
      height: size.height,
      fullWidth: source.width,
      fullHeight: source.height,
      removed: checked.removed,
      left: checked.left,
      ms: performance.now() - started,
      phases,
    };
  }
  return fail('canvas', `no canvas size worked for ${source.width}×${source.height}`);
}

/**
 * Draws, paints and encodes at one size; undefined when the browser refuses
 * that canvas: no context, a probe pixel that does not read back (Safari
 * past its cap hands out a canvas that draws nothing), or an encoder that throws.
 */
export async function draw<Source>(
  source: Source,
  makeCanvas: MakeCanvas<Source>,
  size: { width: number; height: number },
  regions: readonly Region[],
  format: Format,
  quality: number,
  phases?: { draw: number; encode: number },
): Promise<Blob | undefined> {
  try {
    const drawing = performance.now();
    const canvas = makeCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.fillStyle = 'rgb(1, 2, 3)';
    context.fillRect(size.width - 1, size.height - 1, 1, 1);
    const probe = context.getImageData(size.width - 1, size.height - 1, 1, 1).data;
    if (probe[0] !== 1 || probe[1] !== 2 || probe[2] !== 3 || probe[3] !== 255) return undefined;
    context.clearRect(0, 0, size.width, size.height);
    context.drawImage(source, 0, 0, size.width, size.height);
    for (const region of regions) {
      const rect = toPixels(region.box, size.width, size.height);
      if (rect.w === 0 || rect.h === 0) continue;
      const image = context.getImageData(rect.x, rect.y, rect.w, rect.h);
      paintRegion(image, { x: 0, y: 0, w: rect.w, h: rect.h }, region.style);
      context.putImageData(image, rect.x, rect.y);
    }
    const encoding = performance.now();
    if (phases) phases.draw = encoding - drawing;
    const blob = await canvas.convertToBlob(format === 'png' ? { type: mimeFor('png') } : { type: mimeFor('jpeg'), quality });
    if (phases) phases.encode = performance.now() - encoding;
    return blob;
  } catch (error) {
    // A canvas too large for the browser throws a DOMException or a RangeError (allocation); anything else is a bug, and says so.
    if (error instanceof DOMException || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The file when the walker finds nothing to remove; else the cleaner's lossless copy when that one passes; else undefined. */
export async function verified(blob: Blob): Promise<{ blob: Blob; removed: number; left: HideReplyLeft } | undefined> {
  const first = await verifyBlob(blob, EXPORT_POLICY, 'converted');
  if (first.verdict.ok) return { blob, removed: 0, left: first.verdict.left.map((l) => l.kind) };
  const source = blobSource(blob);
  const inventory = await walk(source);
  const cleaned = await cleanLossless(blob, EXPORT_POLICY, inventory, source);
  const second = await verifyBlob(cleaned.blob, EXPORT_POLICY, 'converted');
  if (!second.verdict.ok) return undefined;
  return { blob: cleaned.blob, removed: cleaned.plan.removed.length, left: second.verdict.left.map((l) => l.kind) };
}

type HideReplyLeft = Extract<HideReply, { type: 'exported' }>['left'];
