import { expect, test } from 'vitest';
import { BROKEN_FIXTURES } from '../support/expectations';
import { MANIFEST } from '../support/paths';

test('the expected outcomes name every broken fixture of the corpus, and nothing else', () => {
  const broken = MANIFEST.filter((m) => m.broken).map((m) => m.file);
  expect(Object.keys(BROKEN_FIXTURES).sort()).toEqual(broken.sort());
});
