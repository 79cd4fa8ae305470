/**
 * The course's MDX files read straight from disk, for tests that check the
 * content itself (pairing, anchors, sources) without building the site.
 * The frontmatter reader understands exactly the YAML subset lessons use
 * (scalars, a list of strings, a list of flat objects, double-quoted strings
 * in JSON syntax); anything else throws, so a lesson written another way
 * fails loudly instead of being misread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Type-only: the i18n module loads JSON through import.meta.glob, which only
// Vite understands, and this file is also loaded by Playwright.
import type { Locale } from '../../src/i18n/index';

/** The course languages, French first. */
export const LESSON_LOCALES = ['fr', 'en'] as const satisfies readonly Locale[];

/** Folder holding `fr/` and `en/` lesson copies. */
export const LESSONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/content/lessons');

/** One lesson file as read from disk. */
export interface LessonFile {
  /** `02-metadata` (file name without `.mdx`). */
  slug: string;
  locale: Locale;
  /** Path relative to the repository, for messages. */
  path: string;
  /** Frontmatter as plain data, before schema validation. */
  data: Record<string, unknown>;
  /** Everything after the closing `---`. */
  body: string;
}

/** Decodes one YAML scalar as lessons write it: a JSON string, a number, or a bare word/date. */
function scalar(raw: string, where: string): string | number {
  const text = raw.trim();
  if (text.startsWith('"')) {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'string') throw new Error(`${where}: not a string: ${text}`);
    return parsed;
  }
  if (text.startsWith("'") || text.startsWith('[') || text.startsWith('{') || text === '') {
    throw new Error(`${where}: unsupported YAML value "${text}" (use double quotes or block lists)`);
  }
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** Parses the frontmatter subset used by lessons (see the module comment). */
export function parseFrontmatter(yaml: string, where: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let list: unknown[] | null = null;
  let item: Record<string, unknown> | null = null;
  for (const [index, line] of yaml.split('\n').entries()) {
    const at = `${where}:${index + 2}`;
    if (line.trim() === '') continue;
    const top = /^([A-Za-z]+):(.*)$/.exec(line);
    const listItem = /^ {2}- (?:([A-Za-z]+): )?(.*)$/.exec(line);
    const field = /^ {4}([A-Za-z]+): (.*)$/.exec(line);
    if (top?.[1] !== undefined) {
      const key = top[1];
      const rest = top[2] ?? '';
      if (rest.trim() === '') {
        list = [];
        data[key] = list;
      } else {
        data[key] = scalar(rest, at);
        list = null;
      }
      item = null;
    } else if (listItem && list) {
      const [, key, value = ''] = listItem;
      if (key === undefined) {
        list.push(scalar(value, at));
        item = null;
      } else {
        item = { [key]: scalar(value, at) };
        list.push(item);
      }
    } else if (field?.[1] !== undefined && item) {
      item[field[1]] = scalar(field[2] ?? '', at);
    } else {
      throw new Error(`${at}: cannot read frontmatter line "${line}"`);
    }
  }
  return data;
}

/** Every lesson file of one language, sorted by file name. */
export function readLessons(locale: Locale): LessonFile[] {
  const folder = join(LESSONS_DIR, locale);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const path = `src/content/lessons/${locale}/${name}`;
      const text = readFileSync(join(folder, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${path}: no frontmatter block`);
      return { slug: name.replace(/\.mdx$/, ''), locale, path, data: parseFrontmatter(match[1] ?? '', path), body: match[2] ?? '' };
    });
}

/** Both languages, keyed by locale. */
export function readAllLessons(): Record<Locale, LessonFile[]> {
  const out: Partial<Record<Locale, LessonFile[]>> = {};
  for (const locale of LESSON_LOCALES) out[locale] = readLessons(locale);
  return { fr: out.fr ?? [], en: out.en ?? [] };
}

/** The `id="…"` values written in a lesson body (JSX headings and elements). */
export function idsIn(body: string): string[] {
  return [...body.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** One part of a lesson body, from a heading (`##`, `###`, `<h2>`, `<h3>`) to the next; the text before the first heading has heading "". */
export interface LessonSection {
  heading: string;
  text: string;
}

/** Splits a lesson body at its h2/h3 headings, written in Markdown or as JSX. */
export function sections(body: string): LessonSection[] {
  const out: LessonSection[] = [{ heading: '', text: '' }];
  for (const line of body.split('\n')) {
    if (/^(#{2,3} |<h[23][\s>])/.test(line)) out.push({ heading: line.trim(), text: '' });
    const current = out[out.length - 1];
    if (current) current.text += `${line}\n`;
  }
  return out.filter((s) => s.heading !== '' || s.text.trim() !== '');
}

/**
 * The units a caveat must sit in, next to its claim: paragraphs, list items and,
 * in a Markdown table, each cell on its own (a marker in one cell covers that cell only).
 */
export function claimBlocks(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n|\n(?=\s*- )/)) {
    const lines = block.trim().startsWith('|') ? block.split('\n') : [block];
    for (const line of lines) {
      const parts = line.trim().startsWith('|') ? line.split('|') : [line];
      for (const part of parts) if (part.trim() !== '') out.push(part.trim());
    }
  }
  return out;
}

/**
 * The service settings a text names, as lessons write them: every step of a bold
 * menu path (`**Settings → Data Controls**`) and the quoted label that opens a bold
 * span (`**« Improve the model for everyone »**`, `**"Keep Activity"**`). Titles of
 * studies and articles are written in italics, so they are not taken for settings.
 */
export function settingNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\*\*([^*\n]+)\*\*/g)) {
    const span = (m[1] ?? '').trim();
    if (span.includes('→')) {
      for (const step of span.split('→')) {
        const name = step.trim().replace(/^[«"“]\s*|\s*[»"”]$/g, '');
        if (name !== '') names.push(name);
      }
      continue;
    }
    const label = /^(?:«\s*([^»]+?)\s*»|"([^"]+)"|“([^”]+)”)/.exec(span);
    const name = label?.[1] ?? label?.[2] ?? label?.[3];
    if (name !== undefined) names.push(name.trim());
  }
  return names;
}

/** The dates written in `<Checked on="YYYY-MM-DD" />` markers, in order. */
export function checkedDates(text: string): string[] {
  return [...text.matchAll(/<Checked\s+on="([^"]*)"\s*\/>/g)].map((m) => m[1] ?? '');
}

/** A setting name compared loosely: typographic apostrophes and spaces do not count. */
export function settingKey(name: string): string {
  return name
    .replace(/[’‘]/g, "'")
    .replace(/[\u00a0\u202f\s]+/g, ' ')
    .trim();
}
