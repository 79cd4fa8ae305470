import { describe, expect, it } from 'vitest';
import { lookupPlace } from '../../src/features/geo/place';
import type { PhotoSummary } from '../../src/features/photos/summary';
import { allDictionaries } from '../../src/i18n/index';
import { LESSON_ANCHORS } from '../../src/lib/anchors';
import { dossierJson, dossierText } from '../../src/features/profile/export';
import { buildFindings, groupDigits, parseTakenAt, type ProfileInput } from '../../src/features/profile/findings';
import { EMPTY_VISUAL, NO_TOGGLES, type Finding, type VisualChecklist } from '../../src/features/profile/model';
import { EMPTY_SIGNALS, type BrowserSignals } from '../../src/features/profile/signals';
import { render } from '../../src/features/profile/text';
import { makeT } from '../../src/i18n/format';
import { applyToggles, feedsTraining } from '../../src/features/profile/toggles';
import { MANIFEST } from '../support/paths';

const parisBrowser: BrowserSignals = {
  ...EMPTY_SIGNALS,
  brands: [{ brand: 'Chromium', version: '159' }],
  mobile: false,
  platform: 'Linux',
  languages: ['fr-FR', 'fr'],
  timeZone: 'Europe/Paris',
  screen: { width: 1280, height: 720 },
  pixelRatio: 1,
  colorDepth: 24,
  cpuThreads: 4,
  maxTouchPoints: 0,
  colorScheme: 'dark',
};

/** A PhotoSummary built from the corpus manifest (the truth exiftool gave). */
function summaryOf(file: string): PhotoSummary {
  const e = MANIFEST.find((m) => m.file === file);
  if (!e) throw new Error(`${file} missing`);
  const s: PhotoSummary = { format: 'jpeg', hasSerial: false, people: [], hasThumbnail: e.has_thumbnail, isSample: false };
  if (e.lat !== null && e.lon !== null) s.gps = { lat: e.lat, lon: e.lon };
  if (e.datetime_original) s.takenAt = e.datetime_original.replace(/^(\d{4}):(\d{2}):(\d{2}) /, '$1-$2-$3T');
  if (e.make) s.make = e.make;
  if (e.model) s.model = e.model;
  return s;
}

async function inputFor(file: string | null, overrides: Partial<ProfileInput> = {}): Promise<ProfileInput> {
  const photo = file ? summaryOf(file) : null;
  const place = photo?.gps ? await lookupPlace(photo.gps.lat, photo.gps.lon) : null;
  return {
    photo,
    place,
    browser: parisBrowser,
    behaviour: { prompts: [], frequency: 'never', timeOfDay: 'varies' },
    visual: { ...EMPTY_VISUAL },
    locale: 'en',
    ...overrides,
  };
}

/** Every box of the visual checklist ticked. */
const ALL_VISUAL: VisualChecklist = { face: true, others: true, children: true, badge: true, document: true, landmark: true, reflection: true, home: true };

