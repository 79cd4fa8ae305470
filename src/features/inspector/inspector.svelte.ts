/**
 * The inspector's page state: the files of the current batch and what was
 * read from each. A new choice aborts the previous batch. Files are read one
 * at a time in the worker; each result appears as soon as it is ready.
 */
import { tick } from 'svelte';
import { selection, type SelectionOrigin } from '../photos/selection.svelte';
import type { Card } from './findings';
import type { ReadErrorCode, Reading } from './protocol';

/**
 * The reading pipeline (worker client, zod protocol, findings, summary) loads on
 * the first file, so the island's initial JavaScript carries none of it.
 */
async function pipeline() {
  const [client, findings] = await Promise.all([import('./client'), import('./findings')]);
  return { readFile: client.readFile, findingsFor: findings.findingsFor };
}

/** One chosen file and what became of it. */
export interface FileEntry {
  id: string;
  file: File;
  status: 'waiting' | 'reading' | 'done' | 'failed';
  /** While `reading`, may already hold a quick reading of a large JPEG's headers. */
  reading?: Reading;
  cards: Card[];
  code?: ReadErrorCode;
  /** For 'internal' (a bug on our side): what went wrong, shown so it can be reported. */
  cause?: string;
  /** True once the reader handed this photo to "What they could learn" (this tab only). */
  shared?: boolean;
}

/** Performance mark set when the reader chooses a batch (the bench and the e2e time budgets start here). */
export const BATCH_START_MARK = 'inspector:batch-start';
/** Performance mark set when the first result of a batch is on screen (the bench reads it). */
export const FIRST_RESULT_MARK = 'inspector:first-result';
/** Performance mark set when every file of a batch has its complete reading. */
export const BATCH_DONE_MARK = 'inspector:batch-done';

export class InspectorState {
  entries = $state<FileEntry[]>([]);
  /** Files of the batch still waiting or being read. */
  pending = $derived(this.entries.filter((e) => e.status === 'waiting' || e.status === 'reading').length);
  #controller: AbortController | undefined;

  /**
   * Loads the reading pipeline and starts the worker before the first file,
   * when the reader shows intent (points at, focuses or drags onto the
   * picker): the work is done while the file dialog is open.
   */
  warmUp(): void {
    void import('./client').then((client) => client.warmUp());
    void pipeline();
  }

  /** Hands one photo's summary to "What they could learn" for this tab, because the reader asked. */
  async shareWithProfile(entry: FileEntry): Promise<void> {
    if (!entry.reading || entry.status !== 'done') return;
    const { shareWithProfile } = await import('../photos/summarize');
    shareWithProfile(entry.reading, entry.file);
    for (const other of this.entries) other.shared = other === entry;
  }

  /** Starts a new batch with these files (the previous batch is aborted). */
  async choose(files: File[], origin: SelectionOrigin = 'pick'): Promise<void> {
    if (files.length === 0) return;
    performance.mark(BATCH_START_MARK);
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const chosen = selection.choose(files, origin);
    this.entries = chosen.map((p) => ({ id: p.id, file: p.file, status: 'waiting', cards: [] }));
    const { readFile, findingsFor } = await pipeline();
    let first = true;
    for (const entry of this.entries) {
      if (controller.signal.aborted) return;
      entry.status = 'reading';
      const showFirst = async (): Promise<void> => {
        if (!first) return;
        first = false;
        await tick();
        performance.mark(FIRST_RESULT_MARK);
      };
      try {
        const result = await readFile(entry.file, controller.signal, (quick) => {
          // A large JPEG's headers, read first: show them while the rest is checked.
          entry.reading = quick;
          entry.cards = findingsFor(quick);
          void showFirst();
        });
        if (result.ok) {
          entry.reading = result.reading;
          entry.cards = findingsFor(result.reading);
          entry.status = 'done';
        } else {
          entry.code = result.code;
          if ('cause' in result) entry.cause = result.cause;
          entry.status = 'failed';
        }
      } catch {
        return; // aborted by a newer choice: that batch owns the page now
      }
      await showFirst();
    }
    performance.mark(BATCH_DONE_MARK);
  }
}
