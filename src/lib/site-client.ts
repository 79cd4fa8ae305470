/**
 * The site's only always-on script (theme, reading progress, offline notice,
 * service worker). Kept tiny: it is the JavaScript every page pays for.
 */
import { PROGRESS_KEY, markRead, parseProgress } from './progress';
import { savesData } from '../sw/strategies';

const THEMES = ['system', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const isTheme = (v: string | null): v is Theme => v !== null && (THEMES as readonly string[]).includes(v);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: everything still works, nothing is remembered
  }
}

function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
}

function setupTheme(store: Storage | null): void {
  const select = document.querySelector<HTMLSelectElement>('#theme-select');
  if (!select) return;
  // The head script (head-script.mjs) has already applied the saved theme before the first paint.
  const saved = store?.getItem('bya.theme') ?? null;
  select.value = isTheme(saved) ? saved : 'system';
  select.disabled = false;
  select.addEventListener('change', () => {
    const value = isTheme(select.value) ? select.value : 'system';
    applyTheme(value);
    if (value === 'system') store?.removeItem('bya.theme');
    else store?.setItem('bya.theme', value);
  });
}

function setupProgress(store: Storage | null): void {
  let progress = parseProgress(store?.getItem(PROGRESS_KEY) ?? null);
  const current = document.body.dataset['lesson'];
  if (current) {
    progress = markRead(progress, current);
    store?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  }
  const render = (): void => {
    const links = document.querySelectorAll<HTMLElement>('[data-lesson-link]');
    let read = 0;
    for (const link of links) {
      const isRead = progress.read.includes(link.dataset['lessonLink'] ?? '');
      if (isRead) read += 1;
      link.closest('li')?.classList.toggle('is-read', isRead);
      const mark = link.querySelector<HTMLElement>('.read-mark');
      if (mark) mark.hidden = !isRead;
    }
    const counter = document.querySelector<HTMLElement>('[data-progress-count]');
    if (counter) {
      // Not i18n/format's `format`: this script is inlined on every page, and a shared import would become a chunk every page downloads.
      counter.textContent = (counter.dataset['template'] ?? '').replace('{read}', String(read)).replace('{total}', String(links.length));
      counter.hidden = false;
    }
  };
  render();
  const reset = document.querySelector<HTMLButtonElement>('[data-progress-reset]');
  if (reset) {
    reset.hidden = false;
    reset.addEventListener('click', () => {
      store?.removeItem(PROGRESS_KEY);
      progress = { v: 1, read: [] };
      render();
    });
  }
}

function setupOffline(): void {
  const banner = document.querySelector<HTMLElement>('#offline-status');
  if (!banner) return;
  const update = (): void => {
    banner.hidden = navigator.onLine;
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
}

/** How long after the page's load event the offline worker is registered. */
const SERVICE_WORKER_DELAY_MS = 3000;

function setupServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // Save-Data (the reader asked their browser to spare their data plan): no 7 MB download in the
  // background; the site still works online. A worker installed earlier stays (and does not update).
  if (savesData(navigator)) return;
  // The install downloads the whole site (~7 MB, four files at a time) for offline use. It waits until
  // the page has loaded and then a few seconds more, for an idle moment, so that it does not compete
  // for the CPU and the connection with the reader's first page.
  const register = (): void => {
    void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  const later = (): void => {
    window.setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: 2000 });
      else register();
    }, SERVICE_WORKER_DELAY_MS);
  };
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

const store = storage();
setupTheme(store);
setupProgress(store);
setupOffline();
setupServiceWorker();
