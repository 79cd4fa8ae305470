/**
 * The profile's "what the photo shows" checklist, pre-filled from a scan the
 * reader handed over ("Use this scan in What they could learn"): each box the
 * scan supports is ticked, with the reason in the dossier ("because a face
 * detector running in this page found 2 faces"). The reader can still untick
 * or tick anything; a box the scan does not support keeps "you ticked it".
 * The scan never claims a landmark, a reflection, a child or an age: it has
 * no model for them. Pure: no DOM.
 */
import type { ScanSummary, ScanTextKind } from '../photos/scan-summary';
import { SCAN_SCREEN_LABELS } from '../photos/scan-summary';
import type { Text, VisualItem } from './model';

/** The boxes a scan ticks, each with the reason the dossier shows. */
export type ScanReasons = Partial<Record<VisualItem, Text>>;

/** Kinds of text that belong on a badge or an ID (a name; a social security number). */
const BADGE_KINDS: readonly ScanTextKind[] = ['nir', 'name'];
/** Kinds of text that show a document or a screen, most telling first (as the scan orders them). */
const DOCUMENT_KINDS: readonly ScanTextKind[] = ['email', 'iban', 'card', 'phone', 'plate', 'address', 'postcode', 'text'];

const text = (key: string, params: Text['params'] = {}): Text => ({ key, params });

/** The reasons a scan gives for each box it supports (pure). */
export function reasonsFromScan(scan: ScanSummary): ScanReasons {
  const out: ScanReasons = {};
  const read = new Set(scan.texts.map((t) => t.kind));

  if (scan.faces > 0) out.face = text(scan.faces === 1 ? 'because.scan.face.one' : 'because.scan.face.other', { count: scan.faces });
  // Two faces are two people; an object detector's "person" without a face found is someone turned away.
  if (scan.faces >= 2) out.others = text('because.scan.others.faces', { count: scan.faces });
  else if (scan.people >= 2 && scan.people > scan.faces) out.others = text('because.scan.others.people', { count: scan.people });

  const badge = BADGE_KINDS.find((k) => read.has(k));
  if (badge) out.badge = text(`because.scan.badge.${badge}`);
  const document = DOCUMENT_KINDS.find((k) => read.has(k));
  if (document) out.document = text(`because.scan.document.${document}`);
  else if (scan.objects.some((o) => SCAN_SCREEN_LABELS.includes(o))) out.document = text('because.scan.document.screen');

  if (scan.scenes.includes('home')) out.home = text('because.scan.home');
  return out;
}
