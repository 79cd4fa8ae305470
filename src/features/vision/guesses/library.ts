/**
 * The parts of face-api's module and output the guesses worker relies on.
 * face-api's own types describe DOM classes a worker does not have, and are
 * not checked at run time: its module is checked by shape and its output
 * parsed with zod here. Worker-only: the page never imports this.
 */
import { z } from 'zod';
import type { Expression } from './protocol';

/** A tfjs tensor, as far as the worker touches one. */
export interface Tensor {
  dispose: () => void;
}

/** One of face-api's networks. */
interface Net {
  loadFromWeightMap: (map: unknown) => void;
}

/** What the worker calls in face-api.esm.js (it bundles tfjs 4.22.0). */
export interface FaceApi {
  env: { setEnv: (env: object) => void };
  nets: {
    ageGenderNet: Net & { predictAgeAndGender: (input: Tensor) => Promise<unknown> };
    faceExpressionNet: Net & { predictExpressions: (input: Tensor) => Promise<unknown> };
  };
  tf: {
    setWasmPaths: (prefix: string) => void;
    setBackend: (name: string) => Promise<boolean>;
    ready: () => Promise<void>;
    getBackend: () => string;
    io: { loadWeights: (manifest: unknown, base: string) => Promise<unknown> };
    browser: { fromPixels: (pixels: ImageData) => Tensor };
  };
}

const isFn = (v: unknown): boolean => typeof v === 'function';
const at = (v: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (Reflect.get(o, k) as unknown) : undefined), v);

/** True when `mod` has every function the worker calls (a wrong file or version fails here, not mid-run). */
export function isFaceApi(mod: unknown): mod is FaceApi {
  return [
    ['env', 'setEnv'],
    ['nets', 'ageGenderNet', 'predictAgeAndGender'],
    ['nets', 'ageGenderNet', 'loadFromWeightMap'],
    ['nets', 'faceExpressionNet', 'predictExpressions'],
    ['nets', 'faceExpressionNet', 'loadFromWeightMap'],
    ['tf', 'setWasmPaths'],
    ['tf', 'setBackend'],
    ['tf', 'ready'],
    ['tf', 'getBackend'],
    ['tf', 'io', 'loadWeights'],
    ['tf', 'browser', 'fromPixels'],
  ].every((path) => isFn(at(mod, ...path)));
}

/** predictAgeAndGender's answer for one face. */
export const ageGenderSchema = z.object({
  age: z.number(),
  gender: z.enum(['female', 'male']),
  genderProbability: z.number().min(0).max(1),
});

/** predictExpressions's answer: a FaceExpressions object, one probability per class (read as fields: parsing copies data, not methods). */
const probability = z.number().min(0).max(1);
export const expressionsSchema = z.object({
  neutral: probability,
  happy: probability,
  sad: probability,
  angry: probability,
  fearful: probability,
  disgusted: probability,
  surprised: probability,
}) satisfies z.ZodType<Record<Expression, number>>;

/** A tfjs weights manifest (the part loadWeights reads: file names and tensor specs, checked loosely). */
export const manifestSchema = z.array(z.object({ paths: z.array(z.string().min(1)).min(1), weights: z.array(z.unknown()) }));
