/**
 * The guesses panel's state: one request at a time, replies folded into what
 * the panel shows. Kept out of the component so the island stays short.
 */
import { GuessClient } from './client';
import { MAX_FACES, type FaceGuess, type GuessFailure, type GuessProgress, type GuessReply, type GuessRequest } from './protocol';

export type GuessPhase = 'idle' | 'loading' | 'working' | 'done' | 'failed' | 'cancelled';

export class GuessState {
  phase = $state<GuessPhase>('idle');
  loaded = $state(0);
  total = $state(0);
  guesses = $state<FaceGuess[]>([]);
  /** How long the two networks took per face, ms (on the panel as data-ms-per-face, for benches and tests). */
  msPerFace = $state(0);
  failure = $state<GuessFailure | undefined>();
  /** The worker's technical cause of a failure (kept on the alert as data-detail for bug reports and tests; not shown). */
  detail = $state('');
  readonly #client = new GuessClient();
  #abort: AbortController | undefined;

  get running(): boolean {
    return this.phase === 'loading' || this.phase === 'working';
  }

  /**
   * Guesses about `faces` (the first MAX_FACES) of `file`; a request already running is cancelled first.
   * The faces are copied into plain objects: the scan's are Svelte state proxies, which postMessage cannot clone.
   */
  async start(file: Blob, faces: GuessRequest['faces']): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.phase = 'loading';
    this.loaded = 0;
    this.total = 0;
    this.guesses = [];
    this.failure = undefined;
    try {
      const reply = await this.#client.guess(
        { file, faces: faces.slice(0, MAX_FACES).map((f) => ({ id: f.id, box: { x: f.box.x, y: f.box.y, w: f.box.w, h: f.box.h } })) },
        (p) => this.#take(p),
        abort.signal,
      );
      if (this.#abort === abort) this.#take(reply);
    } catch {
      if (this.#abort === abort) this.phase = 'cancelled';
    }
  }

  cancel(): void {
    this.#abort?.abort();
  }

  /** Forgets the guesses (a new scan, a new photo). */
  reset(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.phase = 'idle';
    this.guesses = [];
    this.failure = undefined;
  }

  #take(reply: GuessProgress | GuessReply): void {
    switch (reply.type) {
      case 'loading':
        this.loaded = reply.loaded;
        this.total = reply.total;
        break;
      case 'working':
        this.phase = 'working';
        break;
      case 'done':
        this.guesses = reply.guesses;
        this.msPerFace = reply.msPerFace;
        this.phase = 'done';
        break;
      case 'failed':
        this.failure = reply.failure;
        this.detail = reply.detail;
        this.phase = 'failed';
        break;
    }
  }
}
