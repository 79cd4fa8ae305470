/**
 * The inference rules: inputs → the lines of the simulated dossier. Pure
 * functions (no DOM), so every rule has a unit test. Each finding names the
 * signal it came from, a confidence and the habit that removes it.
 */
import type { Locale } from '../../i18n/index';
import { intlLocale } from '../../i18n/intl';
import { countryName, type Place } from '../geo/place';
import { parseMetaDate } from '../photos/dates';
import type { PhotoSummary } from '../photos/summary';
import { detectThemes, inferFrequency, inferRoutine, themeConfidence } from './behaviour';
import { formatDegrees } from '../../lib/format-degrees';
import { partOfDay } from '../photos/dates';
import { deviceName, priceRange } from './device-price';
import { fix, VISUAL_ITEMS, type Behaviour, type Confidence, type Finding, type VisualChecklist, type VisualItem } from './model';
import type { ScanReasons } from './from-scan';
import { estimateRarity } from './rarity';
import { isGenericTimeZone, type BrowserSignals } from './signals';

/**
 * 262144 → "262 144" (narrow no-break spaces, as in both languages' texts).
 * By hand: `toLocaleString` builds an ICU number formatter on first use, ~40 ms
 * on a desktop core in the task that first shows the dossier.
 */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** Everything the simulation knows. */
export interface ProfileInput {
  photo: PhotoSummary | null;
  /** The offline lookup for the photo's GPS; null when there is none (or not loaded yet). */
  place: Place | null;
  /** Null until read (or with JavaScript off). */
  browser: BrowserSignals | null;
  behaviour: Behaviour;
  visual: VisualChecklist;
  /** Boxes a scan the reader handed over supports, with the scan's reason (see from-scan.ts); others say "you ticked". */
  visualReasons?: ScanReasons;
  locale: Locale;
}

/** "2008-10-22T16:28:39" (or EXIF's "2008:10:22 16:28:39") → parts; null if unreadable. */
export function parseTakenAt(value: string): { date: Date; hour: number } | null {
  const d = parseMetaDate(value);
  if (d?.hour === undefined || d.minute === undefined || d.year < 1900) return null;
  // The photo states wall-clock time with no zone: keep it as-is by treating it as UTC.
  return { date: new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second ?? 0)), hour: d.hour };
}

