/**
 * Lighthouse (performance, accessibility, best practices, SEO) on one page of
 * each kind in both languages: home, a lesson, each tool page, the verify
 * page and search. The built site is served with its real headers by
 * static-server.mjs. Prints the four scores per page, then every audit that
 * did not pass, so a low score always comes with its reason. Exits 0.
 *
 * `--runs=3` audits each page three times and prints the median of each score
 * and of total blocking time (TBT is noisy on a loaded machine: Lighthouse
 * multiplies the wall time of each main-thread task by its 4× CPU throttle,
 * so time the thread spends waiting for a busy CPU counts as blocking).
 * `--preset=desktop` uses Lighthouse's desktop configuration; `--throttling=provided`
 * measures without simulated throttling. Each run gets a fresh Chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { DIST, serve } from './static-server.mjs';
import { ROUTES } from '../src/i18n/routes.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const KINDS = ['home', 'inspector', 'profile', 'checklist', 'quiz', 'rights', 'avatar', 'verify', 'search'];

/** The first lesson's path in a language, read from the build. */
function firstLesson(locale) {
  const base = ROUTES.course[locale];
  const dir = join(DIST, base);
  const slug = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()[0]
    : undefined;
  return slug ? `${base}${slug}/` : undefined;
}

/** A short account of what an audit found (issue types, offending URLs or nodes). */
function detailOf(audit) {
  const items = Array.isArray(audit.details?.items) ? audit.details.items : [];
  const words = items.slice(0, 3).map((item) => {
    const sub = Array.isArray(item.subItems?.items) ? item.subItems.items.map((s) => s.url ?? s.source ?? JSON.stringify(s)).join(', ') : '';
    return [item.issueType, item.url, item.node?.snippet, item.description, sub].filter(Boolean).join(' ').slice(0, 300);
  });
  return words.length > 0 ? ` — ${words.join(' | ')}` : '';
}

if (!existsSync(DIST)) {
  console.log(`No built site in ${DIST}: run \`npm run build\` first.`);
  process.exit(0);
}
const paths = [];
for (const locale of ['fr', 'en']) {
  paths.push(ROUTES.home[locale]);
  const lesson = firstLesson(locale);
  if (lesson) paths.push(lesson);
  for (const kind of KINDS.slice(1)) paths.push(ROUTES[kind][locale]);
}

// `npm run lighthouse -- /en/ /recherche/` audits only the pages given.
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = Math.max(1, Number(runsArg?.slice('--runs='.length) ?? 1) || 1);
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (only.length > 0) paths.splice(0, paths.length, ...only);

// `--throttling=provided` measures without Lighthouse's simulated slow CPU and network (the default is `simulate`).
const throttlingArg = process.argv.find((a) => a.startsWith('--throttling='));
const THROTTLING = throttlingArg?.slice('--throttling='.length) === 'provided' ? 'provided' : 'simulate';
// `--preset=desktop` uses Lighthouse's own desktop configuration (the CLI's `--preset=desktop`: a desktop
// screen, no CPU slowdown, a faster simulated network); the default is Lighthouse's mobile one.
const DESKTOP = process.argv.includes('--preset=desktop');
const CONFIG = DESKTOP ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;

// A control page (one heading, one paragraph, no CSS, no script, no image) measured first: what this
// machine and Chromium cost on their own, so a page's total-blocking-time can be read against it.
const controlDir = mkdtempSync(join(tmpdir(), 'bya-lighthouse-control-'));
mkdirSync(join(controlDir, 'control'));
writeFileSync(
  join(controlDir, 'control', 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Control page</title><meta name="description" content="A bare page that measures the environment."></head><body><main><h1>Control</h1><p>One paragraph of plain text.</p></main></body></html>',
);
writeFileSync(join(controlDir, '404.html'), '<!doctype html><title>Not found</title>');
const control = await serve(controlDir);
const server = await serve(DIST);
// A fresh Chromium for every run, as the `lighthouse` command line does: runs do not share a warm browser.
const launch = () => chromeLauncher.launch({ chromePath: findChromium(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
const rows = [];
const failures = [];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  for (const path of ['(control) /control/', ...paths]) {
    const isControl = path.startsWith('(control)');
    const url = isControl ? `${control.url}/control/` : server.url + path;
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const chrome = await launch();
      try {
        const result = await lighthouse(
          url,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: CATEGORIES,
            throttlingMethod: THROTTLING,
          },
          CONFIG,
        );
        if (result?.lhr) runs.push(result.lhr);
      } finally {
        chrome.kill();
      }
    }
    if (runs.length === 0) {
      rows.push({ path, scores: CATEGORIES.map(() => 'n/a'), perfRange: 'n/a', tbt: 'n/a', bench: 'n/a' });
      continue;
    }
    // Per category, each run's score out of 100; performance (the first category) also gives the range.
    const byCategory = CATEGORIES.map((c) => runs.map((lhr) => Math.round((lhr.categories[c]?.score ?? 0) * 100)));
    const scores = byCategory.map(median);
    const perfs = byCategory[0];
    const tbts = runs.map((lhr) => Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0));
    rows.push({
      path,
      scores: scores.map(String),
      perfRange: `${Math.min(...perfs)}–${Math.max(...perfs)}`,
      tbt: `${median(tbts)}${RUNS > 1 ? ` (${tbts.join(', ')})` : ''}`,
      bench: String(median(runs.map((lhr) => Math.round(lhr.environment?.benchmarkIndex ?? 0)))),
    });
    // The failing audits of the run whose performance score is the median one.
    const lhr = runs.find((_, i) => perfs[i] === scores[0]) ?? runs[0];
    for (const category of isControl ? [] : CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 0.9 || ref.weight === 0) continue;
        failures.push(`${path} [${category}] ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}${detailOf(audit)}`);
      }
    }
  }
} finally {
  await server.close();
  await control.close();
  rmSync(controlDir, { recursive: true, force: true });
}

const width = Math.max(...rows.map((r) => r.path.length), 4);
const simulated = DESKTOP ? ' (desktop preset: no CPU slowdown, fast network)' : ' (Lighthouse default, mobile: 4× CPU slowdown, slow 4G)';
console.log(`Throttling: ${THROTTLING}${THROTTLING === 'simulate' ? simulated : ' (none: this machine as it is)'}${DESKTOP ? ', desktop preset' : ''}.`);
if (RUNS > 1) console.log(`Median of ${RUNS} runs per page (perf range: lowest–highest run).`);
console.log(`${'page'.padEnd(width)}  perf  a11y  best  seo  perf range  CPU index  TBT ms`);
for (const r of rows)
  console.log(`${r.path.padEnd(width)}  ${r.scores.map((s) => s.padStart(4)).join('  ')}  ${r.perfRange.padStart(10)}  ${r.bench.padStart(9)}  ${r.tbt}`);
console.log(failures.length === 0 ? '\nEvery weighted audit passed (score >= 0.9).' : `\nAudits below 0.9:\n${failures.map((f) => `- ${f}`).join('\n')}`);
