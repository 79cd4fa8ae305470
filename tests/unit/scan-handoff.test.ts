/**
 * "Use this scan in What they could learn": the scan boiled down to counts and
 * kinds (never the words read), stored for the tab and read back through zod,
 * then turned into the profile's pre-ticked boxes with their "because" lines.
 */
import { describe, expect, it } from 'vitest';
import { classifyLine, TEXT_KINDS } from '../../src/features/vision/classify';
import { SCENE_CUES, SCREEN_LABELS } from '../../src/features/vision/scene';
import { assembleFindings } from '../../src/features/vision/findings';
import { summarizeScan, type FinishedScan } from '../../src/features/vision/handoff';
import {
  loadScanSummary,
  saveScanSummary,
  SCAN_SCENE_CUES,
  SCAN_SCREEN_LABELS,
  SCAN_SUMMARY_KEY,
  SCAN_TEXT_KINDS,
  type ScanSummary,
} from '../../src/features/photos/scan-summary';
import { reasonsFromScan } from '../../src/features/profile/from-scan';
import { buildFindings } from '../../src/features/profile/findings';
import { EMPTY_VISUAL } from '../../src/features/profile/model';
import { EMPTY_SIGNALS } from '../../src/features/profile/signals';
import { render } from '../../src/features/profile/text';
import { makeT } from '../../src/i18n/format';
import { allDictionaries } from '../../src/i18n/index';

const box = { x: 0.1, y: 0.1, w: 0.2, h: 0.2 };
const line = (id: string, text: string) => ({ id, text, box, confidence: 90, kinds: classifyLine(text) });

/** What the scan of the lesson's sample gives: one face, a badge's name and an e-mail address, a stray word. */
function sampleScan(): FinishedScan {
  const lines = [line('l1', 'VISITEUR'), line('l2', 'Jeanne Roux'), line('l3', 'jeanne.roux@example.fr')];
  const faces = [{ id: 'f1', box, score: 0.9 }];
  const objects = [
    { id: 'o1', label: 'person', box, score: 0.8 },
    { id: 'o2', label: 'laptop', box, score: 0.7 },
    { id: 'o3', label: 'book', box, score: 0.6 },
  ];
  return { visual: { faces, objects }, lines, findings: assembleFindings({ faces, objects, lines, textRead: true }), textRead: true, isSample: true };
}

/** A Storage stand-in over a Map. */
function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('the scan summary', () => {
  it('keeps counts and kinds of text, objects once, the setting, and never a word read from the picture', () => {
    const summary = summarizeScan(sampleScan());
    expect(summary).toEqual({
      faces: 1,
      people: 1,
      textRead: true,
      texts: [
        { kind: 'text', count: 1 },
        { kind: 'name', count: 1 },
        { kind: 'email', count: 1 },
      ],
      objects: ['laptop', 'book'],
      scenes: ['desk'],
      isSample: true,
    });
    const stored = JSON.stringify(summary);
    for (const word of ['Jeanne', 'Roux', 'jeanne.roux', 'example.fr', 'VISITEUR']) expect(stored).not.toContain(word);
  });

  it('counts each kind once per line, and every kind a line shows', () => {
    const lines = [line('a', 'Jeanne Roux'), line('b', 'Marie Dupont'), line('c', 'jeanne@example.fr 06 12 34 56 78')];
    const summary = summarizeScan({ visual: undefined, lines, findings: [], textRead: true, isSample: false });
    expect(summary.texts).toEqual([
      { kind: 'name', count: 2 },
      { kind: 'email', count: 1 },
      { kind: 'phone', count: 1 },
    ]);
    expect(summary.faces).toBe(0);
  });

  it('goes to sessionStorage under its key and comes back the same; anything malformed reads as nothing', () => {
    const storage = memoryStorage();
    const summary = summarizeScan(sampleScan());
    expect(saveScanSummary(storage, summary)).toBe(true);
    expect([...storage.map.keys()]).toEqual([SCAN_SUMMARY_KEY]);
    expect(loadScanSummary(storage)).toEqual(summary);
    const bad = (value: unknown): ScanSummary | null => {
      storage.setItem(SCAN_SUMMARY_KEY, JSON.stringify(value));
      return loadScanSummary(storage);
    };
    expect(bad({ ...summary, faces: -1 })).toBeNull();
    expect(bad({ ...summary, faces: 1.5 })).toBeNull();
    expect(bad({ ...summary, texts: [{ kind: 'secret', count: 1 }] })).toBeNull();
    // An object label is the detector's vocabulary: a read word smuggled in its place is refused.
    expect(bad({ ...summary, objects: ['jeanne.roux@example.fr'] })).toBeNull();
    storage.setItem(SCAN_SUMMARY_KEY, '{not json');
    expect(loadScanSummary(storage)).toBeNull();
    expect(loadScanSummary(null)).toBeNull();
    expect(saveScanSummary(null, summary)).toBe(false);
  });

  it('repeats the vision modules’ lists exactly (they are copied to keep full zod out of the profile page)', () => {
    expect([...SCAN_TEXT_KINDS]).toEqual([...TEXT_KINDS]);
    expect([...SCAN_SCENE_CUES]).toEqual([...SCENE_CUES]);
    expect([...SCAN_SCREEN_LABELS]).toEqual([...SCREEN_LABELS]);
  });
});

