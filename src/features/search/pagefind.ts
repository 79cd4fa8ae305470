/**
 * A typed door to Pagefind's browser API, loaded only when the reader searches.
 * Pagefind's output is validated with zod/mini (the tree-shakable build of
 * zod: a few KB for these three shapes, where zod's full core was 47 KB gzip
 * of the search page): it comes from a file on our own origin, but it is
 * still data crossing a boundary.
 */
import * as z from 'zod/mini';

type Loader = (...args: unknown[]) => unknown;
const fn = z.custom<Loader>((v) => typeof v === 'function');

const resultDataSchema = z.object({
  url: z.string(),
  excerpt: z.string(),
  meta: z.object({ title: z.optional(z.string()) }),
});

/** What a result's `data()` gives: its page, the excerpt (text with <mark>) and the title. */
export type ResultData = z.infer<typeof resultDataSchema>;

/** A result's data, or an error: never a partly checked value. */
export function parseResultData(v: unknown): ResultData {
  const parsed = resultDataSchema.safeParse(v);
  if (!parsed.success) throw new TypeError('pagefind: unexpected result data');
  const { title } = parsed.data.meta;
  return { url: parsed.data.url, excerpt: parsed.data.excerpt, meta: title === undefined ? {} : { title } };
}

const apiSchema = z.object({ init: fn, search: fn });
/** A result, kept as the very object Pagefind gave (z.custom does not copy): its data() is called on it. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- z.custom types its input as the output; at run time it is unknown
const resultSchema = z.custom<{ data: Loader }>((r) => typeof r === 'object' && r !== null && typeof Reflect.get(r, 'data') === 'function');
const searchAnswerSchema = z.object({ results: z.array(resultSchema) });

/** Pagefind's module: the two functions we call, bound to it. */
interface RawApi {
  init: () => Promise<unknown>;
  search: (query: string) => Promise<unknown>;
}
function parseApi(v: unknown): RawApi {
  const parsed = apiSchema.safeParse(v);
  if (!parsed.success) throw new TypeError('pagefind: missing init or search');
  const { init, search } = parsed.data;
  return {
    init: async () => await Reflect.apply(init, v, []),
    search: async (query: string) => await Reflect.apply(search, v, [query]),
  };
}

/** A search's answer: the list of results, each with its `data()` loader (called on its own result). */
export function parseSearchResults(v: unknown): { data: () => Promise<unknown> }[] {
  const parsed = searchAnswerSchema.safeParse(v);
  if (!parsed.success) throw new TypeError('pagefind: unexpected search answer');
  return parsed.data.results.map((r) => ({ data: async () => await Reflect.apply(r.data, r, []) }));
}

interface PagefindApi {
  search(query: string): Promise<unknown>;
}

let loading: Promise<PagefindApi> | null = null;

/** Loads the Pagefind bundle once (it picks the index of the page's language). */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const path = '/pagefind/pagefind.js';
    const mod: unknown = await import(/* @vite-ignore */ path);
    const api = parseApi(mod);
    await api.init();
    return { search: async (query: string) => api.search(query) };
  })();
  return loading;
}

/** Runs a search; returns up to `limit` results with their data. */
export async function searchLessons(query: string, limit = 10): Promise<ResultData[]> {
  const api = await loadPagefind();
  const results = parseSearchResults(await api.search(query));
  const data = await Promise.all(results.slice(0, limit).map((r) => r.data()));
  return data.map(parseResultData);
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
