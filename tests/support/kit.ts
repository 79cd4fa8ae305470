/** Helpers shared by the kit's browser tests (checklist, quiz, GDPR letter, avatar). */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.2 AA violations on the page as it is now, as short readable lines. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

/** Runs axe in light and dark on the page in its current state. */
export async function axeBothSchemes(page: Page, label: string): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    out.push(...(await axeViolations(page, `${scheme} ${label}`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}