describe('the profile pre-filled from a scan', () => {
  const base: ScanSummary = { faces: 0, people: 0, textRead: true, texts: [], objects: [], scenes: [], isSample: false };

  it('ticks my face, a badge and a document for the sample, with the scan as the reason', () => {
    const reasons = reasonsFromScan(summarizeScan(sampleScan()));
    expect(reasons).toEqual({
      face: { key: 'because.scan.face.one', params: { count: 1 } },
      badge: { key: 'because.scan.badge.name', params: {} },
      document: { key: 'because.scan.document.email', params: {} },
    });
  });

  it('two faces are other people; people seen without faces too; one person alone is not', () => {
    expect(reasonsFromScan({ ...base, faces: 2 })).toEqual({
      face: { key: 'because.scan.face.other', params: { count: 2 } },
      others: { key: 'because.scan.others.faces', params: { count: 2 } },
    });
    expect(reasonsFromScan({ ...base, faces: 1, people: 3 }).others).toEqual({ key: 'because.scan.others.people', params: { count: 3 } });
    expect(reasonsFromScan({ ...base, faces: 0, people: 1 })).toEqual({});
  });

  it('a screen is a document even with no text read; a home setting ticks the home; nothing is claimed for landmarks, reflections or children', () => {
    expect(reasonsFromScan({ ...base, objects: ['tv'], scenes: ['home', 'child'] })).toEqual({
      document: { key: 'because.scan.document.screen', params: {} },
      home: { key: 'because.scan.home', params: {} },
    });
    expect(
      reasonsFromScan({
        ...base,
        texts: [
          { kind: 'nir', count: 1 },
          { kind: 'phone', count: 2 },
        ],
      }),
    ).toEqual({
      badge: { key: 'because.scan.badge.nir', params: {} },
      document: { key: 'because.scan.document.phone', params: {} },
    });
  });

  it('the dossier says why in both languages, and a box the reader ticked keeps “you ticked”', () => {
    const reasons = reasonsFromScan({ ...base, faces: 2 });
    for (const locale of ['fr', 'en'] as const) {
      const t = makeT(allDictionaries[locale].profile ?? {});
      const findings = buildFindings({
        photo: null,
        place: null,
        browser: EMPTY_SIGNALS,
        locale,
        visualReasons: reasons,
        behaviour: { prompts: [], frequency: 'never', timeOfDay: 'varies' },
        visual: { ...EMPTY_VISUAL, face: true, others: true, reflection: true },
      });
      const because = (id: string): string => render(t, findings.find((f) => f.id === id)?.because ?? { key: 'missing', params: {} });
      expect(because('visual.face')).toBe(
        locale === 'fr'
          ? 'le détecteur de visages du scan, dans votre navigateur, a trouvé 2 visages dans la photo.'
          : 'the scan’s face detector, running in your browser, found 2 faces in the photo.',
      );
      expect(because('visual.others')).toContain(locale === 'fr' ? '2 visages' : '2 faces');
      expect(because('visual.reflection')).toBe(locale === 'fr' ? 'vous avez coché «\u00a0un reflet\u00a0».' : 'you ticked “a reflection”.');
    }
  });

  it('every reason it can give has a string in both languages', () => {
    const keys = new Set<string>();
    const all: ScanSummary = { ...base, faces: 3, people: 5, objects: ['tv'], scenes: ['home'] };
    for (const kind of SCAN_TEXT_KINDS) for (const r of Object.values(reasonsFromScan({ ...all, texts: [{ kind, count: 1 }] }))) keys.add(r.key);
    for (const r of Object.values(reasonsFromScan({ ...base, faces: 1, people: 4 }))) keys.add(r.key);
    for (const r of Object.values(reasonsFromScan({ ...base, faces: 1 }))) keys.add(r.key);
    expect(keys.size).toBeGreaterThanOrEqual(15);
    for (const key of keys) for (const locale of ['fr', 'en'] as const) expect(allDictionaries[locale].profile?.[key], `${locale} ${key}`).toBeTruthy();
  });
});
