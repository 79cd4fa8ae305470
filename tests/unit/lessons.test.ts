/**
 * The course content, read from disk: both languages carry the same lessons
 * with the same sources, every anchor that tools link to exists, internal
 * links land on real lessons and anchors, and no lesson sends readers to a
 * ChatGPT setting that no longer exists.
 */
import { describe, expect, it } from 'vitest';
import { lessonSchema, sourceSettings } from '../../src/content/schemas/lesson';
import { LESSON_ANCHORS } from '../../src/lib/anchors';
import { ROUTES } from '../../src/i18n/routes';
import {
  checkedDates,
  claimBlocks,
  idsIn,
  parseFrontmatter,
  readAllLessons,
  sections,
  settingKey,
  settingNames,
  type LessonFile,
} from '../support/lesson-files';

const lessons = readAllLessons();
const bySlug = (list: LessonFile[]): Map<string, LessonFile> => new Map(list.map((l) => [l.slug, l]));
const fr = bySlug(lessons.fr);
const en = bySlug(lessons.en);
const UNCONFIRMED = { fr: 'Non confirmé', en: 'Unconfirmed' } as const;

/** Paragraphs and list items of a body, so a caveat must sit next to its claim. */
function blocks(body: string): string[] {
  return body
    .split(/\n\s*\n|\n(?=\s*- )/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** Text inside quotation marks of any style used in the course. */
function quoted(text: string): string[] {
  return [...text.matchAll(/"([^"\n]+)"|“([^”\n]+)”|«\s*([^»\n]+?)\s*»/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/**
 * Places where a lesson names the old ChatGPT history switch, or tells the
 * reader to turn history off, without saying that the switch was replaced.
 * "Reference chat history" (a current Memory setting) is allowed.
 */
function staleHistoryMentions(body: string): string[] {
  const stale: string[] = [];
  for (const block of blocks(body)) {
    const replaced = /\breplaced\b|remplacé/i.test(block);
    const namesOldSwitch = quoted(block).some((q) => /chat history/i.test(q) && !/^reference chat history$/i.test(q.trim()));
    const advisesHistoryOff = /(turn|switch) off (your )?(chat )?history|disable (your )?(chat )?history|désactiv\w* (l[’']|votre )?historique/i.test(block);
    if ((namesOldSwitch || advisesHistoryOff) && !replaced) stale.push(block.slice(0, 120));
  }
  return stale;
}

/** What a lesson copy is made of, as far as these checks go. */
type LessonCopy = Pick<LessonFile, 'data' | 'body'>;

/** Settings a lesson names that none of its sources lists, outside the blocks marked unconfirmed. */
function undocumentedSettings(lesson: LessonCopy): string[] {
  const { sources } = lessonSchema.parse(lesson.data);
  const documented = new Set(sources.flatMap((s) => sourceSettings(s)).map(settingKey));
  const missing: string[] = [];
  for (const block of claimBlocks(lesson.body)) {
    if (block.includes('class="unconfirmed"')) continue;
    for (const name of settingNames(block)) if (!documented.has(settingKey(name))) missing.push(name);
  }
  return missing;
}

/** Headings of the sections that name a setting but do not show the day they were checked. */
function undatedSections(body: string): string[] {
  return sections(body)
    .filter((s) => settingNames(s.text).length > 0 && checkedDates(s.text).length === 0)
    .map((s) => s.heading || '(before the first heading)');
}

/** Where the two copies of a lesson differ in their sources (address, version, day read) or dates. */
function copyDifferences(french: LessonCopy, english: LessonCopy): string[] {
  const a = lessonSchema.parse(french.data);
  const b = lessonSchema.parse(english.data);
  const digits = (text: string | undefined): string => (text?.match(/\d+/g) ?? []).join(' ');
  const day = (date: Date | undefined): string => date?.toISOString().slice(0, 10) ?? '';
  const out: string[] = [];
  if (day(a.updated) !== day(b.updated)) out.push('updated');
  if (a.sources.length !== b.sources.length) out.push('number of sources');
  a.sources.forEach((s, i) => {
    const other = b.sources[i];
    if (!other) return;
    if (s.url !== other.url) out.push(`source ${i + 1}: address`);
    if (digits(s.date) !== digits(other.date)) out.push(`source ${i + 1}: date or version`);
    if (day(s.checked) !== day(other.checked)) out.push(`source ${i + 1}: day read`);
  });
  if (checkedDates(french.body).join() !== checkedDates(english.body).join()) out.push('"checked on" dates in the text');
  return out;
}

describe('lesson files', () => {
  it('exist in both languages under the same file names', () => {
    expect([...fr.keys()]).toEqual([...en.keys()]);
    expect(fr.size).toBe(7);
  });

  it('cover every lesson that tools link to, and nothing else', () => {
    expect([...fr.keys()].sort()).toEqual(Object.keys(LESSON_ANCHORS).sort());
  });

  for (const locale of ['fr', 'en'] as const) {
    for (const lesson of lessons[locale]) {
      it(`${lesson.path} has valid frontmatter whose order and locale match its file`, () => {
        const parsed = lessonSchema.safeParse(lesson.data);
        expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
        if (!parsed.success) return;
        expect(parsed.data.order).toBe(Number.parseInt(lesson.slug.slice(0, 2), 10));
        expect(parsed.data.locale).toBe(locale);
      });
    }
  }

  it('pair up: same order, same number of steps and the same source addresses in both languages', () => {
    for (const [slug, french] of fr) {
      const english = en.get(slug);
      expect(english, `${slug} has no English copy`).toBeDefined();
      if (!english) continue;
      const a = lessonSchema.parse(french.data);
      const b = lessonSchema.parse(english.data);
      expect(b.order, slug).toBe(a.order);
      expect(b.sources.length, `${slug}: number of sources`).toBe(a.sources.length);
      expect(
        b.sources.map((s) => s.url),
        `${slug}: source addresses`,
      ).toEqual(a.sources.map((s) => s.url));
      expect(b.todo.length, `${slug}: number of steps`).toBe(a.todo.length);
    }
  });
});

describe('anchors', () => {
  for (const [slug, anchors] of Object.entries(LESSON_ANCHORS)) {
    for (const locale of ['fr', 'en'] as const) {
      it(`${locale}/${slug} sets every anchor tools link to, exactly once`, () => {
        const lesson = (locale === 'fr' ? fr : en).get(slug);
        expect(lesson, `${locale}/${slug}.mdx is missing`).toBeDefined();
        const ids = idsIn(lesson?.body ?? '');
        for (const anchor of anchors)
          expect(
            ids.filter((id) => id === anchor),
            `${locale}/${slug}#${anchor}`,
          ).toHaveLength(1);
      });
    }
  }

  it('French and English copies set the same ids in the same order', () => {
    for (const [slug, french] of fr) expect(idsIn(en.get(slug)?.body ?? ''), slug).toEqual(idsIn(french.body));
  });
});

describe('links between lessons', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`${locale}: every link to a lesson points to a lesson and anchor that exist, in the same language`, () => {
      const base = ROUTES.course[locale];
      const other = ROUTES.course[locale === 'fr' ? 'en' : 'fr'];
      const own = locale === 'fr' ? fr : en;
      let checked = 0;
      for (const lesson of lessons[locale]) {
        for (const m of lesson.body.matchAll(/\]\((\/[^)\s]*)\)/g)) {
          const href = m[1] ?? '';
          expect(href.startsWith(other) && other !== base, `${lesson.path} links to the other language: ${href}`).toBe(false);
          if (!href.startsWith(base)) continue;
          const [path = '', anchor] = href.slice(base.length).split('#');
          const target = own.get(path.replace(/\/$/, ''));
          expect(target, `${lesson.path}: ${href} is not a lesson`).toBeDefined();
          expect(path.endsWith('/'), `${lesson.path}: ${href} needs a trailing slash`).toBe(true);
          if (anchor !== undefined) expect(idsIn(target?.body ?? ''), `${lesson.path}: ${href}`).toContain(anchor);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(10);
    });

    it(`${locale}: every link to a site page uses a path from the route table`, () => {
      const known = new Set<string>(Object.values(ROUTES).map((p) => p[locale]));
      for (const lesson of lessons[locale]) {
        for (const m of lesson.body.matchAll(/\]\((\/[^)\s#]*)/g)) {
          const href = m[1] ?? '';
          if (href.startsWith(ROUTES.course[locale]) && href !== ROUTES.course[locale]) continue;
          expect(known.has(href), `${lesson.path}: unknown page ${href}`).toBe(true);
        }
      }
    });
  }
});

describe('wording', () => {
  it('no lesson presents the old "chat history" switch as a current setting', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const lesson of lessons[locale]) expect(staleHistoryMentions(lesson.body), lesson.path).toEqual([]);
    }
  });

  it('the stale-setting check catches old advice and accepts the corrected form', () => {
    expect(staleHistoryMentions('Turn off chat history in your settings.')).toHaveLength(1);
    expect(staleHistoryMentions('Désactivez l’historique des chats dans vos paramètres.')).toHaveLength(1);
    expect(staleHistoryMentions('Switch off "Chat history & training".')).toHaveLength(1);
    expect(staleHistoryMentions('The old "Chat history & model training" switch was replaced by two features.')).toEqual([]);
    expect(staleHistoryMentions('Two switches: "Reference saved memories" and "Reference chat history".')).toEqual([]);
  });

  it('the lesson about training names the current switch and says the old one was replaced', () => {
    for (const lesson of [fr.get('07-habits'), en.get('07-habits')]) {
      expect(lesson?.body).toContain('Improve the model for everyone');
      expect(lesson?.body).toMatch(/Chat history & model training[^\n]*(replaced|remplacé)/);
    }
  });

  it("unconfirmed claims are marked in the reader's language, as often in French as in English", () => {
    for (const [slug, french] of fr) {
      const english = en.get(slug)?.body ?? '';
      const count = (body: string, label: string): number => body.split(`<span class="unconfirmed">${label}</span>`).length - 1;
      const all = (body: string): number => body.split('class="unconfirmed"').length - 1;
      expect(all(french.body), `${slug}: fr markers`).toBe(count(french.body, UNCONFIRMED.fr));
      expect(all(english), `${slug}: en markers`).toBe(count(english, UNCONFIRMED.en));
      expect(count(english, UNCONFIRMED.en), `${slug}: marker count`).toBe(count(french.body, UNCONFIRMED.fr));
    }
  });

  it("tools are embedded in the lesson's own language, and the inspector sits under its anchor", () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const lesson of lessons[locale]) {
        for (const m of lesson.body.matchAll(/<(\w+Tool)\b([^>]*)\/>/g)) {
          expect(m[2], `${lesson.path}: <${m[1] ?? ''}>`).toContain(`locale="${locale}"`);
          expect(m[2], `${lesson.path}: <${m[1] ?? ''}>`).toContain('embedded');
        }
      }
      const metadata = (locale === 'fr' ? fr : en).get('02-metadata')?.body ?? '';
      const heading = metadata.indexOf('id="inspector"');
      expect(heading).toBeGreaterThan(-1);
      expect(metadata.indexOf('<InspectorTool', heading)).toBeGreaterThan(heading);
    }
  });

  it('the first lesson keeps the word the site search test looks for, in both languages', () => {
    expect(fr.get('01-trend')?.body).toMatch(/\bfigurine\b/);
    expect(en.get('01-trend')?.body).toMatch(/\bfigurine\b/);
  });
});