function photoFindings(photo: PhotoSummary, place: Place | null, browser: BrowserSignals | null, locale: Locale): Finding[] {
  const out: Finding[] = [];
  const meta = { source: 'photo', removedBy: ['cleaned'], trainable: false } as const;
  if (photo.gps) {
    const coords = { lat: formatDegrees(photo.gps.lat), lon: formatDegrees(photo.gps.lon) };
    const country = place?.countryCode ? countryName(place.countryCode, locale) : null;
    const town = place?.town ?? null;
    if (town && country) {
      out.push({
        ...meta,
        id: 'photo.place',
        category: 'place',
        confidence: 'high',
        claim: { key: 'finding.place.town', params: { town: town.name, country, km: Math.round(town.distanceKm) } },
        because: { key: 'because.gps', params: coords },
        fix: fix('07-habits', 'camera-location'),
      });
    } else if (country) {
      out.push({
        ...meta,
        id: 'photo.place',
        category: 'place',
        confidence: 'high',
        claim: { key: 'finding.place.country', params: { country } },
        because: { key: 'because.gps', params: coords },
        fix: fix('07-habits', 'camera-location'),
      });
    } else {
      out.push({
        ...meta,
        id: 'photo.place',
        category: 'place',
        confidence: 'high',
        claim: { key: 'finding.place.coordinates', params: coords },
        because: { key: 'because.gps', params: coords },
        fix: fix('07-habits', 'camera-location'),
      });
    }
    if (place?.timeZone) {
      out.push({
        ...meta,
        id: 'photo.zone',
        category: 'place',
        confidence: 'high',
        claim: { key: 'finding.place.zone', params: { zone: place.timeZone } },
        because: { key: 'because.zoneFromGps', params: coords },
        fix: fix('02-metadata', 'gps'),
      });
    }
    // Home or away: the photo's place against the browser's own time zone.
    const here = town?.name ?? country ?? `${coords.lat}, ${coords.lon}`;
    const browserZone = browser && !isGenericTimeZone(browser.timeZone, browser) ? browser.timeZone : null;
    if (place?.timeZone && browserZone) {
      const same = place.timeZone === browserZone;
      out.push({
        ...meta,
        id: 'photo.home',
        category: 'place',
        confidence: same ? 'medium' : 'low',
        claim: { key: same ? 'finding.place.home' : 'finding.place.away', params: { place: here } },
        because: { key: same ? 'because.zoneMatch' : 'because.zoneDiffer', params: { zone: browserZone, photoZone: place.timeZone } },
        fix: fix('07-habits', 'share-without-location'),
      });
    } else {
      out.push({
        ...meta,
        id: 'photo.home',
        category: 'place',
        confidence: 'low',
        claim: { key: 'finding.place.homeOrWork', params: { place: here } },
        because: { key: 'because.gpsOnly', params: {} },
        fix: fix('07-habits', 'share-without-location'),
      });
    }
  }
  const taken = photo.takenAt ? parseTakenAt(photo.takenAt) : null;
  if (taken) {
    const dateText = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(taken.date);
    const timeText = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(taken.date);
    const weekday = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(taken.date);
    out.push({
      ...meta,
      id: 'photo.taken',
      category: 'time',
      confidence: 'high',
      claim: { key: 'finding.time.taken', params: { date: dateText, time: timeText } },
      because: { key: photo.offset ? 'because.dateOffset' : 'because.date', params: { offset: photo.offset ?? '' } },
      fix: fix('02-metadata', 'time'),
    });
    const day = taken.date.getUTCDay();
    const weekend = day === 0 || day === 6;
    out.push({
      ...meta,
      id: 'photo.routine',
      category: 'routine',
      confidence: 'low',
      claim: { key: `finding.time.${weekend ? 'weekend' : 'weekday'}.${partOfDay(taken.hour)}`, params: { weekday } },
      because: { key: 'because.dateRoutine', params: { weekday, time: timeText } },
      fix: fix('02-metadata', 'time'),
    });
  }
  const device = deviceName(photo.make, photo.model);
  if (device) {
    out.push({
      ...meta,
      id: 'photo.device',
      category: 'device',
      confidence: 'high',
      claim: { key: 'finding.device.model', params: { device } },
      because: { key: 'because.makeModel', params: { make: photo.make ?? '—', model: photo.model ?? '—' } },
      fix: fix('02-metadata', 'device'),
    });
    const range = priceRange(photo.make, photo.model);
    out.push({
      ...meta,
      id: 'photo.price',
      category: 'device',
      confidence: range ? 'medium' : 'low',
      claim: range ? { key: `finding.device.price.${range}`, params: { device } } : { key: 'finding.device.priceUnknown', params: { device } },
      because: { key: range ? 'because.priceTable' : 'because.priceTableMissing', params: { device } },
      fix: fix('02-metadata', 'device'),
    });
  }
  if (photo.software) {
    out.push({
      ...meta,
      id: 'photo.software',
      category: 'device',
      confidence: 'medium',
      claim: { key: 'finding.device.software', params: { software: photo.software } },
      because: { key: 'because.software', params: {} },
      fix: fix('02-metadata', 'edit-history'),
    });
  }
  if (photo.hasSerial) {
    out.push({
      ...meta,
      id: 'photo.serial',
      category: 'device',
      confidence: 'high',
      claim: { key: 'finding.device.serial', params: {} },
      because: { key: 'because.serial', params: {} },
      fix: fix('07-habits', 'clean-before-upload'),
    });
  }
  if (photo.people.length > 0) {
    out.push({
      ...meta,
      id: 'photo.people',
      category: 'people',
      confidence: 'high',
      claim: { key: 'finding.people.names', params: { names: photo.people.slice(0, 3).join(' · ') } },
      because: { key: 'because.creator', params: {} },
      fix: fix('02-metadata', 'people-words'),
    });
  }
  if (photo.hasThumbnail) {
    out.push({
      ...meta,
      id: 'photo.thumbnail',
      category: 'scene',
      confidence: 'medium',
      claim: { key: 'finding.scene.thumbnail', params: {} },
      because: { key: 'because.thumbnail', params: {} },
      fix: fix('02-metadata', 'thumbnail'),
    });
  }
  return out;
}

