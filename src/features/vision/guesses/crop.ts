/**
 * Where to cut each face out of the photo for face-api's networks. Pure: no DOM.
 */
import type { Box, Rect } from '../geometry';

/** Both networks (age/gender TinyXception and the expression net) take a 112 × 112 face (face-api's FaceProcessor and AgeGenderNet). */
export const NET_INPUT = 112;

/**
 * A square around the face box, in pixels of a `width` × `height` picture,
 * kept inside it: face-api pads any crop to a square with black, so a square
 * taken from the photo keeps real pixels where the padding would go. The
 * side is the box's longer edge, at least 1 px.
 */
export function squareCrop(box: Box, width: number, height: number): Rect {
  const cx = (box.x + box.w / 2) * width;
  const cy = (box.y + box.h / 2) * height;
  const side = Math.max(1, Math.min(width, height, Math.round(Math.max(box.w * width, box.h * height))));
  const x = Math.round(Math.min(width - side, Math.max(0, cx - side / 2)));
  const y = Math.round(Math.min(height - side, Math.max(0, cy - side / 2)));
  return { x, y, w: side, h: side };
}