const byId = (findings: Finding[], id: string): Finding => {
  const f = findings.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id} in ${findings.map((x) => x.id).join(', ')}`);
  return f;
};
const en = makeT(allDictionaries.en['profile'] ?? {});
const fr = makeT(allDictionaries.fr['profile'] ?? {});

describe('photo rules (one fixture per hemisphere)', () => {
  it.each([
    ['ianare__DSCN0010.jpg', 'Arezzo', 'Italy', 'Europe/Rome', 'NIKON COOLPIX P6000', '22 October 2008'],
    ['exifr__iptc-agency-photographer-example.jpg', 'Washington, D.C.', 'United States', 'America/New_York', 'NIKON D2X', '24 June 2009'],
    ['ianare__Kodak_CX7530.jpg', 'Nakuru', 'Kenya', 'Africa/Nairobi', 'KODAK CX7530 ZOOM DIGITAL CAMERA', '13 August 2005'],
    ['synthetic__gps_SW_rio__immich_el_torcal_rocks.jpg', 'Rio de Janeiro', 'Brazil', 'America/Sao_Paulo', 'SONY DSLR-A550', '5 August 2012'],
  ])('%s → near %s, %s', async (file, town, country, zone, device, date) => {
    const findings = buildFindings(await inputFor(file));
    const place = render(en, byId(findings, 'photo.place').claim);
    expect(place).toContain(town);
    expect(place).toContain(country);
    expect(render(en, byId(findings, 'photo.place').because)).toMatch(/GPS says -?\d+\.\d{5}, -?\d+\.\d{5}/);
    expect(render(en, byId(findings, 'photo.zone').claim)).toContain(zone);
    expect(render(en, byId(findings, 'photo.device').claim)).toContain(device);
    expect(render(en, byId(findings, 'photo.taken').claim)).toContain(date);
    // The browser is in Paris, the photos are not: the dossier reads travel, with low confidence.
    expect(byId(findings, 'photo.home').claim.key).toBe('finding.place.away');
    expect(byId(findings, 'photo.home').confidence).toBe('low');
  });

  it('reads home (medium confidence) when the photo and the browser share a time zone', async () => {
    const input = await inputFor('ianare__DSCN0010.jpg', { browser: { ...parisBrowser, timeZone: 'Europe/Rome' } });
    const home = byId(buildFindings(input), 'photo.home');
    expect(home.claim.key).toBe('finding.place.home');
    expect(home.confidence).toBe('medium');
  });

  it('names the country in the reader’s language', async () => {
    const findings = buildFindings(await inputFor('ianare__DSCN0010.jpg', { locale: 'fr' }));
    expect(render(fr, byId(findings, 'photo.place').claim)).toContain('Italie');
    expect(render(fr, byId(findings, 'photo.taken').claim)).toContain('22 octobre 2008');
  });

  it('reads the routine from the capture day and hour', async () => {
    // 2012-08-05 was a Sunday, 11:39 → weekend morning
    const findings = buildFindings(await inputFor('synthetic__gps_SW_rio__immich_el_torcal_rocks.jpg'));
    expect(byId(findings, 'photo.routine').claim.key).toBe('finding.time.weekend.morning');
    expect(parseTakenAt('2008:10:22 16:28:39')?.hour).toBe(16);
    expect(parseTakenAt('not a date')).toBeNull();
    expect(parseTakenAt('2008-13-40T10:00:00')).toBeNull();
  });

  it('says the price range is unknown rather than guessing', async () => {
    const input = await inputFor(null, {
      photo: { format: 'jpeg', make: 'Acme', model: 'Photon', hasSerial: false, people: [], hasThumbnail: false, isSample: false },
    });
    const price = byId(buildFindings(input), 'photo.price');
    expect(price.claim.key).toBe('finding.device.priceUnknown');
    expect(price.confidence).toBe('low');
  });

  it('gives no photo finding for a photo without metadata, and none without a photo', async () => {
    const bare = await inputFor(null, { photo: { format: 'jpeg', hasSerial: false, people: [], hasThumbnail: false, isSample: false } });
    expect(buildFindings(bare).filter((f) => f.source === 'photo')).toEqual([]);
    expect(buildFindings(await inputFor(null)).filter((f) => f.source === 'photo')).toEqual([]);
  });
});

describe('browser rules', () => {
  it('names the time zone and languages the browser gives', async () => {
    const findings = buildFindings(await inputFor(null));
    expect(render(en, byId(findings, 'browser.timeZone').because)).toContain('Europe/Paris');
    expect(render(en, byId(findings, 'browser.languages').claim)).toContain('fr-FR');
    expect(byId(findings, 'browser.rarity').confidence).toBe('low');
  });

  it('says so when the browser hides its time zone and languages, instead of guessing', async () => {
    const hidden = buildFindings(await inputFor(null, { browser: { ...EMPTY_SIGNALS, timeZone: 'UTC', userAgent: 'Mozilla/5.0 Firefox/128.0' } }));
    expect(byId(hidden, 'browser.timeZone').claim.key).toBe('finding.browser.timeZoneHidden');
    expect(byId(hidden, 'browser.languages').claim.key).toBe('finding.browser.languagesHidden');
    expect(byId(hidden, 'browser.identity').claim.key).toBe('finding.browser.userAgent');
  });

  it('does not place the reader in Reykjavik when Firefox’s resistFingerprinting reports that zone to every site', async () => {
    const resisting: BrowserSignals = {
      ...parisBrowser,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
      brands: null,
      timeZone: 'Atlantic/Reykjavik',
    };
    const findings = buildFindings(await inputFor('ianare__DSCN0010.jpg', { browser: resisting }));
    expect(byId(findings, 'browser.timeZone').claim.key).toBe('finding.browser.timeZoneHidden');
    expect(byId(findings, 'browser.timeZone').confidence).toBe('low');
    // The photo's place is not compared with a zone the browser made up ("away from home" would be a guess).
    expect(byId(findings, 'photo.home').because.key).toBe('because.gpsOnly');
    // A Chromium in Reykjavik is taken at its word.
    const iceland = buildFindings(await inputFor(null, { browser: { ...parisBrowser, timeZone: 'Atlantic/Reykjavik' } }));
    expect(byId(iceland, 'browser.timeZone').claim.key).toBe('finding.browser.timeZone');
  });
});

describe('toggles → remaining findings', () => {
  const everything = async (): Promise<Finding[]> =>
    buildFindings(
      await inputFor('exifr__iptc-agency-photographer-example.jpg', {
        behaviour: { prompts: ['my doctor at the hospital', 'a card for my daughter'], frequency: 'daily', timeOfDay: 'night' },
        visual: ALL_VISUAL,
      }),
    );

  it('cleaning the photo drops every metadata finding and nothing else', async () => {
    const all = await everything();
    const p = applyToggles(all, { ...NO_TOGGLES, cleaned: true });
    expect(p.kept.some((f) => f.source === 'photo')).toBe(false);
    expect(p.removed.every((f) => f.source === 'photo')).toBe(true);
    expect(p.removed.length).toBe(all.filter((f) => f.source === 'photo').length);
  });

  it('a temporary chat drops history and memory, keeps the topics of this chat, and stops training', async () => {
    const p = applyToggles(await everything(), { ...NO_TOGGLES, temporaryChat: true });
    expect(p.removed.map((f) => f.id).sort()).toEqual(['behaviour.frequency', 'behaviour.memory', 'behaviour.routine']);
    expect(p.kept.map((f) => f.id)).toContain('behaviour.theme.health');
    expect(p.training.size).toBe(0);
  });

  it('training off removes nothing but marks that nothing feeds training', async () => {
    const all = await everything();
    const before = applyToggles(all, NO_TOGGLES);
    const after = applyToggles(all, { ...NO_TOGGLES, trainingOff: true });
    expect(after.kept.length).toBe(before.kept.length);
    expect(before.training.size).toBeGreaterThan(0);
    expect(after.training.size).toBe(0);
    expect([...before.training].every((id) => /^(behaviour\.theme|visual)\./.test(id))).toBe(true);
    expect(feedsTraining(byId(all, 'visual.face'), NO_TOGGLES)).toBe(true);
  });

  it('an avatar removes the face; a plain background removes people and scene clues', async () => {
    const all = await everything();
    expect(applyToggles(all, { ...NO_TOGGLES, avatar: true }).removed.map((f) => f.id)).toEqual(['visual.face']);
    const plain = applyToggles(all, { ...NO_TOGGLES, plainBackground: true }).removed.map((f) => f.id);
    expect(plain.sort()).toEqual([
      'visual.badge',
      'visual.children',
      'visual.document',
      'visual.home',
      'visual.landmark',
      'visual.others',
      'visual.reflection',
    ]);
  });

  it('browser findings survive every toggle: they come with every page visited', async () => {
    const all = await everything();
    const p = applyToggles(all, { cleaned: true, temporaryChat: true, trainingOff: true, avatar: true, plainBackground: true });
    expect(p.kept.every((f) => f.source === 'browser' || f.source === 'behaviour')).toBe(true);
    expect(p.kept.filter((f) => f.source === 'browser').length).toBe(all.filter((f) => f.source === 'browser').length);
    const place = p.byCategory.find((c) => c.category === 'place');
    expect(place?.count).toBeLessThan(place?.before ?? 0);
  });
});

describe('every finding can be said in both languages and links to a real lesson anchor', () => {
  it('has strings for every claim and reason, and a known anchor', async () => {
    const inputs = [
      await inputFor('exifr__iptc-agency-photographer-example.jpg', {
        behaviour: { prompts: ['doctor boss kids hotel church election bank wedding'], frequency: 'severalDaily', timeOfDay: 'morning' },
        visual: ALL_VISUAL,
      }),
      await inputFor('mei__Apple_iPhone_5.jpg', {
        browser: { ...parisBrowser, mobile: true, model: 'Pixel 9', deviceMemory: 8, reducedMotion: true, globalPrivacyControl: true },
      }),
      await inputFor(null, { browser: { ...EMPTY_SIGNALS, timeZone: 'UTC', userAgent: 'Mozilla/5.0', screen: { width: 1, height: 1 } } }),
    ];
    for (const input of inputs) {
      for (const f of buildFindings(input)) {
        for (const dict of [allDictionaries.fr['profile'], allDictionaries.en['profile']]) {
          expect(dict?.[f.claim.key], f.claim.key).toBeDefined();
          expect(dict?.[f.because.key], f.because.key).toBeDefined();
        }
        expect(LESSON_ANCHORS[f.fix.lesson] as readonly string[]).toContain(f.fix.anchor);
        expect(f.fix.href('fr')).toBe(`/cours/${f.fix.lesson}/#${f.fix.anchor}`);
      }
    }
  });
});

