/**
 * The envelope every worker of the site speaks, page side (worker-bridge.ts)
 * and worker side (worker-serve.ts). The bridge owns the envelope (the request
 * id, and whether a message is progress, the answer or a fault); each feature
 * owns only the bodies, with its own zod schemas (its `protocol.ts`). So the
 * id never reaches a feature's state, and a new worker needs only its
 * protocol and its handler.
 */
import { z } from 'zod';

/** Longest fault cause carried over the wire (a zod issue list can be long). */
export const MAX_CAUSE = 500;

const id = z.number().int().nonnegative();

/** Page → worker. */
export const toWorkerSchema = z.object({ id, body: z.unknown() });
export type ToWorker = z.infer<typeof toWorkerSchema>;

/** Worker → page. */
export const fromWorkerSchema = z.discriminatedUnion('kind', [
  /** Something to show before the answer (a quick first reading, "converting…"); it also restarts nothing by itself. */
  z.object({ kind: z.literal('progress'), id, body: z.unknown() }),
  /** The answer to request `id`. */
  z.object({ kind: z.literal('done'), id, body: z.unknown() }),
  /** The worker refused the request, failed, or refused to send an answer its own schema rejects (a bug). */
  z.object({ kind: z.literal('fault'), id, cause: z.string().max(MAX_CAUSE) }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** The three bodies of one worker's protocol. */
export interface Protocol<Request, Reply, Progress> {
  /** What the page asks. */
  request: z.ZodType<Request>;
  /** The answer. */
  reply: z.ZodType<Reply>;
  /** What the worker may say before the answer (use `z.never()` when it says nothing). */
  progress: z.ZodType<Progress>;
}

/** A short, readable cause from a zod error: the paths and messages of its first issues. */
export function causeOf(error: z.ZodError, what: string): string {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : '';
  return `${what}: ${issues.join('; ')}${more}`.slice(0, MAX_CAUSE);
}
