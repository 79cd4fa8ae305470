/**
 * Names of regions as the reader hears and reads them: "Face 1", "Text line
 * 2", "Region 3", and with the position for a screen reader moving one with
 * the arrow keys ("…, 40 % from the left, 30 % from the top, 20 % × 20 %").
 * Pure: the translator comes from the island.
 */
import type { Translate } from '../../i18n/format';
import type { Region } from './regions';

const percent = (v: number): number => Math.round(v * 100);

/** The region's name, numbered within its kind in list order; with `where`, its position and size in percent of the picture. */
export function regionName(t: Translate, regions: readonly Region[], region: Region, where = false): string {
  const n = regions.filter((r) => r.kind === region.kind).findIndex((r) => r.id === region.id) + 1;
  const name = t(`region.${region.kind}`, { n });
  if (!where) return name;
  const { x, y, w, h } = region.box;
  return t('region.where', { name, x: percent(x), y: percent(y), w: percent(w), h: percent(h) });
}
