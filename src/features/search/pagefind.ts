/**
 * A typed door to Pagefind's browser API, loaded only when the reader searches.
 * Pagefind's output is validated: it comes from a file on our own origin, but
 * it is still data crossing a boundary. The checks are written by hand (a few
 * lines) rather than with zod, whose core would be 47 KB gzip of the search
 * page's JavaScript for these three shapes.
 */

/** What a result's `data()` gives: its page, the excerpt (text with <mark>) and the title. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A result's data, or an error: never a partly checked value. */
export function parseResultData(v: unknown): ResultData {
  if (!isRecord(v) || typeof v['url'] !== 'string' || typeof v['excerpt'] !== 'string' || !isRecord(v['meta'])) {
    throw new TypeError('pagefind: unexpected result data');
  }
  const title = v['meta']['title'];
  if (title !== undefined && typeof title !== 'string') throw new TypeError('pagefind: unexpected title');
  return { url: v['url'], excerpt: v['excerpt'], meta: title === undefined ? {} : { title } };
}

/** Pagefind's module: we only check that the two functions we call exist. */
interface RawApi {
  init: () => Promise<unknown>;
  search: (query: string) => Promise<unknown>;
}
function parseApi(v: unknown): RawApi {
  if (!isRecord(v)) throw new TypeError('pagefind: not a module');
  const { init, search } = v;
  if (typeof init !== 'function' || typeof search !== 'function') throw new TypeError('pagefind: missing init or search');
  return {
    init: async () => Reflect.apply(init, v, []),
    search: async (query: string) => Reflect.apply(search, v, [query]),
  };
}

/** A search's answer: the list of results, each with its `data()` loader. */
export function parseSearchResults(v: unknown): { data: () => Promise<unknown> }[] {
  const results = isRecord(v) ? v['results'] : undefined;
  if (!Array.isArray(results)) throw new TypeError('pagefind: unexpected search answer');
  return results.map((r: unknown) => {
    const data = isRecord(r) ? r['data'] : undefined;
    if (typeof data !== 'function') throw new TypeError('pagefind: result without data()');
    return { data: async () => Reflect.apply(data, r, []) };
  });
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
