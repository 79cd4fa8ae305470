/**
 * The scenes the scan's tests composite with ImageMagick from the vision
 * fixtures (no browser here: the unit tests of where OCR reads use them too):
 * two people side by side, and a cat with a badge and a screen beside it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES, tempDir } from './paths';

export const VISION = join(FIXTURES, 'vision');
export const ASTRONAUT = join(VISION, 'astronaut.jpg');
export const CAT = join(VISION, 'chelsea-cat.jpg');
export const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
export const FONT_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** ImageMagick's arguments for the badge-and-screen scene (1,800 × 1,200), without the output file. */
export const BADGE_AND_SCREEN: readonly string[] = [
  CAT,
  '-resize',
  '1800x1200!',
  // A badge about 300 px wide, its name about 25 px high: small in the frame, as on a table.
  '(',
  '-size',
  '300x170',
  'xc:white',
  '-bordercolor',
  '#1d4e89',
  '-border',
  '6',
  '-font',
  FONT,
  '-pointsize',
  '32',
  '-fill',
  'black',
  '-annotate',
  '+22+70',
  'Jeanne Roux',
  '-font',
  FONT_REGULAR,
  '-pointsize',
  '22',
  '-annotate',
  '+22+115',
  'Infirmière',
  ')',
  '-geometry',
  '+140+860',
  '-composite',
  // A screen: dark bezel, white page, a mail header.
  '(',
  '-size',
  '760x420',
  'xc:#222',
  '(',
  '-size',
  '720x380',
  'xc:white',
  '-font',
  FONT_REGULAR,
  '-pointsize',
  '34',
  '-fill',
  'black',
  '-annotate',
  '+30+80',
  'De : jeanne.roux@exemple.fr',
  '-annotate',
  '+30+150',
  'Objet : rendez-vous',
  ')',
  '-geometry',
  '+20+20',
  '-composite',
  ')',
  '-geometry',
  '+960+140',
  '-composite',
];
/** Where the badge and the screen are in that scene, in its pixels. */
export const BADGE_BOX = { x: 140, y: 860, w: 312, h: 182 };
export const SCREEN_BOX = { x: 960, y: 140, w: 760, h: 420 };

const magick = (args: readonly string[]): void => {
  execFileSync('convert', [...args]);
};

/** The scenes the tests need, made once into a temporary folder. */
export function makeScenes(): { two: string; scene: string } {
  const dir = tempDir('bya-vision-');
  const two = join(dir, 'two-people.jpg');
  const scene = join(dir, 'badge-and-screen.jpg');
  magick([ASTRONAUT, '(', ASTRONAUT, '-flop', ')', '+append', two]);
  magick([...BADGE_AND_SCREEN, scene]);
  return { two, scene };
}