describe('keeping it true', () => {
  for (const locale of ['fr', 'en'] as const) {
    for (const lesson of lessons[locale]) {
      it(`${lesson.path}: every setting it names is listed by one of its sources, or marked unconfirmed`, () => {
        expect(undocumentedSettings(lesson)).toEqual([]);
      });
      it(`${lesson.path}: every section that names a setting shows the day it was checked`, () => {
        expect(undatedSections(lesson.body)).toEqual([]);
      });
    }
  }

  it('French and English copies cite the same pages, at the same versions, read on the same days, with the same dates', () => {
    for (const [slug, french] of fr) {
      const english = en.get(slug);
      if (!english) continue;
      expect(copyDifferences(french, english), slug).toEqual([]);
    }
  });

  it('every "checked on" date is a real day, not in the future, and not later than the lesson\'s update', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const lesson of lessons[locale]) {
        const updated = lessonSchema.parse(lesson.data).updated.toISOString().slice(0, 10);
        for (const date of checkedDates(lesson.body)) {
          expect(Number.isNaN(Date.parse(`${date}T00:00:00Z`)), `${lesson.path}: ${date}`).toBe(false);
          expect(date <= updated, `${lesson.path}: checked ${date} after updated ${updated}`).toBe(true);
        }
      }
    }
  });

  it('the setting finder reads bold menu paths and quoted labels, not italic titles or plain bold', () => {
    expect(
      settingNames('Open **Settings → Data Controls** → **« Improve the model for everyone »**, see *« Hiding in the Crowd »* and **plain bold**.'),
    ).toEqual(['Settings', 'Data Controls', 'Improve the model for everyone']);
    expect(settingNames('Switch off **"Keep Activity"** (and **"Don\'t mention this again" deletes nothing**).')).toEqual([
      'Keep Activity',
      "Don't mention this again",
    ]);
  });

  const sample = (settings: string, body: string): LessonCopy => ({
    data: {
      title: 'Sample lesson',
      description: 'A lesson written only for this test, with one source.',
      order: 1,
      locale: 'en',
      updated: '2026-12-02',
      todo: ['Do one thing.', 'Do another thing.'],
      sources: [{ title: 'Help page', url: 'https://help.example/', publisher: 'Example', checked: '2026-12-02', settings }],
    },
    body,
  });

  it('a setting no source lists is caught, unless its block is marked unconfirmed', () => {
    expect(undocumentedSettings(sample('Settings | Data Controls', 'Open **Settings → Data Controls** and **"Secret switch"**.'))).toEqual(['Secret switch']);
    expect(undocumentedSettings(sample('Settings | Data Controls | Secret switch', 'Open **Settings → Data Controls** and **"Secret switch"**.'))).toEqual([]);
    expect(
      undocumentedSettings(sample('Settings', 'Try **"Secret switch"** <span class="unconfirmed">Unconfirmed</span>.\n\nThen **"Other switch"**.')),
    ).toEqual(['Other switch']);
    expect(undocumentedSettings(sample('Settings', '| a | **"In a cell"** <span class="unconfirmed">Unconfirmed</span> | **"Next cell"** |'))).toEqual([
      'Next cell',
    ]);
  });

  it('a section that names a setting without a "checked on" date is caught', () => {
    expect(undatedSections('## A\n\nUse **"X"**.\n\n<h3 id="b">B</h3>\n\n<Checked on="2026-12-02" />\n\nUse **"Y"**.\n\n## C\n\nNo setting here.')).toEqual([
      '## A',
    ]);
  });

  it('copies that differ in a source\'s day read, its version or a "checked on" date are caught', () => {
    const french = sample('Settings', '<Checked on="2026-12-02" />');
    const english = structuredClone(french);
    expect(copyDifferences(french, english)).toEqual([]);
    const source = (english.data['sources'] as Record<string, unknown>[])[0];
    if (!source) throw new Error('no source');
    source['checked'] = '2026-11-29';
    source['date'] = 'version of 3 May 2026';
    english.body = '<Checked on="2026-11-29" />';
    expect(copyDifferences(french, english)).toEqual(['source 1: date or version', 'source 1: day read', '"checked on" dates in the text']);
  });
});

describe('frontmatter reader', () => {
  it('reads scalars, string lists and lists of objects', () => {
    const data = parseFrontmatter('title: "A: b"\norder: 3\ntodo:\n  - "one"\nsources:\n  - title: "T"\n    url: "https://x.example/"', 'test');
    expect(data).toEqual({ title: 'A: b', order: 3, todo: ['one'], sources: [{ title: 'T', url: 'https://x.example/' }] });
  });

  it('refuses YAML it does not understand instead of misreading it', () => {
    expect(() => parseFrontmatter("title: 'single quoted'", 'test')).toThrow(/unsupported/);
    expect(() => parseFrontmatter('todo: [a, b]', 'test')).toThrow(/unsupported/);
  });
});
