/**
 * Stable anchors inside lessons that tools link to ("the habit or right that
 * removes this"). Lessons set these ids explicitly (`<h2 id="gps">…</h2>` in MDX)
 * so they are the same in both languages; a test checks that each exists.
 */
import type { Locale } from '../i18n/index';
import { lessonPath } from '../i18n/routes';

export const LESSON_ANCHORS = {
  '01-trend': ['what-happens'],
  '02-metadata': ['gps', 'time', 'device', 'people-words', 'edit-history', 'thumbnail', 'inspector'],
  '03-device': ['browser-data', 'fingerprint', 'ip-address'],
  '04-behaviour': ['prompts', 'patterns', 'memory'],
  '05-visual-content': ['background', 'other-people', 'documents', 'reflections', 'consent', 'children', 'deepfakes'],
  '06-rights': ['access', 'erasure', 'objection', 'biometric', 'deadline', 'complaint', 'ai-act'],
  '07-habits': [
    'clean-before-upload',
    'camera-location',
    'share-without-location',
    'improve-model',
    'temporary-chat',
    'memory-settings',
    'delete-chats-files',
    'avatar',
    'busy-background',
    'ask-consent',
    'other-services',
  ],
} as const;

export type LessonId = keyof typeof LESSON_ANCHORS;
export type Anchor<L extends LessonId> = (typeof LESSON_ANCHORS)[L][number];

/** Link to an anchor in a lesson, in the reader's language. */
export function lessonAnchor<L extends LessonId>(lesson: L, anchor: Anchor<L>, locale: Locale): string {
  return `${lessonPath(lesson, locale)}#${anchor}`;
}
