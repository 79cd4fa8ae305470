/**
 * Words read by OCR, from several overlapping passes (tiles and the whole
 * frame), merged into one list without repeats and grouped into lines.
 * Pure: no DOM.
 */
import { intersection, union, type Rect } from './geometry';

/** One word as a pass read it, in pixels of the OCR copy (tile offset already added). */
export interface Word {
  text: string;
  /** Tesseract's confidence, 0–100. */
  confidence: number;
  box: Rect;
}

/** One pass: the words it read, and the part of the OCR copy it looked at. */
export interface Pass {
  area: Rect;
  words: Word[];
}

/** Tesseract's raw output holds high-confidence junk from textures ("|", "=", "NN"); ≥ 80 and ≥ 2 letters or digits left exactly the planted text (research §3.3). */
export const MIN_CONFIDENCE = 80;
/** At least this many letters or digits in a word. */
export const MIN_ALNUM = 2;
/** A word this close (px) to a tile edge that is inside the picture was probably cut by it; the neighbouring tile has it whole. */
export const EDGE_MARGIN = 2;

const ALNUM = /[\p{L}\p{N}]/gu;

/** Keeps words sure enough and with enough letters or digits. */
export function isReadable(word: Word): boolean {
  return word.confidence >= MIN_CONFIDENCE && (word.text.match(ALNUM)?.length ?? 0) >= MIN_ALNUM;
}

/** True when the word touches an edge of its pass's area that is not an edge of the whole picture. */
export function touchesInnerEdge(word: Word, area: Rect, width: number, height: number): boolean {
  const b = word.box;
  const left = area.x > 0 && b.x - area.x <= EDGE_MARGIN;
  const top = area.y > 0 && b.y - area.y <= EDGE_MARGIN;
  const right = area.x + area.w < width && area.x + area.w - (b.x + b.w) <= EDGE_MARGIN;
  const bottom = area.y + area.h < height && area.y + area.h - (b.y + b.h) <= EDGE_MARGIN;
  return left || top || right || bottom;
}

const area = (r: Rect): number => r.w * r.h;

/** Two reads of the same place: the overlap covers most of the smaller box. */
export function samePlace(a: Rect, b: Rect): boolean {
  const smaller = Math.min(area(a), area(b));
  return smaller > 0 && intersection(a, b) / smaller >= 0.5;
}

/**
 * All passes' readable words, each place once. Where two reads overlap, the
 * larger box wins (a word cut by a tile edge is the smaller read), then the
 * surer one.
 */
export function mergeWords(passes: readonly Pass[], width: number, height: number): Word[] {
  const candidates = passes.flatMap((p) => p.words.filter((w) => isReadable(w) && !touchesInnerEdge(w, p.area, width, height)));
  candidates.sort((a, b) => area(b.box) - area(a.box) || b.confidence - a.confidence);
  const kept: Word[] = [];
  for (const word of candidates) {
    if (!kept.some((k) => samePlace(k.box, word.box))) kept.push(word);
  }
  return kept;
}

/** A line of text: words side by side at the same height, left to right. */
export interface Line {
  text: string;
  words: Word[];
  box: Rect;
  /** The lowest confidence of its words. */
  confidence: number;
}

/** Same line: the vertical overlap is at least half the smaller height. */
function sameRow(a: Rect, b: Rect): boolean {
  const overlap = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return overlap >= 0.5 * Math.min(a.h, b.h);
}

/** Words further apart than this many line heights start a new line (a badge beside a poster). */
export const MAX_GAP_IN_HEIGHTS = 1.5;

/** Groups words into lines, top to bottom. */
export function groupLines(words: readonly Word[]): Line[] {
  const sorted = [...words].sort((a, b) => a.box.x - b.box.x);
  const rows: Word[][] = [];
  for (const word of sorted) {
    const row = rows.find((r) => {
      const last = r[r.length - 1];
      if (!last || !sameRow(last.box, word.box)) return false;
      const gap = word.box.x - (last.box.x + last.box.w);
      return gap <= MAX_GAP_IN_HEIGHTS * Math.max(last.box.h, word.box.h);
    });
    if (row) row.push(word);
    else rows.push([word]);
  }
  return rows
    .map((r) => ({
      text: r.map((w) => w.text).join(' '),
      words: r,
      box: union(r.map((w) => w.box)),
      confidence: Math.min(...r.map((w) => w.confidence)),
    }))
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}
