/**
 * The scan's files under /models/ (copied at build time by
 * integrations/vision-assets.mjs, which also hands this list over), looked up
 * by role. Parsed with zod: the list is generated, not typed.
 */
import { z } from 'zod';
import files from 'virtual:vision-assets';

/** One file the scan can fetch. */
export const assetSchema = z.object({
  /** What it is for (see VISION_FILES in the integration). */
  role: z.string(),
  /** npm package it comes from, and its version (the URL carries both). */
  pkg: z.string(),
  version: z.string(),
  /** Same-origin URL under /models/. */
  url: z.string().startsWith('/models/'),
  /** Size on disk, for the progress bar. */
  bytes: z.number().int().positive(),
});
export type Asset = z.infer<typeof assetSchema>;

export const ASSETS: readonly Asset[] = z.array(assetSchema).parse(files);

/** The file for a role; throws when the build did not copy it (a bug). */
export function asset(role: string): Asset {
  const found = ASSETS.find((a) => a.role === role);
  if (!found) throw new Error(`vision: no asset for ${role}`);
  return found;
}

/** The folder of a file's URL, with its trailing slash (Human and tfjs want folders). */
export function folderOf(url: string): string {
  return url.slice(0, url.lastIndexOf('/') + 1);
}
