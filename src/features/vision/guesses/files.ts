/**
 * The files the guesses tier downloads (rows of integrations/vision-assets.mjs),
 * and how many bytes the opt-in button announces. Pure apart from the asset list.
 */
import { ASSETS } from '../assets';

/**
 * face-api's runtime and its two networks. The tfjs .wasm it runs on is the
 * scan's own file (same tfjs 4.22.0), already fetched by the scan and kept in
 * the models cache, so it is neither counted nor announced.
 */
export const GUESS_ROLES = ['guess-runtime', 'guess-age-json', 'guess-age-bin', 'guess-expression-json', 'guess-expression-bin'] as const;

/** Bytes the tier adds, as the files are on the server (the most a reader downloads; a host's gzip makes it less). */
export function guessBytes(assets: readonly { role: string; bytes: number }[] = ASSETS): number {
  return GUESS_ROLES.reduce((sum, role) => sum + (assets.find((a) => a.role === role)?.bytes ?? 0), 0);
}
