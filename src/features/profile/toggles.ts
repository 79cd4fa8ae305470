/**
 * "What if": the habits and settings the reader can switch on to see the
 * profile shrink. Pure, so each rule is unit-tested.
 */
import { CATEGORIES, type Category, type Finding, type Toggles } from './model';

export interface ToggledProfile {
  /** Findings that remain. */
  kept: Finding[];
  /** Findings a toggle removed (shown struck out in the "removed" list). */
  removed: Finding[];
  /** Ids of kept findings whose data could still feed model training. */
  training: Set<string>;
  /** Kept findings per category, in chart order. */
  byCategory: { category: Category; count: number; before: number }[];
}

/**
 * Whether a kept finding's data could still be used for training: only what the
 * reader uploads or types (photo content, prompts), unless "Improve the model
 * for everyone" is off, or the chat is temporary (not used for training,
 * research facts §1.1 and §1.3).
 */
export function feedsTraining(finding: Finding, toggles: Toggles): boolean {
  return finding.trainable && !toggles.trainingOff && !toggles.temporaryChat;
}

/** Applies the toggles: a finding goes when any toggle that removes it is on. */
export function applyToggles(findings: readonly Finding[], toggles: Toggles): ToggledProfile {
  const kept: Finding[] = [];
  const removed: Finding[] = [];
  for (const f of findings) (f.removedBy.some((t) => toggles[t]) ? removed : kept).push(f);
  const training = new Set(kept.filter((f) => feedsTraining(f, toggles)).map((f) => f.id));
  const byCategory = CATEGORIES.map((category) => ({
    category,
    count: kept.filter((f) => f.category === category).length,
    before: findings.filter((f) => f.category === category).length,
  }));
  return { kept, removed, training, byCategory };
}
