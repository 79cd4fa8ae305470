import { describe, expect, it } from 'vitest';
import { parseChecklistProgress, serializeChecklistProgress, setStepDone } from '../../src/features/checklist/storage';

const KNOWN = ['improve-model', 'temporary-chat', 'clean-photo'];

describe('checklist progress storage', () => {
  it('reads back what it stored', () => {
    const saved = serializeChecklistProgress(setStepDone(setStepDone({ v: 1, done: [] }, 'improve-model', true), 'clean-photo', true));
    expect(parseChecklistProgress(saved, KNOWN).done).toEqual(['improve-model', 'clean-photo']);
  });
  it.each([
    ['missing', null],
    ['cut-off JSON', '{"broken'],
    ['a wrong shape', '{"steps":["improve-model"]}'],
    ['an older version', '{"v":0,"done":["improve-model"]}'],
    ['a string instead of a list', '{"v":1,"done":"improve-model"}'],
    ['markup instead of an id', '{"v":1,"done":["<img src=x onerror=alert(1)>"]}'],
    ['an array', '["improve-model"]'],
    ['null JSON', 'null'],
  ])('ignores %s', (_label, raw) => {
    expect(parseChecklistProgress(raw, KNOWN)).toEqual({ v: 1, done: [] });
  });
  it('drops steps that no longer exist and duplicates', () => {
    expect(parseChecklistProgress('{"v":1,"done":["gone-step","temporary-chat","temporary-chat"]}', KNOWN).done).toEqual(['temporary-chat']);
  });
  it('ticks once and unticks', () => {
    const once = setStepDone(setStepDone({ v: 1, done: [] }, 'clean-photo', true), 'clean-photo', true);
    expect(once.done).toEqual(['clean-photo']);
    expect(setStepDone(once, 'clean-photo', false).done).toEqual([]);
  });
});