function browserFindings(b: BrowserSignals): Finding[] {
  const meta = { source: 'browser', category: 'browser', removedBy: [], trainable: false } as const;
  const out: Finding[] = [];
  const brands = b.brands?.map((x) => `${x.brand} ${x.version}`).join(', ');
  if (brands) {
    const platform = [b.platform, b.platformVersion].filter(Boolean).join(' ') || '—';
    out.push({
      ...meta,
      id: 'browser.identity',
      confidence: 'high',
      claim: { key: b.mobile ? 'finding.browser.identityMobile' : 'finding.browser.identity', params: { brands, platform } },
      because: { key: 'because.clientHints', params: {} },
      fix: fix('03-device', 'browser-data'),
    });
  } else if (b.userAgent) {
    out.push({
      ...meta,
      id: 'browser.identity',
      confidence: 'medium',
      claim: { key: 'finding.browser.userAgent', params: { ua: b.userAgent } },
      because: { key: 'because.userAgent', params: {} },
      fix: fix('03-device', 'browser-data'),
    });
  }
  if (b.model) {
    out.push({
      ...meta,
      category: 'device',
      id: 'browser.model',
      confidence: 'high',
      claim: { key: 'finding.browser.model', params: { model: b.model } },
      because: { key: 'because.modelHint', params: {} },
      fix: fix('03-device', 'browser-data'),
    });
  }
  if (b.languages.length > 0) {
    out.push({
      ...meta,
      id: 'browser.languages',
      confidence: 'high',
      claim: { key: 'finding.browser.languages', params: { first: b.languages[0] ?? '', languages: b.languages.join(', ') } },
      because: { key: 'because.languages', params: {} },
      fix: fix('03-device', 'browser-data'),
    });
  } else {
    out.push({
      ...meta,
      id: 'browser.languages',
      confidence: 'low',
      claim: { key: 'finding.browser.languagesHidden', params: {} },
      because: { key: 'because.languages', params: {} },
      fix: fix('03-device', 'browser-data'),
    });
  }
  if (!isGenericTimeZone(b.timeZone, b) && b.timeZone) {
    out.push({
      ...meta,
      category: 'place',
      id: 'browser.timeZone',
      confidence: 'high',
      claim: { key: 'finding.browser.timeZone', params: { zone: b.timeZone } },
      because: { key: 'because.timeZone', params: { zone: b.timeZone } },
      fix: fix('03-device', 'browser-data'),
    });
  } else {
    out.push({
      ...meta,
      category: 'place',
      id: 'browser.timeZone',
      confidence: 'low',
      claim: { key: 'finding.browser.timeZoneHidden', params: { zone: b.timeZone ?? '—' } },
      because: { key: 'because.timeZoneHidden', params: {} },
      fix: fix('03-device', 'browser-data'),
    });
  }
  if (b.screen) {
    const kind = b.mobile === true ? 'phone' : b.maxTouchPoints !== null && b.maxTouchPoints > 0 ? 'touch' : b.maxTouchPoints === 0 ? 'desktop' : 'unknown';
    out.push({
      ...meta,
      category: 'device',
      id: 'browser.screen',
      confidence: kind === 'unknown' ? 'low' : 'medium',
      claim: {
        key: `finding.browser.screen.${kind}`,
        params: { width: b.screen.width, height: b.screen.height, ratio: b.pixelRatio ?? '—', depth: b.colorDepth ?? '—' },
      },
      because: { key: 'because.screen', params: {} },
      fix: fix('03-device', 'fingerprint'),
    });
  }
  if (b.cpuThreads !== null || b.deviceMemory !== null) {
    out.push({
      ...meta,
      category: 'device',
      id: 'browser.hardware',
      confidence: 'medium',
      claim:
        b.deviceMemory !== null
          ? { key: 'finding.browser.hardware', params: { threads: b.cpuThreads ?? '—', memory: b.deviceMemory } }
          : { key: 'finding.browser.hardwareNoMemory', params: { threads: b.cpuThreads ?? '—' } },
      because: { key: 'because.hardware', params: {} },
      fix: fix('03-device', 'fingerprint'),
    });
  }
  if (b.colorScheme !== null) {
    out.push({
      ...meta,
      id: 'browser.preferences',
      confidence: 'low',
      claim: { key: b.reducedMotion ? `finding.browser.prefs.${b.colorScheme}Calm` : `finding.browser.prefs.${b.colorScheme}`, params: {} },
      because: { key: 'because.mediaQueries', params: {} },
      fix: fix('03-device', 'fingerprint'),
    });
  }
  if (b.doNotTrack === true || b.globalPrivacyControl === true) {
    out.push({
      ...meta,
      id: 'browser.privacy',
      confidence: 'low',
      claim: { key: 'finding.browser.privacySignal', params: {} },
      because: { key: 'because.privacySignal', params: {} },
      fix: fix('03-device', 'fingerprint'),
    });
  }
  const rarity = estimateRarity(b);
  out.push({
    ...meta,
    id: 'browser.rarity',
    confidence: 'low',
    claim: { key: `finding.browser.rarity.${rarity.level}`, params: { oneIn: groupDigits(rarity.oneIn), lookalikes: rarity.lookalikes } },
    because: { key: 'because.rarity', params: { count: rarity.counted.length, bits: rarity.bits } },
    fix: fix('03-device', 'fingerprint'),
  });
  return out;
}

