/**
 * A typed door to Pagefind's browser API, loaded only when the reader searches.
 * Pagefind's output is validated with zod: it comes from a file on our own
 * origin, but it is still data crossing a boundary.
 */
import { z } from 'zod';

const resultDataSchema = z.object({
  url: z.string(),
  excerpt: z.string(),
  meta: z.object({ title: z.string().optional() }).loose(),
});
export type ResultData = z.infer<typeof resultDataSchema>;

/** Pagefind's module: we only check that the two functions we call exist. */
const apiSchema = z.object({
  init: z.custom<() => Promise<unknown>>((v) => typeof v === 'function'),
  search: z.custom<(query: string) => Promise<unknown>>((v) => typeof v === 'function'),
});

interface PagefindApi {
  search(query: string): Promise<unknown>;
}

let loading: Promise<PagefindApi> | null = null;

/** Loads the Pagefind bundle once (it picks the index of the page's language). */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const path = '/pagefind/pagefind.js';
    const mod: unknown = await import(/* @vite-ignore */ path);
    const api = apiSchema.parse(mod);
    await api.init();
    return { search: async (query: string) => api.search(query) };
  })();
  return loading;
}

const searchResultSchema = z.object({
  results: z.array(z.object({ data: z.custom<() => Promise<unknown>>((v) => typeof v === 'function') })),
});

/** Runs a search; returns up to `limit` results with their data. */
export async function searchLessons(query: string, limit = 10): Promise<ResultData[]> {
  const api = await loadPagefind();
  const found = searchResultSchema.parse(await api.search(query));
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  return data.map((d) => resultDataSchema.parse(d));
}

/** One piece of an excerpt: plain text, highlighted or not. Never HTML. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Splits Pagefind's excerpt (text with <mark> tags) into text parts, dropping any other markup. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const decode = (s: string): string => s.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);
  const re = /<mark>(.*?)<\/mark>/g;
  let last = 0;
  for (const m of excerpt.matchAll(re)) {
    if (m.index > last) parts.push({ text: decode(excerpt.slice(last, m.index)), mark: false });
    parts.push({ text: decode(m[1] ?? ''), mark: true });
    last = m.index + m[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last)), mark: false });
  return parts.filter((p) => p.text.length > 0);
}
