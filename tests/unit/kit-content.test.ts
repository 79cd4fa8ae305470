/** The checklist and quiz content: valid against their schemas, and the same in both languages. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklistSchema, type Checklist, type ChecklistStep } from '../../src/content/schemas/checklist';
import { SERVICE_IDS, serviceSchema } from '../../src/content/schemas/service';
import { SERVICES } from '../../src/content/services/services';
import { quizQuestionSchema } from '../../src/content/schemas/quiz';

const CONTENT = join(import.meta.dirname, '../../src/content');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function loadChecklist(locale: 'fr' | 'en'): Checklist {
  const parsed = checklistSchema.safeParse(readJson(join(CONTENT, 'checklist', `${locale}.json`)));
  if (!parsed.success) throw new Error(`${locale}.json: ${parsed.error.message}`);
  return parsed.data;
}

describe('settings checklist content', () => {
  const fr = loadChecklist('fr');
  const en = loadChecklist('en');
  const allSteps = (c: Checklist): ChecklistStep[] => c.groups.flatMap((g) => g.steps);
  it('declares the language of its file', () => {
    expect(fr.locale).toBe('fr');
    expect(en.locale).toBe('en');
  });
  it('has the same groups, services and step ids, in the same order, in both languages', () => {
    const shape = (c: Checklist): string[][] => c.groups.map((g) => [g.id, g.service ?? 'general', ...g.steps.map((s) => s.id)]);
    expect(shape(fr)).toEqual(shape(en));
  });
  it('links each step to the same lesson anchor and tool, and names the same settings with the same sources and dates, in both languages', () => {
    const facts = (c: Checklist): string[] =>
      allSteps(c).map((s) => JSON.stringify([s.id, s.link ?? null, s.tool ?? null, s.unconfirmed, s.settings, s.sources]));
    expect(facts(fr)).toEqual(facts(en));
  });
  it('covers each of the six services with its own steps, and the settings the course teaches', () => {
    for (const id of SERVICE_IDS)
      expect(
        en.groups.some((g) => g.service === id && g.steps.length >= 3),
        id,
      ).toBe(true);
    const ids = allSteps(en).map((s) => s.id);
    for (const id of [
      'improve-model',
      'temporary-chat',
      'memory',
      'export-data',
      'delete-chats-files',
      'delete-account',
      'portal-do-not-train',
      'gemini-keep-activity',
      'grok-private-chat',
      'copilot-model-training',
      'lechat-training-web',
      'lechat-training-app',
      'ios-camera-location',
      'android-camera-location',
      'share-without-location',
      'clean-photo',
      'use-avatar',
      'avoid-group-shots',
      'busy-background',
      'ask-consent',
    ])
      expect(ids).toContain(id);
  });
  it('every service step that names a setting has a source read on a given day, and a primary one unless marked unconfirmed', () => {
    for (const step of en.groups.filter((g) => g.service).flatMap((g) => g.steps)) {
      if (step.settings.length === 0) continue;
      expect(step.sources.length, step.id).toBeGreaterThan(0);
      for (const src of step.sources) expect(src.read, step.id).toMatch(/^2026-\d{2}-\d{2}$/);
      if (!step.unconfirmed)
        expect(
          step.sources.some((src) => src.kind === 'primary'),
          step.id,
        ).toBe(true);
    }
  });
  it('a primary source is the service’s own site', () => {
    const OWN = /^https:\/\/(help\.openai\.com|openai\.com|support\.google\.com|www\.facebook\.com|x\.ai|privacy\.microsoft\.com|help\.mistral\.ai)\//;
    for (const step of allSteps(en)) for (const src of step.sources) if (src.kind === 'primary') expect(src.url, step.id).toMatch(OWN);
  });
  it('quotes each named setting in the step’s English wording', () => {
    for (const step of allSteps(en)) {
      const text = [step.title, ...step.how].join(' ').toLowerCase();
      for (const setting of step.settings) expect(text, `${step.id}: ${setting.label}`).toContain(setting.label.toLowerCase());
    }
  });
  it.each([
    [
      'a setting without a source',
      (s: Record<string, unknown>) => {
        s['sources'] = [];
      },
    ],
    [
      'secondary sources only, not marked unconfirmed',
      (s: Record<string, unknown>) => {
        s['sources'] = [{ url: 'https://example.org/guide', title: 'A guide', read: '2026-12-02', kind: 'secondary' }];
        s['unconfirmed'] = false;
      },
    ],
    [
      'a source without the day it was read',
      (s: Record<string, unknown>) => {
        s['sources'] = [{ url: 'https://help.openai.com/en/articles/7730893', title: 'Data Controls FAQ' }];
      },
    ],
    [
      'a link to an anchor no lesson declares',
      (s: Record<string, unknown>) => {
        s['link'] = { lesson: '07-habits', anchor: 'no-such-anchor' };
      },
    ],
  ])('rejects a step with %s', (_label, breakIt) => {
    const broken = structuredClone(readJson(join(CONTENT, 'checklist', 'en.json'))) as { groups: { steps: Record<string, unknown>[] }[] };
    const step = broken.groups[0]?.steps[0];
    if (!step) throw new Error('no step');
    expect(checklistSchema.safeParse(broken).success).toBe(true);
    breakIt(step);
    expect(checklistSchema.safeParse(broken).success).toBe(false);
  });
});

describe('services data', () => {
  it('is valid and lists every service once, in order', () => {
    expect(SERVICES.map((s) => s.id)).toEqual([...SERVICE_IDS]);
    for (const s of SERVICES) {
      const parsed = serviceSchema.safeParse(s);
      expect(parsed.success, `${s.id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });
});

describe('quiz content', () => {
  const files = readdirSync(join(CONTENT, 'quiz'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  const questions = files.map((f) => {
    const parsed = quizQuestionSchema.safeParse(readJson(join(CONTENT, 'quiz', f)));
    if (!parsed.success) throw new Error(`${f}: ${parsed.error.message}`);
    return { file: f, ...parsed.data };
  });
  it('has at least 20 questions, numbered in the order of their files', () => {
    expect(questions.length).toBeGreaterThanOrEqual(20);
    expect(questions.map((q) => q.order)).toEqual(questions.map((_, i) => i + 1));
    for (const q of questions) expect(q.file.startsWith(String(q.order).padStart(2, '0'))).toBe(true);
  });
  it("covers the December 2026 topics: other services, AI Act labels, deepfakes, children's photos, the new memory", () => {
    const links = new Set(questions.map((q) => `${q.link.lesson}#${q.link.anchor}`));
    for (const target of ['07-habits#other-services', '06-rights#ai-act', '05-visual-content#deepfakes', '05-visual-content#children', '04-behaviour#memory'])
      expect(links, target).toContain(target);
    const services = questions.filter((q) => q.link.anchor === 'other-services').length;
    expect(services, 'questions about other services').toBeGreaterThanOrEqual(2);
  });
  it('never names an old setting path as the only answer about memory', () => {
    // The new memory lives in Settings → Memory; an explanation that gives only the older path misleads.
    for (const q of questions) {
      for (const text of [q.explanation.fr, q.explanation.en]) {
        if (text.includes('Personalization → Memory')) expect(text, q.file).toMatch(/Settings → Memory\b/);
      }
    }
  });
  it('mixes single- and multiple-answer questions', () => {
    expect(questions.some((q) => q.kind === 'single')).toBe(true);
    expect(questions.some((q) => q.kind === 'multiple')).toBe(true);
  });
  it('has every prompt, option and explanation in both languages, and no text left untranslated', () => {
    for (const q of questions) {
      for (const text of [q.prompt, q.explanation, ...q.options.map((o) => o.text)]) {
        expect(text.fr.trim().length).toBeGreaterThan(1);
        expect(text.en.trim().length).toBeGreaterThan(1);
        if (text.fr.length > 20) expect(text.fr, `${q.file} has an untranslated text`).not.toBe(text.en);
      }
    }
  });
  it('refuses a single-answer question with two right answers', () => {
    const q = structuredClone(readJson(join(CONTENT, 'quiz', files[1] ?? ''))) as { kind: string; options: { correct: boolean }[] };
    q.kind = 'single';
    for (const o of q.options) o.correct = true;
    expect(quizQuestionSchema.safeParse(q).success).toBe(false);
  });
});