describe('saving the dossier', () => {
  it('writes the kept findings with their reasons and links, as text and as JSON', async () => {
    const all = buildFindings(await inputFor('ianare__DSCN0010.jpg'));
    const p = applyToggles(all, { ...NO_TOGGLES, cleaned: true });
    const text = dossierText(p, en, 'en', 'http://127.0.0.1:4405', new Date('2026-01-01T00:00:00Z'));
    expect(text).toContain('SIMULATION');
    expect(text).toContain('Europe/Paris');
    expect(text).toContain('http://127.0.0.1:4405/en/course/03-device/#');
    expect(text).toContain('Removed by your choices');
    const json: unknown = JSON.parse(dossierJson(p, { ...NO_TOGGLES, cleaned: true }, en, 'en', 'http://x', new Date()));
    expect(json).toMatchObject({ toggles: { cleaned: true }, findings: expect.any(Array), removed: expect.any(Array) });
  });
});

describe('groupDigits', () => {
  it('groups like toLocaleString("en-US") with narrow no-break spaces', () => {
    for (const n of [0, 1, 12, 999, 1000, 12_345, 262_144, 1_000_000, 2 ** 18.1, 123_456_789]) {
      expect(groupDigits(n)).toBe(Math.round(n).toLocaleString('en-US').replace(/,/g, '\u202f'));
    }
  });
});
