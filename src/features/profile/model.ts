/**
 * The shapes the profile simulation works with. Inputs are what the reader
 * gives (a photo summary, the browser as read live, a few typed prompts, a
 * self-assessed checklist); the output is a list of findings, each naming the
 * signal it came from and the habit that removes it. Nothing here is sent or
 * stored: it all lives in the page.
 */
import { lessonAnchor, type Anchor, type LessonId } from '../../lib/anchors';
import type { Locale } from '../../i18n/index';

/** The four kinds of data the article lists, plus where each finding comes from. */
export const SOURCES = ['photo', 'browser', 'behaviour', 'visual'] as const;
export type Source = (typeof SOURCES)[number];

/** Categories drawn in the chart, in display order. */
export const CATEGORIES = ['place', 'time', 'device', 'browser', 'interests', 'routine', 'people', 'scene'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** What the reader can switch on to see the profile shrink. */
export const TOGGLES = ['cleaned', 'temporaryChat', 'trainingOff', 'avatar', 'plainBackground'] as const;
export type ToggleId = (typeof TOGGLES)[number];
export type Toggles = Record<ToggleId, boolean>;

/** All toggles off: the profile as a service would see it by default. */
export const NO_TOGGLES: Toggles = { cleaned: false, temporaryChat: false, trainingOff: false, avatar: false, plainBackground: false };

/** A translatable text: an i18n key of the `profile` namespace and its (untrusted, text-only) values. */
export interface Text {
  key: string;
  params: Record<string, string | number>;
}

/** A lesson anchor (see src/lib/anchors.ts) naming the habit or setting that removes a finding. */
export interface Fix {
  lesson: LessonId;
  anchor: string;
  /** The link in the reader's language (built with `lessonAnchor`, so anchors are type-checked). */
  href: (locale: Locale) => string;
}

/** A fix pointing at a known lesson anchor. */
export function fix<L extends LessonId>(lesson: L, anchor: Anchor<L>): Fix {
  return { lesson, anchor, href: (locale) => lessonAnchor(lesson, anchor, locale) };
}

/** One line of the simulated dossier. */
export interface Finding {
  /** Stable id (also used by tests and as the list key). */
  id: string;
  category: Category;
  source: Source;
  confidence: Confidence;
  /** What a service could conclude. */
  claim: Text;
  /** The signal it came from ("because the photo's GPS says …"). */
  because: Text;
  fix: Fix;
  /** Toggles that make this finding disappear. */
  removedBy: readonly ToggleId[];
  /**
   * True when the underlying data is content the reader uploads or types
   * (photo, prompts), which consumer AI services may use for training
   * unless "Improve the model for everyone" is off (research facts §1.1).
   */
  trainable: boolean;
}

/** How often the reader says they use an AI chat tool. */
export const FREQUENCIES = ['never', 'monthly', 'weekly', 'daily', 'severalDaily'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** When in the day the reader says they mostly use it. */
export const TIMES_OF_DAY = ['morning', 'workHours', 'evening', 'night', 'varies'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** The behaviour the reader simulates (typed or picked example prompts). */
export interface Behaviour {
  /** Prompt texts (at most 20 of at most 2000 characters), untrusted; only matched against local keyword lists. */
  prompts: string[];
  /** Self-reported frequency of use. */
  frequency: Frequency;
  /** Self-reported usual time of use. */
  timeOfDay: TimeOfDay;
}

/** What the reader says is visible in the photo. */
export const VISUAL_ITEMS = ['face', 'others', 'children', 'badge', 'document', 'landmark', 'reflection', 'home'] as const;
export type VisualItem = (typeof VISUAL_ITEMS)[number];
export type VisualChecklist = Record<VisualItem, boolean>;

/** Nothing ticked. */
export const EMPTY_VISUAL: VisualChecklist = {
  face: false,
  others: false,
  children: false,
  badge: false,
  document: false,
  landmark: false,
  reflection: false,
  home: false,
};
