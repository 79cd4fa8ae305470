/**
 * Canvas sizes for the export. A browser may cap a canvas's area and fail
 * quietly past it (a null context, a blank read-back, a throwing encoder); the
 * worker tries these sizes in turn and tells the reader when it had to go
 * smaller. Pure: no DOM.
 */

/**
 * The largest size of the same shape whose area is at most `maxArea` (never
 * larger than the original). Safari caps a canvas at 16,777,216 px (4,096 ×
 * 4,096; pqina.nl 2022), so a 24 MP photo must be exported smaller there.
 */
export function fitCanvas(width: number, height: number, maxArea: number): { width: number; height: number } {
  if (width * height <= maxArea) return { width, height };
  const scale = Math.sqrt(maxArea / (width * height));
  let w = Math.max(1, Math.floor(width * scale));
  let h = Math.max(1, Math.floor(height * scale));
  // Floating point can leave the product one row over the cap.
  while (w * h > maxArea && (w > 1 || h > 1)) {
    if (w / width >= h / height && w > 1) w--;
    else h--;
  }
  return { width: w, height: h };
}

/** Canvas areas to try, largest first: the full size, then Safari's cap, then halving down to 1 MP. */
export function canvasAttempts(width: number, height: number, cap = Number.POSITIVE_INFINITY): Array<{ width: number; height: number }> {
  const out: Array<{ width: number; height: number }> = [];
  let area = Math.min(width * height, cap);
  const push = (a: number): void => {
    const size = fitCanvas(width, height, a);
    if (!out.some((o) => o.width === size.width && o.height === size.height)) out.push(size);
  };
  push(area);
  if (area > SAFARI_MAX_AREA) push((area = SAFARI_MAX_AREA));
  while (area > MIN_AREA) push((area = Math.max(MIN_AREA, Math.floor(area / 2))));
  return out;
}

/** Safari's canvas area limit (and iOS's), in pixels. */
export const SAFARI_MAX_AREA = 16_777_216;
/** Below 1 MP the export stops trying smaller and fails: a smaller copy would hardly be the reader's photo. */
export const MIN_AREA = 1_000_000;
