/**
 * The profile tool's state: the reader's inputs, the findings derived from
 * them, and the toggles. Everything stays in memory in this page; the only
 * read from storage is the photo summary the reader handed over from the
 * inspector in this tab ("Use this photo in What they could learn").
 */
import type { Locale } from '../../i18n/index';
import { lookupPlace, type Place } from '../geo/place';
import { loadSummary, type PhotoSummary } from '../photos/summary';
import { loadScanSummary } from '../photos/scan-summary';
import { reasonsFromScan, type ScanReasons } from './from-scan';
import { readBrowserSignals } from './browser';
import { buildFindings } from './findings';
import { EMPTY_VISUAL, NO_TOGGLES, type Frequency, type TimeOfDay, type Toggles, type VisualChecklist } from './model';
import { loadSample } from '../photos/sample';
import type { BrowserSignals } from './signals';
import { applyToggles } from './toggles';

/**
 * The photo reader (the inspector's worker client and its schemas) loads on the
 * first photo, not with the page: most readers look at the dossier first.
 */
async function summarize(file: File, signal: AbortSignal): Promise<PhotoSummary> {
  const { summarizePhoto } = await import('../photos/summarize');
  return summarizePhoto(file, signal);
}

export type PhotoStatus = 'none' | 'reading' | 'ready' | 'error' | 'sampleError';
export type PhotoOrigin = 'inspector' | 'file' | 'sample';

export class ProfileState {
  /** The reader's language (country names and dates are written in it); set once by the constructor. */
  locale = $state<Locale>('fr');

  photo = $state<PhotoSummary | null>(null);
  photoOrigin = $state<PhotoOrigin | null>(null);
  /** The chosen file's name (untrusted text). */
  photoName = $state('');
  photoStatus = $state<PhotoStatus>('none');
  place = $state<Place | null>(null);
  placeLoading = $state(false);
  browser = $state<BrowserSignals | null>(null);
  promptsText = $state('');
  frequency = $state<Frequency>('weekly');
  timeOfDay = $state<TimeOfDay>('evening');
  visual = $state<VisualChecklist>({ ...EMPTY_VISUAL });
  toggles = $state<Toggles>({ ...NO_TOGGLES });
  /** What a scan the reader handed over supports (empty without one); its boxes start ticked. */
  scanReasons = $state<ScanReasons>({});
  /** Null without a handed-over scan; else whether it was the site's sample photo. */
  scanOfSample = $state<boolean | null>(null);

  prompts = $derived(
    this.promptsText
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
      .slice(0, 20),
  );
  findings = $derived(
    buildFindings({
      photo: this.photo,
      place: this.place,
      browser: this.browser,
      locale: this.locale,
      visual: this.visual,
      visualReasons: this.scanReasons,
      behaviour: { prompts: this.prompts, frequency: this.frequency, timeOfDay: this.timeOfDay },
    }),
  );
  profile = $derived(applyToggles(this.findings, this.toggles));

  #controller: AbortController | null = null;

  constructor(locale: Locale) {
    this.locale = locale;
  }

  /** Reads the browser and picks up the inspector's last photo in this tab, if any. */
  async start(): Promise<void> {
    let storage: Storage | null = null;
    try {
      storage = sessionStorage;
    } catch {
      /* storage disabled: start without a photo */
    }
    const fromInspector = loadSummary(storage);
    if (fromInspector) void this.#use(fromInspector, 'inspector', '', new AbortController().signal);
    const scan = loadScanSummary(storage);
    if (scan) this.#prefill(reasonsFromScan(scan), scan.isSample);
    this.browser = await readBrowserSignals();
  }

  /** Reads a file the reader chose. */
  async chooseFile(file: File): Promise<void> {
    const signal = this.#restart();
    this.photoStatus = 'reading';
    try {
      const summary = await summarize(file, signal);
      await this.#use(summary, 'file', file.name.slice(0, 200), signal);
    } catch {
      if (!signal.aborted) this.#fail('error');
    }
  }

  /** Loads the sample photo from our own origin. */
  async chooseSample(): Promise<void> {
    const signal = this.#restart();
    this.photoStatus = 'reading';
    try {
      const summary = await summarize(await loadSample(signal), signal);
      await this.#use({ ...summary, isSample: true }, 'sample', '', signal);
    } catch {
      if (!signal.aborted) this.#fail('sampleError');
    }
  }

  /** Forgets the photo (it was never stored by this tool). */
  forget(): void {
    this.#restart();
    this.photo = null;
    this.place = null;
    this.photoOrigin = null;
    this.photoName = '';
    this.photoStatus = 'none';
  }

  /** Ticks the boxes a handed-over scan supports (the reader can untick them). */
  #prefill(reasons: ScanReasons, isSample: boolean): void {
    this.scanReasons = reasons;
    this.scanOfSample = isSample;
    for (const item of Object.keys(reasons) as (keyof ScanReasons)[]) this.visual[item] = true;
  }

  #restart(): AbortSignal {
    this.#controller?.abort();
    this.#controller = new AbortController();
    this.placeLoading = false;
    return this.#controller.signal;
  }

  #fail(status: 'error' | 'sampleError'): void {
    this.photo = null;
    this.place = null;
    this.photoStatus = status;
  }

  async #use(summary: PhotoSummary, origin: PhotoOrigin, name: string, signal: AbortSignal): Promise<void> {
    this.photo = summary;
    this.photoOrigin = origin;
    this.photoName = name;
    this.place = null;
    this.photoStatus = 'ready';
    if (!summary.gps) return;
    this.placeLoading = true;
    try {
      // The place data is a dynamic import inside lookupPlace: it loads only now.
      const place = await lookupPlace(summary.gps.lat, summary.gps.lon);
      if (!signal.aborted) this.place = place;
    } catch {
      /* lookup failed: the dossier falls back to raw coordinates */
    } finally {
      if (!signal.aborted) this.placeLoading = false;
    }
  }
}
