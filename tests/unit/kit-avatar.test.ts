import { describe, expect, it } from 'vitest';
import { drawAvatar, loadStyle } from '../../src/features/avatar/engine';
import { AVATAR_STYLES, avatarFileName, randomSeed } from '../../src/features/avatar/settings';

describe('avatar maker', () => {
  it.each(AVATAR_STYLES)('draws %s as one SVG document, the same for the same seed', async (key) => {
    const style = await loadStyle(key);
    const settings = { style: key, seed: 'Marie Curie', background: 'mint', flip: false } as const;
    const svg = drawAvatar(style, settings);
    expect(svg?.startsWith('<svg')).toBe(true);
    expect(svg?.endsWith('</svg>')).toBe(true);
    expect(drawAvatar(style, settings)).toBe(svg);
    expect(drawAvatar(style, { ...settings, seed: 'Ada Lovelace' })).not.toBe(svg);
  });
  it('paints the chosen background, and none when transparent', async () => {
    const style = await loadStyle('thumbs');
    expect(drawAvatar(style, { style: 'thumbs', seed: 'x', background: 'sky', flip: false })).toContain('cfe3f5');
    expect(drawAvatar(style, { style: 'thumbs', seed: 'x', background: 'none', flip: false })).not.toContain('cfe3f5');
  });
  it('names files with lowercase ASCII only', () => {
    expect(avatarFileName({ seed: 'Éloïse & <Zoé>', style: 'pixelArt' }, 'png')).toBe('avatar-pixelart-eloise-zoe.png');
    expect(avatarFileName({ seed: '***', style: 'lorelei' }, 'svg')).toBe('avatar-lorelei-seed.svg');
  });
  it('makes random seeds of eight letters and digits', () => {
    const seeds = new Set(Array.from({ length: 50 }, randomSeed));
    expect(seeds.size).toBe(50);
    for (const seed of seeds) expect(seed).toMatch(/^[a-z2-9]{8}$/);
  });
});
