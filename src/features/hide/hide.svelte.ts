/**
 * Hide's state on the page: the regions of each photo (kept per photo while
 * the reader moves between them), the undo history, the style for faces, the
 * preview and the downloads. The islands only show it. What the reader sees
 * comes back as i18n keys with values, translated by the component.
 */
import { saveBlob } from '../../lib/save-blob';
import { uniqueNames } from '../cleaner/naming';
import type { Box } from '../vision/geometry';
import { HideClient } from './client';
import type { HideFailure } from './protocol';
import { allowedStyle, centredBox, clampBox, nudge, padBox, RegionHistory, type Arrow, type PaintStyle, type Region } from './regions';

/** A box the scan found, as Scan.svelte lists them. */
export interface Detected {
  id: string;
  kind: 'face' | 'object' | 'text';
  box: Box;
}

/** A photo the reader may hide things on. */
export interface HidePhoto {
  id: string;
  file: File;
}

/** A message for the reader: an i18n key of the hide namespace and its values. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/** Long edge of the preview: enough to judge the result on a screen, quick to encode. */
export const PREVIEW_EDGE = 1280;
/** Wait this long after the last change before drawing a new preview (arrow keys repeat every ~30 ms). */
const PREVIEW_DELAY_MS = 200;

export class HideState {
  /** The photo being edited (the one last scanned), its size with orientation applied, and its position among the reader's photos. */
  photo = $state<HidePhoto | undefined>();
  width = $state(1);
  height = $state(1);
  /** The current photo's regions (a copy of its history's list, so the page re-reads it at every change). */
  regions = $state.raw<readonly Region[]>([]);
  canUndo = $state(false);
  /** How many regions each photo has, by photo id (the ZIP's count). */
  counts = $state.raw<Readonly<Record<string, number>>>({});
  faceStyle = $state<PaintStyle>('fill');
  previewOn = $state(false);
  previewUrl = $state<string | undefined>();
  busy = $state(false);
  status = $state<Message | undefined>();
  failure = $state<HideFailure | 'zip' | undefined>();
  // Not reactive on purpose: #sync() copies what the page shows into $state after each change.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #histories = new Map<string, RegionHistory>();
  readonly #client = new HideClient();
  #drawn = 0;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #previewAbort: AbortController | undefined;

  /** Starts editing `photo` (a scan of it began); its earlier regions come back. */
  select(photo: HidePhoto, width: number, height: number): void {
    this.photo = photo;
    this.width = width;
    this.height = height;
    this.status = undefined;
    this.failure = undefined;
    this.#sync();
    this.#refreshPreview();
  }

