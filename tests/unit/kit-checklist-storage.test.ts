/** Checklist progress in localStorage: per service, validated, and carried over from the first version. */
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  isShown,
  parseChecklistProgress,
  scopeCount,
  serializeChecklistProgress,
  setServiceChosen,
  setStepDone,
  shownCount,
  type StepScope,
} from '../../src/features/checklist/storage';

const STEPS: StepScope[] = [
  { id: 'improve-model', scope: 'chatgpt' },
  { id: 'temporary-chat', scope: 'chatgpt' },
  { id: 'gemini-keep-activity', scope: 'gemini' },
  { id: 'lechat-training-web', scope: 'le-chat' },
  { id: 'clean-photo', scope: 'general' },
];

describe('checklist progress storage', () => {
  it('starts with ChatGPT chosen and nothing ticked', () => {
    expect(parseChecklistProgress(null, STEPS)).toEqual({ v: 2, services: ['chatgpt'], done: {} });
  });

  it('reads back what it stored, per service', () => {
    let p = setServiceChosen(emptyProgress(), 'gemini', true);
    p = setStepDone(p, 'chatgpt', 'improve-model', true);
    p = setStepDone(p, 'gemini', 'gemini-keep-activity', true);
    p = setStepDone(p, 'general', 'clean-photo', true);
    const back = parseChecklistProgress(serializeChecklistProgress(p), STEPS);
    expect(back.services).toEqual(['chatgpt', 'gemini']);
    expect(back.done).toEqual({ chatgpt: ['improve-model'], gemini: ['gemini-keep-activity'], general: ['clean-photo'] });
  });

  it('keeps a service’s ticks when it is dropped, and shows them again when it is chosen again', () => {
    let p = setServiceChosen(emptyProgress(), 'le-chat', true);
    p = setStepDone(p, 'le-chat', 'lechat-training-web', true);
    p = setServiceChosen(p, 'le-chat', false);
    expect(isShown(p, 'le-chat')).toBe(false);
    expect(shownCount(p, STEPS)).toEqual({ done: 0, total: 3 }); // ChatGPT's two steps and the general one
    const back = setServiceChosen(parseChecklistProgress(serializeChecklistProgress(p), STEPS), 'le-chat', true);
    expect(scopeCount(back, STEPS, 'le-chat')).toEqual({ done: 1, total: 1 });
    expect(shownCount(back, STEPS)).toEqual({ done: 1, total: 4 });
  });

  it.each([
    ['cut-off JSON', '{"broken'],
    ['a wrong shape', '{"steps":["improve-model"]}'],
    ['another version', '{"v":3,"services":["chatgpt"],"done":{}}'],
    ['an unknown service', '{"v":2,"services":["myspace"],"done":{}}'],
    ['an unknown scope', '{"v":2,"services":["chatgpt"],"done":{"myspace":["improve-model"]}}'],
    ['a string instead of a list', '{"v":2,"services":["chatgpt"],"done":{"chatgpt":"improve-model"}}'],
    ['markup instead of an id', '{"v":2,"services":["chatgpt"],"done":{"chatgpt":["<img src=x onerror=alert(1)>"]}}'],
    ['an array', '["improve-model"]'],
    ['null JSON', 'null'],
  ])('ignores %s', (_label, raw) => {
    expect(parseChecklistProgress(raw, STEPS)).toEqual(emptyProgress());
  });

  it('drops steps that no longer exist, steps filed under the wrong service, and duplicates', () => {
    const raw = '{"v":2,"services":["gemini","chatgpt","chatgpt"],"done":{"chatgpt":["gone-step","temporary-chat","temporary-chat","gemini-keep-activity"]}}';
    expect(parseChecklistProgress(raw, STEPS)).toEqual({ v: 2, services: ['chatgpt', 'gemini'], done: { chatgpt: ['temporary-chat'] } });
  });

  it('carries the first version’s ticks over to their services, choosing the services they tick', () => {
    const legacy = '{"v":1,"done":["improve-model","gemini-keep-activity","clean-photo","gone-step"]}';
    expect(parseChecklistProgress(null, STEPS, legacy)).toEqual({
      v: 2,
      services: ['chatgpt', 'gemini'],
      done: { chatgpt: ['improve-model'], gemini: ['gemini-keep-activity'], general: ['clean-photo'] },
    });
    // A current value wins over the old one; a damaged old one is ignored.
    expect(parseChecklistProgress(serializeChecklistProgress(emptyProgress()), STEPS, legacy)).toEqual(emptyProgress());
    expect(parseChecklistProgress(null, STEPS, '{"v":1,"done":"x"}')).toEqual(emptyProgress());
  });

  it('ticks once and unticks', () => {
    const once = setStepDone(setStepDone(emptyProgress(), 'general', 'clean-photo', true), 'general', 'clean-photo', true);
    expect(once.done.general).toEqual(['clean-photo']);
    expect(setStepDone(once, 'general', 'clean-photo', false).done.general).toEqual([]);
  });
});
