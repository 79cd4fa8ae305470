/**
 * The readable list of what the scan found, built from the detectors' and the
 * OCR's output: one line per thing a service's model would pick out, each
 * linked to its boxes. The page turns keys into sentences in the reader's
 * language. Pure: no DOM.
 */
import type { Box } from './geometry';
import type { Finding, TextLine } from './protocol';
import { sceneCues, SCREEN_LABELS } from './scene';

interface Detected {
  id: string;
  box: Box;
}

/** What the assembly reads. */
export interface ScanOutput {
  faces: readonly Detected[];
  objects: readonly (Detected & { label: string })[];
  lines: readonly TextLine[];
  /** False when the OCR could not run: no "no text" claim then. */
  textRead: boolean;
}

/**
 * A face is "in the background" when it covers under 0.5 % of the picture
 * (about 100×100 px of a 12 MP photo) or under a quarter of the largest face's
 * area: a passer-by, someone behind the subject.
 */
export const SMALL_FACE_AREA = 0.005;
export const SMALL_FACE_RATIO = 0.25;

const areaOf = (b: Box): number => b.w * b.h;

/** Faces that are small or well behind the main one. */
export function smallFaces(faces: readonly Detected[]): Detected[] {
  const largest = Math.max(0, ...faces.map((f) => areaOf(f.box)));
  return faces.filter((f) => areaOf(f.box) < SMALL_FACE_AREA || areaOf(f.box) < SMALL_FACE_RATIO * largest);
}

/** Every finding, in the order a reader should see them: people, text, objects, setting. */
export function assembleFindings(scan: ScanOutput): Finding[] {
  const out: Finding[] = [];
  const add = (f: Omit<Finding, 'id' | 'labels' | 'params'> & Partial<Pick<Finding, 'labels' | 'params'>>): void => {
    out.push({ id: `finding-${out.length}`, labels: [], params: {}, ...f });
  };

  const faces = scan.faces;
  if (faces.length === 0) add({ subject: 'nothing', key: 'finding.noFace', boxes: [] });
  else
    add({
      subject: 'face',
      key: faces.length === 1 ? 'finding.faces.one' : 'finding.faces.other',
      params: { count: faces.length },
      boxes: faces.map((f) => f.id),
    });
  // A lone face is never "in the background" of itself, but it can be tiny.
  for (const f of smallFaces(faces)) add({ subject: 'face', key: 'finding.smallFace', boxes: [f.id] });

  const people = scan.objects.filter((o) => o.label === 'person');
  if (people.length > faces.length) add({ subject: 'people', key: 'finding.people', params: { count: people.length }, boxes: people.map((p) => p.id) });

  for (const line of scan.lines) {
    const first = line.kinds[0];
    if (!first) continue;
    add({ subject: 'text', key: `finding.text.${first.kind}`, params: { text: line.text, value: first.value }, boxes: [line.id] });
  }
  if (scan.textRead && scan.lines.length === 0) add({ subject: 'nothing', key: 'finding.noText', boxes: [] });

  const things = scan.objects.filter((o) => o.label !== 'person');
  const byLabel = new Map<string, string[]>();
  for (const o of things) byLabel.set(o.label, [...(byLabel.get(o.label) ?? []), o.id]);
  for (const [label, ids] of byLabel) {
    const screen = SCREEN_LABELS.includes(label);
    add({ subject: 'object', key: screen ? 'finding.screen' : 'finding.object', params: { count: ids.length }, labels: [label], boxes: ids });
  }

  for (const s of sceneCues(things.map((o) => o.label))) {
    const boxes = things.filter((o) => s.because.includes(o.label)).map((o) => o.id);
    add({ subject: 'scene', key: `finding.scene.${s.cue}`, labels: s.because, boxes, cue: s.cue });
  }
  return out;
}
