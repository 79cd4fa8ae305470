/** The checklist and quiz content: valid against their schemas, and the same in both languages. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklistSchema, type Checklist } from '../../src/content/schemas/checklist';
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
  it('declares the language of its file', () => {
    expect(fr.locale).toBe('fr');
    expect(en.locale).toBe('en');
  });
  it('has the same groups and step ids, in the same order, in both languages', () => {
    const shape = (c: Checklist): string[][] => c.groups.map((g) => [g.id, ...g.steps.map((s) => s.id)]);
    expect(shape(fr)).toEqual(shape(en));
  });
  it('links each step to the same lesson anchor and tool in both languages', () => {
    const links = (c: Checklist): string[] =>
      c.groups.flatMap((g) => g.steps.map((s) => `${s.id}→${s.link.lesson}#${s.link.anchor} ${s.tool ?? ''} ${String(s.unconfirmed)}`));
    expect(links(fr)).toEqual(links(en));
  });
  it('covers the settings the course teaches', () => {
    const ids = en.groups.flatMap((g) => g.steps.map((s) => s.id));
    for (const id of ['improve-model', 'temporary-chat', 'memory', 'export-data', 'delete-chats-files', 'delete-account', 'portal-do-not-train', 'ios-camera-location', 'android-camera-location', 'share-without-location', 'clean-photo', 'use-avatar', 'avoid-group-shots', 'busy-background', 'ask-consent'])
      expect(ids).toContain(id);
  });
  it('rejects a step that links to an anchor no lesson declares', () => {
    const broken = structuredClone(readJson(join(CONTENT, 'checklist', 'en.json'))) as { groups: { steps: { link: { anchor: string } }[] }[] };
    const step = broken.groups[0]?.steps[0];
    if (!step) throw new Error('no step');
    step.link.anchor = 'no-such-anchor';
    expect(checklistSchema.safeParse(broken).success).toBe(false);
  });
});

describe('quiz content', () => {
  const files = readdirSync(join(CONTENT, 'quiz')).filter((f) => f.endsWith('.json')).sort();
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
  it('covers the December 2026 topics: other services, AI Act labels, deepfakes, children\'s photos, the new memory', () => {
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
        if (/Personalization → Memory/.test(text)) expect(text, q.file).toMatch(/Settings → Memory\b/);
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
