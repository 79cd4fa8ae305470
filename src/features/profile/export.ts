/**
 * The dossier as a file the reader may save (.txt or .json), generated in the
 * page. Nothing is kept unless they save it.
 */
import type { Locale } from '../../i18n/index';
import type { Finding, Toggles } from './model';
import { render, type Translate } from './text';
import type { ToggledProfile } from './toggles';

/** One finding as plain data, in the reader's language. */
export interface ExportedFinding {
  id: string;
  category: string;
  source: string;
  confidence: string;
  claim: string;
  because: string;
  howToAvoid: string;
  mayFeedTraining: boolean;
}

function exported(f: Finding, t: Translate, locale: Locale, origin: string, training: Set<string>): ExportedFinding {
  return {
    id: f.id,
    category: t(`category.${f.category}`),
    source: f.source,
    confidence: f.confidence,
    claim: render(t, f.claim),
    because: `${t('card.becausePrefix')} ${render(t, f.because)}`,
    howToAvoid: new URL(f.fix.href(locale), origin).href,
    mayFeedTraining: training.has(f.id),
  };
}

/** The dossier as JSON text (kept findings, then removed ones, with the toggles that were on). */
export function dossierJson(p: ToggledProfile, toggles: Toggles, t: Translate, locale: Locale, origin: string, now: Date): string {
  return JSON.stringify(
    {
      title: t('export.title'),
      simulation: t('tool.simulation'),
      createdAt: now.toISOString(),
      toggles,
      findings: p.kept.map((f) => exported(f, t, locale, origin, p.training)),
      removed: p.removed.map((f) => exported(f, t, locale, origin, p.training)),
    },
    null,
    2,
  );
}

/** The dossier as readable plain text. */
export function dossierText(p: ToggledProfile, t: Translate, locale: Locale, origin: string, now: Date): string {
  const lines = [t('export.title'), t('tool.simulation'), now.toISOString(), '', t('card.count', { count: p.kept.length }), ''];
  for (const f of p.kept) {
    const e = exported(f, t, locale, origin, p.training);
    lines.push(
      `[${e.category}] ${e.claim}`,
      `  ${e.because}`,
      `  ${t(`card.confidence.${f.confidence}`)}${e.mayFeedTraining ? ` · ${t('card.trainable')}` : ''}`,
      `  ${t('card.fix')}: ${e.howToAvoid}`,
      '',
    );
  }
  if (p.removed.length > 0) {
    lines.push(t('card.removedHeading', { count: p.removed.length }));
    for (const f of p.removed) lines.push(`  - ${render(t, f.claim)}`);
  }
  return `${lines.join('\n')}\n`;
}
