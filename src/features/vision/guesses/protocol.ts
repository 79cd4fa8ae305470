/**
 * Messages between the page and the guesses worker (issue #16): the photo and
 * the faces the scan already found go in; per face, what face-api's age/gender
 * and expression networks guess comes out. The bridge
 * (src/lib/worker-bridge.ts) owns the envelope; both sides parse these bodies.
 */
import { z } from 'zod';
import { boxSchema } from '../geometry';

/** The seven classes of face-api's expression network, in its output order (FaceExpressions.ts). */
export const EXPRESSIONS = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'] as const;
export const expressionSchema = z.enum(EXPRESSIONS);
export type Expression = z.infer<typeof expressionSchema>;

/** At most this many faces are guessed about: a crowd photo would otherwise run for minutes (≈ 0.1–0.3 s a face here). */
export const MAX_FACES = 50;

/** Page → worker: guess about these faces of this photo. */
export const guessRequestSchema = z.object({
  type: z.literal('guess'),
  /** The photo as chosen; only read. */
  file: z.instanceof(Blob),
  /** Faces the scan found, in fractions of the oriented photo (protocol.ts faceSchema). */
  faces: z
    .array(z.object({ id: z.string().min(1), box: boxSchema }))
    .min(1)
    .max(MAX_FACES),
});
export type GuessRequest = z.infer<typeof guessRequestSchema>;

/** What the models guess about one face. */
export const faceGuessSchema = z.object({
  /** The scan's face id, so the page can link the guess to its box. */
  faceId: z.string().min(1),
  /** Estimated age in years (a regression: not an integer, can be off by years). */
  age: z.number().min(0).max(150),
  /** Gender presentation the model was trained to output (two classes only), and its probability 0.5–1. */
  gender: z.enum(['female', 'male']),
  genderProbability: z.number().min(0).max(1),
  /** Every expression's probability, 0–1 (they sum to about 1). */
  expressions: z.array(z.object({ expression: expressionSchema, probability: z.number().min(0).max(1) })).length(EXPRESSIONS.length),
});
export type FaceGuess = z.infer<typeof faceGuessSchema>;

/** Why the guesses stopped; selects the message the reader sees. */
export const guessFailureSchema = z.enum(['no-wasm', 'memory', 'model-load', 'decode', 'timeout', 'crashed', 'internal']);
export type GuessFailure = z.infer<typeof guessFailureSchema>;

/** Worker → page, before the answer. */
export const guessProgressSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('loading'),
    /** Bytes received so far, and how many the models need. */
    loaded: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
  z.object({ type: z.literal('working') }),
]);
export type GuessProgress = z.infer<typeof guessProgressSchema>;

/** Worker → page: the answer. */
export const guessReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('done'),
    guesses: z.array(faceGuessSchema),
    /** Time the two networks took per face, ms (measured for the report; shown nowhere). */
    msPerFace: z.number().nonnegative(),
  }),
  z.object({ type: z.literal('failed'), failure: guessFailureSchema, detail: z.string() }),
]);
export type GuessReply = z.infer<typeof guessReplySchema>;

/** The three bodies, for the bridge (page) and serve (worker). */
export const GUESSES_PROTOCOL = { request: guessRequestSchema, reply: guessReplySchema, progress: guessProgressSchema };
