import { describe, expect, it } from 'vitest';
import { buildVersion, precacheUrls } from '../../integrations/offline.mjs';
import { cacheName, handles, precache, PRECACHE_CONCURRENCY, removeOldCaches, respond, type OfflineDeps } from '../../src/sw/strategies';

const ORIGIN = 'https://site.test';

/** An in-memory Cache: just enough of the API for the strategies (keys are absolute URLs). */
class MemoryCache implements Cache {
  readonly entries = new Map<string, Response>();
  async match(request: RequestInfo | URL, options?: CacheQueryOptions): Promise<Response | undefined> {
    const url = new URL(request instanceof Request ? request.url : request.toString());
    if (options?.ignoreSearch) url.search = '';
    return this.entries.get(url.href)?.clone();
  }
  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.entries.set(request instanceof Request ? request.url : request.toString(), response);
  }
  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(request instanceof Request ? request.url : request.toString());
  }
  async keys(): Promise<readonly Request[]> {
    return [...this.entries.keys()].map((k) => new Request(k));
  }
  async matchAll(): Promise<readonly Response[]> {
    return [...this.entries.values()];
  }
  async add(): Promise<void> {
    throw new Error('not used');
  }
  async addAll(): Promise<void> {
    throw new Error('not used');
  }
}

class MemoryCaches implements CacheStorage {
  readonly caches = new Map<string, MemoryCache>();
  async open(name: string): Promise<Cache> {
    const found = this.caches.get(name) ?? new MemoryCache();
    this.caches.set(name, found);
    return found;
  }
  async keys(): Promise<string[]> {
    return [...this.caches.keys()];
  }
  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }
  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }
  async match(): Promise<Response | undefined> {
    throw new Error('not used');
  }
}

/** A fake network serving `site`, which can be taken offline or made slow. */
function setup(site: Record<string, string>) {
  const state = { offline: false, delayMs: 0, calls: [] as string[] };
  const caches = new MemoryCaches();
  const deps: OfflineDeps = {
    caches,
    cache: cacheName('v2'),
    origin: ORIGIN,
    networkTimeoutMs: 50,
    fetch: async (input) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      state.calls.push(url.pathname);
      if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
      if (state.offline) throw new TypeError('Failed to fetch');
      const body = site[url.pathname];
      return body === undefined ? new Response('missing', { status: 404 }) : new Response(body);
    },
  };
  return { deps, caches, state };
}
const page = (path: string) => new Request(`${ORIGIN}${path}`, { headers: { accept: 'text/html' } });
const asset = (path: string) => new Request(`${ORIGIN}${path}`);

describe('the precache list and version', () => {
  it('lists every built file as the path a browser asks for, leaving out host files and the worker itself', () => {
    expect(precacheUrls(['index.html', 'en/index.html', '_astro/a.js', 'pagefind/x.pf_index', '_headers', 'sw.js', 'a.js.map'])).toEqual([
      '/',
      '/_astro/a.js',
      '/en/',
      '/pagefind/x.pf_index',
    ]);
  });
  it('changes when any byte of the build changes, and only then', () => {
    const files = [{ path: 'a', bytes: new Uint8Array([1]) }, { path: 'b', bytes: new Uint8Array([2]) }];
    const v = buildVersion(files, 'sw');
    expect(v).toMatch(/^[0-9a-f]{12}$/);
    expect(buildVersion([...files].reverse(), 'sw')).toBe(v);
    expect(buildVersion([{ path: 'a', bytes: new Uint8Array([9]) }, { path: 'b', bytes: new Uint8Array([2]) }], 'sw')).not.toBe(v);
    expect(buildVersion(files, 'sw2')).not.toBe(v);
  });
});