  /** Forgets the regions of photos no longer chosen. */
  keepOnly(ids: readonly string[]): void {
    for (const id of [...this.#histories.keys()]) if (!ids.includes(id)) this.#histories.delete(id);
    if (this.photo && !ids.includes(this.photo.id)) this.photo = undefined;
    this.#sync();
  }

  /** True when every one of these boxes is hidden. */
  hidden(ids: readonly string[]): boolean {
    const regions = this.regions;
    return ids.length > 0 && ids.every((id) => regions.some((r) => r.id === id));
  }

  /** Hides these detected boxes, or shows them again when all are hidden already (a finding's toggle). */
  toggle(boxes: readonly Detected[]): void {
    const ids = boxes.map((b) => b.id);
    if (this.hidden(ids)) this.#change(this.regions.filter((r) => !ids.includes(r.id)));
    else this.#hide(boxes);
  }

  /** Hides every box of one kind ("Hide all faces", "Hide all text"). */
  hideAll(boxes: readonly Detected[], kind: Detected['kind']): void {
    this.#hide(boxes.filter((b) => b.kind === kind));
  }

  /** A region in the middle of the picture; returns its id (the page moves the focus to it). */
  add(): string {
    return this.draw(centredBox());
  }

  /** A region the reader drew; returns its id. */
  draw(box: Box): string {
    const id = `drawn-${++this.#drawn}`;
    this.#change([...this.regions, { id, kind: 'drawn', box: clampBox(box), style: 'fill' }]);
    return id;
  }

  /** An arrow key on a region: moves it, or resizes it with Shift. */
  nudge(id: string, key: Arrow, resize: boolean): void {
    this.#change(this.regions.map((r) => (r.id === id ? { ...r, box: nudge(r.box, key, resize) } : r)));
  }

  remove(id: string): void {
    this.#change(this.regions.filter((r) => r.id !== id));
  }

  /** The style for faces; text and drawn regions stay a solid fill (allowedStyle). */
  setFaceStyle(style: PaintStyle): void {
    this.faceStyle = style;
    this.#change(this.regions.map((r) => ({ ...r, style: allowedStyle(r.kind, style) })));
  }

  undo(): void {
    if (!this.photo) return;
    const undone = this.#history(this.photo.id).undo();
    this.status = { key: undone ? 'status.undone' : 'status.nothingToUndo' };
    this.#changed();
  }

  togglePreview(): void {
    this.previewOn = !this.previewOn;
    this.#refreshPreview();
  }

  /** Exports the current photo at full size and saves it; regions stay whatever happens. */
  async download(position: number): Promise<void> {
    const photo = this.photo;
    if (!photo || this.busy) return;
    this.#begin();
    try {
      const outcome = await this.#client.export(photo.file, this.regions, position);
      if (outcome.type === 'failed') this.failure = outcome.failure;
      else {
        saveBlob(outcome.blob, outcome.name);
        const size = { width: outcome.width, height: outcome.height, fullWidth: outcome.fullWidth, fullHeight: outcome.fullHeight };
        const capped = outcome.width !== outcome.fullWidth || outcome.height !== outcome.fullHeight;
        this.status = { key: capped ? 'status.capped' : 'status.exported', params: { name: outcome.name, ...size } };
      }
    } finally {
      this.busy = false;
    }
  }

  /** Exports every photo of `photos` that has regions, one after another, into one ZIP. */
  async downloadAll(photos: readonly HidePhoto[], zipName: string): Promise<void> {
    if (this.busy) return;
    this.#begin();
    try {
      const files: Array<{ name: string; blob: Blob }> = [];
      for (const [i, p] of photos.entries()) {
        const regions = this.#histories.get(p.id)?.regions ?? [];
        if (regions.length === 0) continue;
        const outcome = await this.#client.export(p.file, regions, i + 1);
        if (outcome.type === 'failed') {
          this.failure = outcome.failure;
          return;
        }
        files.push({ name: outcome.name, blob: outcome.blob });
      }
      const names = uniqueNames(files.map((f) => f.name));
      saveBlob(await this.#client.zip(files.map((f, i) => ({ name: names[i] ?? f.name, blob: f.blob }))), zipName);
      this.status = { key: 'status.zipped', params: { count: files.length } };
    } catch {
      this.failure = 'zip';
    } finally {
      this.busy = false;
    }
  }

  /** How many of `photos` have regions (the ZIP's count). */
  countWithRegions(photos: readonly HidePhoto[]): number {
    return photos.filter((p) => (this.counts[p.id] ?? 0) > 0).length;
  }

  #begin(): void {
    this.busy = true;
    this.failure = undefined;
    this.status = { key: 'status.exporting' };
  }

  #history(id: string): RegionHistory {
    let history = this.#histories.get(id);
    if (!history) {
      history = new RegionHistory();
      this.#histories.set(id, history);
    }
    return history;
  }

  #hide(boxes: readonly Detected[]): void {
    const fresh = boxes.filter((b) => !this.regions.some((r) => r.id === b.id));
    if (fresh.length === 0) return;
    const added = fresh.map((b) => ({ id: b.id, kind: b.kind, box: padBox(b.box, this.width, this.height), style: allowedStyle(b.kind, this.faceStyle) }));
    this.#change([...this.regions, ...added]);
  }

  #change(next: readonly Region[]): void {
    if (!this.photo) return;
    this.#history(this.photo.id).set(next);
    this.status = { key: 'status.count', params: { count: next.length } };
    this.#changed();
  }

  /** Copies the current photo's history into the page's state. */
  #sync(): void {
    const history = this.photo ? this.#history(this.photo.id) : undefined;
    this.regions = history?.regions ?? [];
    this.canUndo = history?.canUndo ?? false;
    this.counts = Object.fromEntries([...this.#histories].map(([id, h]) => [id, h.regions.length]));
  }

  #changed(): void {
    this.#sync();
    this.failure = undefined;
    this.#refreshPreview();
  }

  /** Draws a new preview shortly after the last change, from the same regions the export paints. */
  #refreshPreview(): void {
    clearTimeout(this.#previewTimer);
    this.#previewAbort?.abort();
    if (!this.previewOn || !this.photo) {
      this.#setPreview(undefined);
      return;
    }
    const { file } = this.photo;
    const regions = this.regions;
    this.#previewTimer = setTimeout(() => {
      const abort = new AbortController();
      this.#previewAbort = abort;
      this.#client
        .preview(file, regions, PREVIEW_EDGE, abort.signal)
        .then((blob) => {
          if (abort.signal.aborted) return;
          if (blob) this.#setPreview(URL.createObjectURL(blob));
          else this.failure = 'decode';
        })
        .catch(() => undefined); // aborted by a newer change
    }, PREVIEW_DELAY_MS);
  }

  #setPreview(url: string | undefined): void {
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = url;
  }
}