function behaviourFindings(behaviour: Behaviour): Finding[] {
  const out: Finding[] = [];
  const themes = detectThemes(behaviour.prompts);
  for (const match of themes) {
    out.push({
      id: `behaviour.theme.${match.theme}`,
      category: 'interests',
      source: 'behaviour',
      confidence: themeConfidence(match),
      removedBy: [],
      trainable: true,
      claim: { key: `finding.theme.${match.theme}`, params: {} },
      because: { key: 'because.keywords', params: { count: match.prompts, keywords: match.keywords.join(', ') } },
      fix: fix('04-behaviour', 'prompts'),
    });
  }
  const frequency = inferFrequency(behaviour.frequency);
  if (frequency) {
    out.push({
      id: 'behaviour.frequency',
      category: 'routine',
      source: 'behaviour',
      confidence: frequency.confidence,
      removedBy: ['temporaryChat'],
      trainable: false,
      claim: { key: `finding.frequency.${behaviour.frequency}`, params: { sessions: frequency.sessionsPerYear } },
      because: { key: 'because.frequency', params: {} },
      fix: fix('04-behaviour', 'patterns'),
    });
  }
  const routine = inferRoutine(behaviour.timeOfDay, behaviour.frequency);
  if (routine) {
    out.push({
      id: 'behaviour.routine',
      category: 'routine',
      source: 'behaviour',
      confidence: routine.confidence,
      removedBy: ['temporaryChat'],
      trainable: false,
      claim: { key: `finding.routine.${routine.reading}`, params: {} },
      because: { key: `because.timeOfDay.${behaviour.timeOfDay}`, params: {} },
      fix: fix('04-behaviour', 'patterns'),
    });
  }
  if (themes.length > 0 && behaviour.frequency !== 'never') {
    out.push({
      id: 'behaviour.memory',
      category: 'interests',
      source: 'behaviour',
      confidence: themes.length >= 2 ? 'medium' : 'low',
      removedBy: ['temporaryChat'],
      trainable: false,
      claim: { key: 'finding.memory', params: { count: themes.length } },
      because: { key: 'because.memory', params: {} },
      fix: fix('07-habits', 'memory-settings'),
    });
  }
  return out;
}

/** What each ticked item lets a vision model read, its confidence, category, fix and the toggle that removes it. */
const VISUAL_RULES: Record<VisualItem, Pick<Finding, 'category' | 'confidence' | 'fix' | 'removedBy'>> = {
  face: { category: 'people', confidence: 'high', fix: fix('07-habits', 'avatar'), removedBy: ['avatar'] },
  others: { category: 'people', confidence: 'high', fix: fix('07-habits', 'ask-consent'), removedBy: ['plainBackground'] },
  children: { category: 'people', confidence: 'high', fix: fix('05-visual-content', 'consent'), removedBy: ['plainBackground'] },
  badge: { category: 'scene', confidence: 'high', fix: fix('05-visual-content', 'documents'), removedBy: ['plainBackground'] },
  document: { category: 'scene', confidence: 'high', fix: fix('05-visual-content', 'documents'), removedBy: ['plainBackground'] },
  landmark: { category: 'place', confidence: 'medium', fix: fix('07-habits', 'busy-background'), removedBy: ['plainBackground'] },
  reflection: { category: 'scene', confidence: 'low', fix: fix('05-visual-content', 'reflections'), removedBy: ['plainBackground'] },
  home: { category: 'scene', confidence: 'medium', fix: fix('07-habits', 'busy-background'), removedBy: ['plainBackground'] },
};

function visualFindings(visual: VisualChecklist, reasons: ScanReasons): Finding[] {
  return VISUAL_ITEMS.filter((item) => visual[item]).map((item) => ({
    id: `visual.${item}`,
    source: 'visual',
    trainable: true,
    ...VISUAL_RULES[item],
    claim: { key: `finding.visual.${item}`, params: {} },
    because: reasons[item] ?? { key: `because.visual.${item}`, params: {} },
  }));
}

/** Every finding the inputs support, in dossier order: photo, browser, behaviour, visual. */
export function buildFindings(input: ProfileInput): Finding[] {
  return [
    ...(input.photo ? photoFindings(input.photo, input.place, input.browser, input.locale) : []),
    ...(input.browser ? browserFindings(input.browser) : []),
    ...behaviourFindings(input.behaviour),
    ...visualFindings(input.visual, input.visualReasons ?? {}),
  ];
}

/** Confidence as a number, for sorting and the text export. */
export const CONFIDENCE_RANK: Record<Confidence, number> = { low: 1, medium: 2, high: 3 };