describe('install and activate', () => {
  it('precaches every file into this build\'s cache', async () => {
    const { deps, caches } = setup({ '/': 'home', '/_astro/a.js': 'js' });
    await precache(deps, ['/', '/_astro/a.js']);
    const cache = caches.caches.get('bya-v2');
    expect([...(cache?.entries.keys() ?? [])].sort()).toEqual([`${ORIGIN}/`, `${ORIGIN}/_astro/a.js`]);
  });
  it('downloads at most PRECACHE_CONCURRENCY files at once, and every one of them', async () => {
    const files = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`/_astro/f${i}.js`, `js${i}`]));
    const { deps, caches } = setup(files);
    let inFlight = 0;
    let peak = 0;
    const fetch = deps.fetch;
    deps.fetch = async (input, init) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    await precache(deps, Object.keys(files));
    expect(peak).toBe(PRECACHE_CONCURRENCY);
    expect(caches.caches.get('bya-v2')?.entries.size).toBe(23);
  });
  it('stops starting downloads after a failure', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/_astro/f${i}.js`, `js${i}`]));
    const { deps } = setup(files);
    const asked: string[] = [];
    const fetch = deps.fetch;
    deps.fetch = async (input, init) => {
      asked.push(String(input));
      return fetch(input, init);
    };
    await expect(precache(deps, ['/gone.js', ...Object.keys(files)], 2)).rejects.toThrow('/gone.js answered 404');
    expect(asked.length).toBeLessThan(5);
  });
  it('fails the install when one file is missing, so the old worker stays', async () => {
    const { deps } = setup({ '/': 'home' });
    await expect(precache(deps, ['/', '/gone.js'])).rejects.toThrow('/gone.js answered 404');
  });
  it('removes older builds\' caches but not other sites\' caches', async () => {
    const { caches } = setup({});
    for (const name of ['bya-v1', 'bya-v2', 'someone-else']) await caches.open(name);
    expect(await removeOldCaches(caches, 'bya-v2')).toEqual(['bya-v1']);
    expect(await caches.keys()).toEqual(['bya-v2', 'someone-else']);
  });
});

describe('answering requests', () => {
  it('leaves other origins and non-GET requests to the browser', () => {
    expect(handles(asset('/x'), ORIGIN)).toBe(true);
    expect(handles(new Request('https://elsewhere.test/x'), ORIGIN)).toBe(false);
    expect(handles(new Request(`${ORIGIN}/x`, { method: 'POST', body: 'x' }), ORIGIN)).toBe(false);
  });
  it('serves pages from the network while online, then from the cache offline', async () => {
    const { deps, state } = setup({ '/en/': 'fresh' });
    await (await deps.caches.open(deps.cache)).put(`${ORIGIN}/en/`, new Response('cached'));
    expect(await (await respond(deps, page('/en/'))).text()).toBe('fresh');
    state.offline = true;
    expect(await (await respond(deps, page('/en/?q=1'))).text()).toBe('cached');
  });
  it('falls back to the cache when the network stalls', async () => {
    const { deps, state } = setup({ '/en/': 'fresh' });
    await (await deps.caches.open(deps.cache)).put(`${ORIGIN}/en/`, new Response('cached'));
    state.delayMs = 200;
    expect(await (await respond(deps, page('/en/'))).text()).toBe('cached');
  });
  it('offline, answers an unknown page with the 404 page of its language', async () => {
    const { deps, state } = setup({});
    const cache = await deps.caches.open(deps.cache);
    await cache.put(`${ORIGIN}/404.html`, new Response('introuvable'));
    await cache.put(`${ORIGIN}/en/404/`, new Response('not found'));
    state.offline = true;
    expect(await (await respond(deps, page('/en/nope/'))).text()).toBe('not found');
    expect(await (await respond(deps, page('/nulle-part/'))).text()).toBe('introuvable');
  });
  it('serves precached assets from the cache without touching the network', async () => {
    const { deps, state } = setup({ '/_astro/a.js': 'network' });
    await (await deps.caches.open(deps.cache)).put(`${ORIGIN}/_astro/a.js`, new Response('cached'));
    expect(await (await respond(deps, asset('/_astro/a.js'))).text()).toBe('cached');
    expect(state.calls).toEqual([]);
    expect((await respond(deps, asset('/_astro/b.js'))).status).toBe(404);
    expect(state.calls).toEqual(['/_astro/b.js']);
  });
});
