/**
 * "Use this scan in What they could learn": the scan's result boiled down to
 * counts and kinds (faces, people, kinds of text, object labels, settings) and
 * stored for this tab only, on the reader's press. The words read from the
 * picture stay in the page: a name or an address is the reader's own data, and
 * the profile needs only to know that one was readable. Loaded on the press
 * (dynamic import), so the scan island does not carry it.
 */
import { saveScanSummary, type ScanSummary, type ScanTextKind } from '../photos/scan-summary';
import type { Finding, TextLine, VisualProgress } from './protocol';

/** What the summary is made from: the scan's state once it is done. */
export interface FinishedScan {
  visual: Pick<VisualProgress, 'faces' | 'objects'> | undefined;
  lines: readonly Pick<TextLine, 'kinds'>[];
  findings: readonly Pick<Finding, 'cue'>[];
  textRead: boolean;
  isSample: boolean;
}

/** The summary of a finished scan (pure): counts and kinds, no text read from the picture. */
export function summarizeScan(scan: FinishedScan): ScanSummary {
  const faces = scan.visual?.faces.length ?? 0;
  const objects = scan.visual?.objects ?? [];
  const people = objects.filter((o) => o.label === 'person').length;
  // Every kind a line shows counts (a line with a name and a phone number is both), each line once per kind.
  const counts = new Map<ScanTextKind, number>();
  for (const line of scan.lines) for (const kind of new Set(line.kinds.map((k) => k.kind))) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const labels = [...new Set(objects.filter((o) => o.label !== 'person').map((o) => o.label))].filter((l) => /^[a-z ]{1,40}$/.test(l)).slice(0, 80);
  const scenes = [...new Set(scan.findings.flatMap((f) => (f.cue ? [f.cue] : [])))];
  return {
    faces: Math.min(faces, 1000),
    people: Math.min(people, 1000),
    textRead: scan.textRead,
    texts: [...counts].map(([kind, count]) => ({ kind, count: Math.min(count, 1000) })),
    objects: labels,
    scenes,
    isSample: scan.isSample,
  };
}

/** Stores the summary for this tab, on the reader's press; false when storage is unavailable. */
export function shareScan(scan: FinishedScan): boolean {
  let storage: Storage | null = null;
  try {
    storage = sessionStorage;
  } catch {
    /* storage disabled */
  }
  return saveScanSummary(storage, summarizeScan(scan));
}
