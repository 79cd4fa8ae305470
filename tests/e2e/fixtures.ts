/**
 * Every browser test runs under a privacy guard: it records each request the
 * page makes and fails the test when one goes to another origin, when any
 * request carries a body, when a cookie is set, or when the console logs an error.
 * Import `test` and `expect` from here, not from @playwright/test.
 */
import { test as base, expect, type Request } from '@playwright/test';

export interface PrivacyLog {
  /** Every request URL the page made. */
  requests: string[];
  /** Requests to anything but the site's own origin. */
  foreign: string[];
  /** Requests that carried a body (none should). */
  withBody: string[];
  consoleErrors: string[];
}

interface Fixtures {
  privacy: PrivacyLog;
  /** Console error texts a test expects (e.g. a deliberately failing file); matched by substring. */
  allowConsoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  allowConsoleErrors: [[], { option: true }],
  privacy: [
    async ({ page, context, baseURL, allowConsoleErrors }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4321').origin;
      const log: PrivacyLog = { requests: [], foreign: [], withBody: [], consoleErrors: [] };
      const onRequest = (req: Request): void => {
        const url = req.url();
        log.requests.push(url);
        const isLocal = url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');
        if (!isLocal) log.foreign.push(url);
        if (req.postDataBuffer() !== null) log.withBody.push(`${req.method()} ${url}`);
      };
      context.on('request', onRequest);
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (allowConsoleErrors.some((s) => text.includes(s))) return;
        log.consoleErrors.push(text);
      });
      page.on('pageerror', (err) => log.consoleErrors.push(`pageerror: ${err.message}`));
      await use(log);
      expect(log.foreign, 'requests to another origin').toEqual([]);
      expect(log.withBody, 'requests carrying a body').toEqual([]);
      expect(log.consoleErrors, 'console errors').toEqual([]);
      expect(await context.cookies(), 'cookies').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
