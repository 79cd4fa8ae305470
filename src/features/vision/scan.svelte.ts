/**
 * The scan island's state: one photo at a time, replies from the worker
 * folded into what the page shows. Kept out of the component so the island
 * stays short.
 */
import { ScanClient } from './client';
import type { Failure, Finding, ScanProgress, ScanReply, ScanRequest, TextLine, VisualProgress } from './protocol';

export type Phase = 'idle' | 'loading' | 'working' | 'done' | 'failed' | 'cancelled';

export class ScanState {
  phase = $state<Phase>('idle');
  /** Model bytes received and needed (loading only). */
  loaded = $state(0);
  total = $state(0);
  step = $state<Extract<ScanProgress, { type: 'step' }> | undefined>();
  visual = $state<VisualProgress | undefined>();
  lines = $state<TextLine[]>([]);
  findings = $state<Finding[]>([]);
  textRead = $state(true);
  failure = $state<Failure | undefined>();
  /** The finding whose boxes are highlighted on the picture. */
  active = $state<string | undefined>();
  readonly #client = new ScanClient();
  #abort: AbortController | undefined;

  get running(): boolean {
    return this.phase === 'loading' || this.phase === 'working';
  }

  /** Scans `file`; a scan already running is cancelled first. */
  async start(file: Blob, languages: ScanRequest['languages']): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.phase = 'working';
    this.loaded = 0;
    this.total = 0;
    this.step = undefined;
    this.visual = undefined;
    this.lines = [];
    this.findings = [];
    this.textRead = true;
    this.failure = undefined;
    this.active = undefined;
    try {
      const reply = await this.#client.scan(file, languages, (progress) => this.#take(progress), abort.signal);
      if (this.#abort === abort) this.#take(reply);
    } catch {
      if (this.#abort === abort) this.phase = 'cancelled';
    }
  }

  cancel(): void {
    this.#abort?.abort();
  }

  #take(reply: ScanProgress | ScanReply): void {
    switch (reply.type) {
      case 'loading':
        this.loaded = reply.loaded;
        this.total = reply.total;
        this.phase = reply.loaded < reply.total ? 'loading' : 'working';
        break;
      case 'step':
        this.step = reply;
        if (this.phase === 'loading' && reply.step !== 'decode') this.phase = 'working';
        break;
      case 'visual':
        this.visual = reply;
        break;
      case 'text':
        this.lines = reply.lines;
        this.findings = reply.findings;
        break;
      case 'done':
        this.lines = reply.lines;
        this.findings = reply.findings;
        this.textRead = reply.textRead;
        this.phase = 'done';
        break;
      case 'failed':
        this.failure = reply.failure;
        this.phase = 'failed';
        break;
    }
  }
}
