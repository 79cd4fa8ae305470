/**
 * The cleaner's state for one island: the batch, its options, its progress.
 * Files are cleaned one after another in the worker; the page only receives
 * small messages and the clean Blobs, so it stays responsive on big batches.
 */
import { DEFAULT_CLEAN_OPTIONS, type CleanOptions } from '../../formats/types';
import { CleanerClient, type CleanOutcome } from './client';
import { saveBlob } from '../../lib/save-blob';
import { neutralName, safeFileName, uniqueNames } from './naming';
import { shouldAnnounce, type BatchCounts } from './progress';
import { copyPng, shareFiles, type HandoffResult } from './handoff';

/** One file of the batch. */
export interface CleanerItem {
  /** Unique within the page. */
  key: string;
  /** The original: only read, never modified. */
  file: File;
  /** 1-based position in the batch (for the neutral name). */
  position: number;
  status: 'waiting' | 'working' | 'done';
  /** Set when done. */
  outcome?: CleanOutcome;
  /** The name the clean file will get, as the reader typed it. */
  name: string;
  /** What the last share or copy of this file came to. */
  handoff?: { action: 'share' | 'copy'; result: HandoffResult };
}

let keys = 0;

/** One cleaner's batch. */
export class CleanerState {
  items = $state<CleanerItem[]>([]);
  options = $state<CleanOptions>({ ...DEFAULT_CLEAN_OPTIONS });
  running = $state(false);
  zipping = $state(false);
  zipFailed = $state(false);
  /** The last progress text given to the polite live region. */
  announced = $state<BatchCounts>({ total: 0, cleaned: 0, failed: 0 });

  counts: BatchCounts = $derived({
    total: this.items.length,
    cleaned: this.items.filter((i) => i.outcome?.type === 'cleaned').length,
    failed: this.items.filter((i) => i.outcome?.type === 'failed').length,
  });

  #client = new CleanerClient();
  #abort: AbortController | undefined;

  /** Starts a new batch with these files (a running batch is stopped first). */
  async clean(files: readonly File[]): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.zipFailed = false;
    this.items = files.map((file, i) => ({ key: `f${++keys}`, file, position: i + 1, status: 'waiting', name: '' }));
    this.announced = { ...this.counts };
    this.running = true;
    const options = $state.snapshot(this.options);
    try {
      for (const item of this.items) {
        if (abort.signal.aborted) return;
        item.status = 'working';
        const outcome = await this.#client.clean(item.file, options, abort.signal);
        item.outcome = outcome;
        if (outcome.type === 'cleaned') item.name = neutralName(item.position, outcome.format);
        item.status = 'done';
        if (shouldAnnounce(this.counts)) this.announced = { ...this.counts };
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    } finally {
      if (this.#abort === abort) {
        this.running = false;
        this.announced = { ...this.counts };
      }
    }
  }

  /** The safe name the clean file of `item` is saved under. */
  fileName(item: CleanerItem): string {
    if (item.outcome?.type !== 'cleaned') return '';
    return safeFileName(item.name, item.outcome.format, item.position);
  }

  /** The clean file of `item` as a File under its safe name (for sharing), or undefined. */
  cleanFile(item: CleanerItem): File | undefined {
    if (item.outcome?.type !== 'cleaned') return undefined;
    return new File([item.outcome.blob], this.fileName(item), { type: item.outcome.blob.type || `image/${item.outcome.format}` });
  }

  /** Every clean file of the batch, as Files (for sharing them all). */
  cleanFiles(): File[] {
    return this.items.flatMap((item) => this.cleanFile(item) ?? []);
  }

  /** Opens the share sheet with one clean file. */
  async share(item: CleanerItem): Promise<void> {
    const file = this.cleanFile(item);
    if (file) item.handoff = { action: 'share', result: await shareFiles([file]) };
  }

  /** Shares every clean file at once; the result is the batch's. */
  async shareAll(): Promise<HandoffResult> {
    return shareFiles(this.cleanFiles());
  }

  /** Puts the clean file's pixels on the clipboard as a PNG (made in the worker; the write starts in the click). */
  async copy(item: CleanerItem): Promise<void> {
    if (item.outcome?.type !== 'cleaned') return;
    item.handoff = { action: 'copy', result: await copyPng(this.#client.png(item.outcome.blob)) };
  }

  /** Saves one clean file. */
  download(item: CleanerItem): void {
    if (item.outcome?.type === 'cleaned') saveBlob(item.outcome.blob, this.fileName(item));
  }

  /** Saves every clean file as one ZIP, built in the worker. */
  async downloadZip(zipName: string): Promise<void> {
    const done = this.items.filter((i) => i.outcome?.type === 'cleaned');
    const names = uniqueNames(done.map((i) => this.fileName(i)));
    const entries = done.flatMap((item, n) => (item.outcome?.type === 'cleaned' ? [{ name: names[n] ?? this.fileName(item), blob: item.outcome.blob }] : []));
    this.zipping = true;
    this.zipFailed = false;
    try {
      saveBlob(await this.#client.zip(entries), zipName);
    } catch {
      this.zipFailed = true;
    } finally {
      this.zipping = false;
    }
  }

  /** Starts the worker before the first file (the reader is about to choose one). */
  warmUp(): void {
    this.#client.warmUp();
  }

  /** Stops everything (the island is going away). */
  dispose(): void {
    this.#abort?.abort();
    this.#client.terminate();
  }
}
