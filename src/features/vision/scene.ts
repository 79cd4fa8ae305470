/**
 * What the objects a detector found suggest about the setting. No scene
 * classifier ships its weights on npm (research vision-2026-12 §2), so the
 * setting is deduced from COCO objects by this table and always shown with
 * the objects it rests on: never claimed beyond them. Pure: no DOM.
 */
import { z } from 'zod';

/** Settings the scan can suggest. */
export const SCENE_CUES = ['home', 'desk', 'street', 'meal', 'child'] as const;
export const sceneCueSchema = z.enum(SCENE_CUES);
export type SceneCue = z.infer<typeof sceneCueSchema>;

/** COCO labels (as Human names them) that point to each setting. */
export const CUE_LABELS: Readonly<Record<SceneCue, readonly string[]>> = {
  home: ['bed', 'couch', 'toilet', 'refrigerator', 'oven', 'microwave', 'sink', 'toaster', 'potted plant', 'vase', 'tv', 'hair drier'],
  desk: ['laptop', 'keyboard', 'mouse', 'book'],
  street: ['car', 'bus', 'truck', 'traffic light', 'stop sign', 'parking meter', 'fire hydrant', 'motorcycle', 'bicycle'],
  meal: ['dining table', 'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'pizza', 'cake', 'sandwich'],
  child: ['teddy bear'],
};

/** Objects that can show something readable: a screen may show content. */
export const SCREEN_LABELS: readonly string[] = ['tv', 'laptop', 'cell phone'];

/** One suggestion and the objects it is deduced from (distinct labels, in the order found). */
export interface SceneSuggestion {
  cue: SceneCue;
  because: string[];
}

/** The settings the objects point to, each with its evidence. */
export function sceneCues(labels: readonly string[]): SceneSuggestion[] {
  const out: SceneSuggestion[] = [];
  for (const cue of SCENE_CUES) {
    const because = [...new Set(labels.filter((l) => CUE_LABELS[cue].includes(l)))];
    if (because.length > 0) out.push({ cue, because });
  }
  return out;
}
