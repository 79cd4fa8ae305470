/**
 * One small interface over two drivers, so each flow is written once and run
 * in both engines:
 * - Firefox ESR (Debian's `firefox-esr`) through puppeteer-core over WebDriver BiDi;
 * - WebKitGTK (Debian's `webkit2gtk-driver`: WebKitWebDriver + MiniBrowser) over
 *   classic WebDriver, under a display (npm run test:engines starts xvfb-run).
 * WebKitGTK is the engine of Safari, not Safari itself.
 *
 * Both browsers are sent through a trap proxy for every origin but the test
 * site's (see trap.ts), so a request to another origin that got past the page's
 * CSP is seen whatever part of the browser made it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { z } from 'zod';
import { WebDriverSession, waitForDriver } from './webdriver';

export type EngineName = 'firefox' | 'webkit';

export interface LaunchOptions {
  /** Origin of the site under test (what the trap proxy lets through directly). */
  base: string;
  /** Port of the trap proxy every other origin goes to. */
  trapPort: number;
  /** IANA zone the browser process runs in (the profile tool reads it back). */
  timeZone: string;
  /** Firefox only: extra preferences (e.g. privacy.resistFingerprinting). */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

export interface Engine {
  readonly name: EngineName;
  /** Loads a path of the site and waits for its load event; the page hook (PAGE_HOOK) is then in place. */
  goto(path: string): Promise<void>;
  /**
   * Runs a self-contained function in the page (it is sent as source text: it
   * may not use anything from this file's scope) and parses its JSON result.
   */
  evaluate<T, A extends unknown[]>(schema: z.ZodType<T>, fn: (...args: A) => unknown, ...args: A): Promise<T>;
  /** Sets files on the file input that matches `selector` (fires input and change as a reader's choice does). */
  setFiles(selector: string, paths: readonly string[]): Promise<void>;
  /** A real click (the driver's pointer), on the first element that matches `selector`. */
  click(selector: string): Promise<void>;
  /** URLs of the requests the driver reported (Firefox: BiDi network events); null where the driver reports none (WebKit classic). */
  readonly driverRequests: string[] | null;
  /** Cuts or restores the network in the browser itself, where the driver can (Firefox); false when it cannot. */
  setOffline(offline: boolean): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Installed in every page before a test looks at it: in Firefox before the
 * page's own scripts (a BiDi preload script), in WebKit right after the load
 * (classic WebDriver has no preload scripts; the page's `saveBlob` reads
 * `URL.createObjectURL` when the reader clicks, so the wrap is still in time).
 * - keeps every Blob handed to `URL.createObjectURL` (the clean files), and
 *   stops blob downloads from opening a save dialog (the Blob is what we check),
 *   and the print dialog (the crawl clicks every button);
 * - records CSP violations (`securitypolicyviolation`, and a buffered
 *   ReportingObserver for those that happened before it was installed, where supported).
 */
export const PAGE_HOOK = `(() => {
  if (window.__bya) return;
  const bya = { blobs: [], csp: [], reporting: typeof ReportingObserver === 'function' };
  window.__bya = bya;
  window.print = () => undefined;
  const create = URL.createObjectURL;
  URL.createObjectURL = function (object) { if (object instanceof Blob) bya.blobs.push(object); return create.call(URL, object); };
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[download]') : null;
    if (a && a.href.startsWith('blob:')) e.preventDefault();
  }, true);
  document.addEventListener('securitypolicyviolation', (e) => bya.csp.push(e.violatedDirective + ' ' + e.blockedURI));
  if (bya.reporting) {
    try {
      new ReportingObserver((reports) => { for (const r of reports) if (r.type === 'csp-violation') bya.csp.push('report ' + JSON.stringify(r.body)); }, { buffered: true, types: ['csp-violation'] }).observe();
    } catch { bya.reporting = false; }
  }
})();`;

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function expression(fn: (...args: never[]) => unknown, args: unknown[]): string {
  return `(${fn.toString()}).apply(null, ${JSON.stringify(args)})`;
}

export function findFirefox(): string {
  const candidates = [process.env['FIREFOX_PATH'], '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string => typeof p === 'string');
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Firefox not found: apt-get install firefox-esr (or set FIREFOX_PATH)');
  return found;
}

export function findMiniBrowser(): string {
  const candidates = [
    process.env['WEBKIT_MINIBROWSER'],
    ...['x86_64-linux-gnu', 'aarch64-linux-gnu'].flatMap((arch) => [
      `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`,
      `/usr/lib/${arch}/webkitgtk-6.0/MiniBrowser`,
    ]),
  ].filter((p): p is string => typeof p === 'string');
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('MiniBrowser not found: apt-get install webkit2gtk-driver (or set WEBKIT_MINIBROWSER)');
  return found;
}

export async function launch(name: EngineName, options: LaunchOptions): Promise<Engine> {
  return name === 'firefox' ? launchFirefox(options) : launchWebKit(options);
}

async function launchFirefox(options: LaunchOptions): Promise<Engine> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    protocol: 'webDriverBiDi',
    // Firefox honours services.settings.server (set by puppeteer to a dummy) only with this variable set.
    env: { ...process.env, TZ: options.timeZone, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      // Every origin but the site's (Firefox never proxies 127.0.0.1) goes to the trap.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.trapPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.trapPort,
      'network.proxy.share_proxy_settings': true,
      'intl.accept_languages': 'fr-FR, fr, en',
      // Firefox's own traffic, which the trap would otherwise report (it is not the site's): Remote Settings,
      // captive-portal and connectivity checks, Safe Browsing, add-on and plugin updates, telemetry.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'browser.safebrowsing.downloads.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'extensions.update.enabled': false,
      'extensions.blocklist.enabled': false,
      'media.gmp-manager.url': '',
      'app.update.enabled': false,
      'toolkit.telemetry.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'security.remote_settings.crlite_filters.enabled': false,
      'security.remote_settings.intermediates.enabled': false,
      'browser.region.network.url': '',
      'network.dns.disablePrefetch': true,
      ...options.firefoxPrefs,
    },
  });
  const page: Page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.evaluateOnNewDocument(PAGE_HOOK);
  const requests: string[] = [];
  page.on('request', (request) => {
    requests.push(request.url());
  });
  return {
    name: 'firefox',
    driverRequests: requests,
    async goto(path) {
      await page.goto(new URL(path, options.base).href, { waitUntil: 'load', timeout: 60_000 });
    },
    async evaluate(schema, fn, ...args) {
      return schema.parse(await page.evaluate(`Promise.resolve(${expression(fn, args)}).then((value) => (value === undefined ? null : value))`));
    },
    async setFiles(selector, paths) {
      const handle = await page.waitForSelector(selector, { timeout: 10_000 });
      if (!handle) throw new Error(`no ${selector}`);
      // The selector names a file input; puppeteer's uploadFile lives on input handles.
      await (handle as ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    async click(selector) {
      await page.click(selector);
    },
    async setOffline(offline) {
      await page.setOfflineMode(offline);
      return true;
    },
    async close() {
      await browser.close();
    },
  };
}

async function launchWebKit(options: LaunchOptions): Promise<Engine> {
  if (!process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'])
    throw new Error('WebKitGTK needs a display: run `npm run test:engines` (it starts xvfb-run), or xvfb-run -a yourself');
  const port = await freePort();
  const driverUrl = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const driver: ChildProcess = spawn('WebKitWebDriver', [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // MiniBrowser keeps its data (service worker registrations, caches) under XDG dirs: a fresh one each run.
    env: {
      ...process.env,
      TZ: options.timeZone,
      LANG: 'fr_FR.UTF-8',
      XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'bya-webkit-data-')),
      XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'bya-webkit-cache-')),
    },
  });
  driver.stderr?.on('data', (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 50) log.shift();
  });
  await waitForDriver(driverUrl);
  const origin = new URL(options.base);
  const session = await WebDriverSession.create(driverUrl, {
    browserName: 'MiniBrowser',
    timeouts: { script: 120_000, pageLoad: 60_000, implicit: 0 },
    'webkitgtk:browserOptions': {
      binary: findMiniBrowser(),
      args: ['--automation', `--proxy=http://127.0.0.1:${options.trapPort}`, `--ignore-host=${origin.hostname}`],
    },
  });
  await session.setWindowSize(1280, 900);
  const installHook = (): Promise<unknown> => session.execute(PAGE_HOOK);
  return {
    name: 'webkit',
    driverRequests: null,
    async goto(path) {
      await session.navigate(new URL(path, options.base).href);
      await installHook();
    },
    async evaluate(schema, fn, ...args) {
      const script = `const done = arguments[0];
        Promise.resolve().then(() => ${expression(fn, args)}).then((value) => done({ ok: true, value: value === undefined ? null : value }), (e) => done({ ok: false, error: String(e && e.stack ? e.message + '\\n' + e.stack : e) }));`;
      const reply = z
        .union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })])
        .parse(await session.executeAsync(script));
      if (!reply.ok) throw new Error(`in the page: ${reply.error}`);
      return schema.parse(reply.value);
    },
    async setFiles(selector, paths) {
      await session.sendKeys(await session.find(selector), paths.join('\n'));
    },
    async click(selector) {
      const element = await session.find(selector);
      // WebKitWebDriver refuses an element outside the viewport as "not interactable" instead of scrolling to it.
      await session.execute('arguments[0].scrollIntoView({ block: "center", behavior: "instant" })', [{ 'element-6066-11e4-a52e-4f735466cecf': element }]);
      await session.click(element);
    },
    async setOffline() {
      return false;
    },
    async close() {
      await session.delete().catch(() => undefined);
      driver.kill();
    },
  };
}
