/**
 * The few W3C WebDriver (classic) commands the engine tests need, over fetch,
 * to drive WebKitGTK through WebKitWebDriver.
 *
 * Hand-written on purpose (≈80 lines): the `webdriver`/`webdriverio` packages
 * pull in @wdio/utils, whose dependencies (geckodriver, edgedriver…) run
 * install scripts that download browser drivers from the internet, and their
 * engines field excludes our pinned Node 24.21. The protocol itself is small
 * and stable: https://www.w3.org/TR/webdriver2/ (§8 sessions, §10 navigation,
 * §12 elements, §13 script execution).
 */
import { z } from 'zod';

/** The element reference key of the spec (§12.1 "web element identifier"). */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

const replySchema = z.object({ value: z.unknown() });
const errorSchema = z.object({ value: z.object({ error: z.string(), message: z.string() }) });
const sessionSchema = z.object({ sessionId: z.string(), capabilities: z.record(z.string(), z.unknown()) });
const elementSchema = z.object({ [ELEMENT_KEY]: z.string() });

/** One WebDriver session on a running driver. */
export class WebDriverSession {
  private constructor(
    private readonly base: string,
    readonly id: string,
    readonly capabilities: Record<string, unknown>,
  ) {}

  /** Opens a session (§8.1 New Session) with the given `alwaysMatch` capabilities. */
  static async create(driverUrl: string, alwaysMatch: Record<string, unknown>): Promise<WebDriverSession> {
    const value = await send(driverUrl, 'POST', '/session', { capabilities: { alwaysMatch } });
    const session = sessionSchema.parse(value);
    return new WebDriverSession(driverUrl, session.sessionId, session.capabilities);
  }

  private command(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
    return send(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Navigates and waits for the load, as §10.1 says. */
  async navigate(url: string): Promise<void> {
    await this.command('POST', '/url', { url });
  }

  /** Runs `script` (a function body; its arguments are in `arguments`) in the page. */
  execute(script: string, args: unknown[] = []): Promise<unknown> {
    return this.command('POST', '/execute/sync', { script, args });
  }

  /** Runs `script` whose last argument is a callback to call with the result. */
  executeAsync(script: string, args: unknown[] = []): Promise<unknown> {
    return this.command('POST', '/execute/async', { script, args });
  }

  /** The first element matching a CSS selector (throws "no such element" otherwise). */
  async find(selector: string): Promise<string> {
    const value = await this.command('POST', '/element', { using: 'css selector', value: selector });
    return elementSchema.parse(value)[ELEMENT_KEY];
  }

  /** Element Click (§12.4.1): scrolls it into view and clicks its centre like a pointer would. */
  async click(element: string): Promise<void> {
    await this.command('POST', `/element/${element}/click`, {});
  }

  /** Element Send Keys (§12.4.3); on a file input, `text` is the file path(s), one per line. */
  async sendKeys(element: string, text: string): Promise<void> {
    await this.command('POST', `/element/${element}/value`, { text });
  }

  /** Set Window Rect (§11.8.2). */
  async setWindowSize(width: number, height: number): Promise<void> {
    await this.command('POST', '/window/rect', { width, height });
  }

  /** Ends the session (the driver closes the browser). */
  async delete(): Promise<void> {
    await this.command('DELETE', '');
  }
}

async function send(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json();
  if (!response.ok) {
    const error = errorSchema.safeParse(json);
    throw new Error(
      error.success
        ? `WebDriver ${method} ${path}: ${error.data.value.error}: ${error.data.value.message}`
        : `WebDriver ${method} ${path}: HTTP ${response.status}`,
    );
  }
  return replySchema.parse(json).value;
}

/** Waits until the driver answers /status (it takes a moment to listen). */
export async function waitForDriver(driverUrl: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${driverUrl}/status`);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > end) throw new Error(`WebDriver at ${driverUrl} did not start within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
