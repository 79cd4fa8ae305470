/**
 * The worker side of the bridge (see worker-bridge.ts): parses each request
 * with the protocol's schema, runs the handler, and validates what it sends
 * **before** sending it, so a reply the page would refuse (a hostile file
 * with more text blocks than the protocol allows, say) is reported at once as
 * a fault with its cause instead of being dropped by the page and turning
 * into a time-out. A handler cuts its data to the protocol's limits itself
 * (and says how much it left out); this check is the net under that.
 */
import { causeOf, MAX_CAUSE, toWorkerSchema, type FromWorker, type Protocol } from './worker-wire';

/** What a handler may do besides answering. */
export interface ServeContext<Progress> {
  /** Sends progress before the answer (validated like the answer). */
  progress: (body: Progress) => void;
}

/** The scope a worker listens on (the worker's global; a stand-in in unit tests). */
export interface WorkerScope {
  postMessage: (message: FromWorker) => void;
  addEventListener: (type: 'message', listener: (event: MessageEvent<unknown>) => void) => void;
}

/** Serves one protocol with `handler` on `scope`: the worker's `self` (a stand-in in unit tests). */
export function serve<Request, Reply, Progress>(
  scope: WorkerScope,
  protocol: Protocol<Request, Reply, Progress>,
  handler: (request: Request, context: ServeContext<Progress>) => Promise<Reply> | Reply,
): void {
  scope.addEventListener('message', (event) => {
    const envelope = toWorkerSchema.safeParse(event.data);
    if (!envelope.success) return; // not ours: the bridge only sends envelopes
    const { id } = envelope.data;
    const fault = (cause: string): void => scope.postMessage({ kind: 'fault', id, cause: cause.slice(0, MAX_CAUSE) });
    const request = protocol.request.safeParse(envelope.data.body);
    if (!request.success) {
      fault(causeOf(request.error, 'request refused'));
      return;
    }
    let faulted = false;
    const context: ServeContext<Progress> = {
      progress: (body) => {
        const checked = protocol.progress.safeParse(body);
        if (checked.success) scope.postMessage({ kind: 'progress', id, body: checked.data });
        else if (!faulted) {
          faulted = true;
          fault(causeOf(checked.error, 'progress not sent'));
        }
      },
    };
    void (async () => {
      let reply: Reply;
      try {
        reply = await handler(request.data, context);
      } catch (error) {
        fault(`handler failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
        return;
      }
      const checked = protocol.reply.safeParse(reply);
      if (faulted) return;
      if (checked.success) scope.postMessage({ kind: 'done', id, body: checked.data });
      else fault(causeOf(checked.error, 'reply not sent'));
    })();
  });
}
