import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildVersion, bundleWorker, precacheUrls } from '../../integrations/offline.mjs';
import {
  MODELS_CACHE,
  PRECACHE_CONCURRENCY,
  SKIP_WAITING,
  activated,
  cacheName,
  handles,
  navigate,
  precache,
  removeOldCaches,
  removeUnusedCaches,
  respond,
  savesData,
  type NavigateDeps,
  type OfflineDeps,
  type WaitingWorker,
} from '../../src/sw/strategies';

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
    expect(precacheUrls(['index.html', 'en/index.html', '_astro/a.js', 'pagefind/x.pf_index', '_headers', 'sw.js', 'a.js.map', 'models/m@1/w.onnx'])).toEqual([
      '/',
      '/_astro/a.js',
      '/en/',
      '/pagefind/x.pf_index',
    ]);
  });
  it('changes when any byte of the build changes, and only then', () => {
    const files = [
      { path: 'a', bytes: new Uint8Array([1]) },
      { path: 'b', bytes: new Uint8Array([2]) },
    ];
    const v = buildVersion(files, 'sw');
    expect(v).toMatch(/^[0-9a-f]{12}$/);
    expect(buildVersion([...files].reverse(), 'sw')).toBe(v);
    expect(
      buildVersion(
        [
          { path: 'a', bytes: new Uint8Array([9]) },
          { path: 'b', bytes: new Uint8Array([2]) },
        ],
        'sw',
      ),
    ).not.toBe(v);
    expect(buildVersion(files, 'sw2')).not.toBe(v);
  });
  it('names the cache after the bundled worker, so a change in strategies.ts (not only sw.ts) makes a new cache', async () => {
    const files = [{ path: 'index.html', bytes: new Uint8Array([1]) }];
    const real = await bundleWorker('src/sw/sw.ts', ['/'], files);
    expect(real.code).toContain(`"${real.version}"`);
    expect(real.code).not.toContain('placeholder');
    // The same entry file, bundled with a changed module it imports.
    const dir = mkdtempSync(join(tmpdir(), 'bya-sw-'));
    try {
      writeFileSync(join(dir, 'strategies.ts'), `${readFileSync('src/sw/strategies.ts', 'utf8')}\nexport const CHANGED = 1; console.log(CHANGED);\n`);
      writeFileSync(join(dir, 'sw.ts'), readFileSync('src/sw/sw.ts', 'utf8'));
      writeFileSync(join(dir, 'share-target.ts'), readFileSync('src/sw/share-target.ts', 'utf8'));
      const changed = await bundleWorker(join(dir, 'sw.ts'), ['/'], files);
      expect(changed.version).not.toBe(real.version);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('install and activate', () => {
  it("precaches every file into this build's cache", async () => {
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
  it("removes older builds' caches but not other sites' caches nor the models' cache", async () => {
    const { caches } = setup({});
    for (const name of ['bya-v1', MODELS_CACHE, 'bya-v2', 'someone-else']) await caches.open(name);
    expect(await removeOldCaches(caches, 'bya-v2', { keepPrevious: false })).toEqual(['bya-v1']);
    expect(await caches.keys()).toEqual([MODELS_CACHE, 'bya-v2', 'someone-else']);
  });
  it("on activation keeps the previous build's cache (a tab may still run it) and never a newer one being installed", async () => {
    const { caches } = setup({});
    for (const name of ['bya-v0', 'bya-v1', 'bya-v2', 'bya-v3']) await caches.open(name);
    expect(await removeOldCaches(caches, 'bya-v2', { keepPrevious: true })).toEqual(['bya-v0']);
    expect(await caches.keys()).toEqual(['bya-v1', 'bya-v2', 'bya-v3']);
    expect(await removeOldCaches(caches, 'bya-gone', { keepPrevious: false })).toEqual([]);
    expect(await caches.keys()).toEqual(['bya-v1', 'bya-v2', 'bya-v3']);
  });
  it("deletes the previous build's cache only once every open window was loaded by this build", async () => {
    const { deps, caches } = setup({});
    for (const name of ['bya-v1', 'bya-v2']) await caches.open(name);
    const loaded = new Set(['new-tab']);
    expect(await removeUnusedCaches(deps, ['old-tab', 'new-tab'], loaded)).toEqual([]);
    expect(await caches.keys()).toEqual(['bya-v1', 'bya-v2']);
    expect(await removeUnusedCaches(deps, ['new-tab'], loaded)).toEqual(['bya-v1']);
    expect(await caches.keys()).toEqual(['bya-v2']);
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
  it('finds a hashed file of the previous build in its cache (a tab opened before the update loads its lazy chunks)', async () => {
    const { deps, state } = setup({});
    await (await deps.caches.open('bya-v1')).put(`${ORIGIN}/_astro/old.js`, new Response('old chunk'));
    await (await deps.caches.open('bya-v1')).put(`${ORIGIN}/geo/world.json`, new Response('old data'));
    await deps.caches.open(deps.cache);
    expect(await (await respond(deps, asset('/_astro/old.js'))).text()).toBe('old chunk');
    // A file whose name is not hashed may have changed: only this build's copy (or the network) will do.
    expect((await respond(deps, asset('/geo/world.json'))).status).toBe(404);
    expect(state.calls).toEqual(['/geo/world.json']);
  });
  it('keeps a model after its first download, cache first, in a cache the build clean-up never deletes', async () => {
    const { deps, state, caches } = setup({ '/models/m@1/w.onnx': 'weights' });
    expect(await (await respond(deps, asset('/models/m@1/w.onnx'))).text()).toBe('weights');
    state.offline = true;
    expect(await (await respond(deps, asset('/models/m@1/w.onnx'))).text()).toBe('weights');
    expect(state.calls).toEqual(['/models/m@1/w.onnx']);
    expect(await removeOldCaches(caches, deps.cache, { keepPrevious: false })).toEqual([]);
    expect(await caches.keys()).toContain(MODELS_CACHE);
  });
  it('does not keep a model answer that is not whole (an error, a range)', async () => {
    const { deps, state } = setup({});
    expect((await respond(deps, asset('/models/m@1/none.onnx'))).status).toBe(404);
    expect((await respond(deps, asset('/models/m@1/none.onnx'))).status).toBe(404);
    expect(state.calls).toEqual(['/models/m@1/none.onnx', '/models/m@1/none.onnx']);
  });
});

/** A waiting worker that activates `after` ms after being told to (never when `after` is null). */
class FakeWaiting extends EventTarget implements WaitingWorker {
  state = 'installed';
  readonly messages: string[] = [];
  constructor(private readonly after: number | null) {
    super();
  }
  postMessage(message: string): void {
    this.messages.push(message);
    if (this.after === null) return;
    setTimeout(() => {
      this.state = 'activated';
      this.dispatchEvent(new Event('statechange'));
    }, this.after);
  }
}

describe('handing over to a new build at a navigation', () => {
  const withWaiting = (waiting: FakeWaiting | null, windows: number): { deps: NavigateDeps; state: { calls: string[] } } => {
    const { deps, state } = setup({ '/en/': 'page of this build' });
    return { deps: { ...deps, waiting: () => waiting, windowCount: async () => windows, activationTimeoutMs: 200 }, state };
  };
  it('with no worker waiting, serves the page', async () => {
    const { deps } = withWaiting(null, 1);
    expect(await (await navigate(deps, page('/en/'))).text()).toBe('page of this build');
  });
  it('tells the waiting worker to take over and reloads only once it is active', async () => {
    const waiting = new FakeWaiting(30);
    const { deps, state } = withWaiting(waiting, 1);
    const response = await navigate(deps, page('/en/'));
    expect(waiting.messages).toEqual([SKIP_WAITING]);
    expect(waiting.state).toBe('activated');
    expect(response.headers.get('refresh')).toBe('0');
    expect(state.calls, "the old build's page is not fetched").toEqual([]);
  });
  it('serves the page itself, without a reload, when the new worker does not activate in time (no loop)', async () => {
    const waiting = new FakeWaiting(null);
    const { deps } = withWaiting(waiting, 1);
    const response = await navigate(deps, page('/en/'));
    expect(waiting.messages).toEqual([SKIP_WAITING]);
    expect(response.headers.get('refresh')).toBeNull();
    expect(await response.text()).toBe('page of this build');
  });
  it('waits while other windows are open', async () => {
    const waiting = new FakeWaiting(0);
    const { deps } = withWaiting(waiting, 2);
    const response = await navigate(deps, page('/en/'));
    expect(waiting.messages).toEqual([]);
    expect(await response.text()).toBe('page of this build');
  });
  it('stops waiting for an activation when the worker becomes redundant, and forgets its listener', async () => {
    vi.useFakeTimers();
    try {
      const worker = new FakeWaiting(null);
      const removed = vi.spyOn(worker, 'removeEventListener');
      const result = activated(worker, 10_000);
      worker.state = 'redundant';
      worker.dispatchEvent(new Event('statechange'));
      expect(await result).toBe(false);
      expect(removed).toHaveBeenCalledOnce();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Save-Data', () => {
  it('is on only when the browser says saveData is true', () => {
    expect(savesData({ connection: { saveData: true } })).toBe(true);
    expect(savesData({ connection: { saveData: false } })).toBe(false);
    expect(savesData({})).toBe(false);
    expect(savesData({ connection: null })).toBe(false);
  });
});
