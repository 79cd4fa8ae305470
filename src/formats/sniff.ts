/** Recognises a file's format from its first bytes, never from its name or MIME type. */
import { ascii, startsWith, u32be } from './bytes';
import { FormatError, type ByteSource, type ImageFormat } from './types';

/** ISOBMFF brands that mean HEIF with HEVC images (ISO/IEC 23008-12 Annex B). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'mif1', 'msf1', 'heim', 'heis', 'hevc', 'hevx']);
/** AV1 Image File Format brands (AVIF spec §9). */
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** Identifies the format from the first bytes; throws FormatError('empty' | 'not-an-image'). */
export async function sniff(source: ByteSource): Promise<ImageFormat> {
  if (source.size === 0) throw new FormatError('empty', 'The file is empty.');
  const head = await source.read(0, 64);
  const format = sniffBytes(head);
  if (!format) throw new FormatError('not-an-image', 'Unknown file signature.');
  return format;
}

/** Same as sniff() on bytes already read (at least the first 12, better 64); undefined when unknown. */
export function sniffBytes(head: Uint8Array): ImageFormat | undefined {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (startsWith(head, '\x89PNG\r\n\x1a\n')) return 'png';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'webp';
  if (startsWith(head, 'II*\0') || startsWith(head, 'MM\0*')) return 'tiff';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'gif';
  if (startsWith(head, 'ftyp', 4)) return isobmffBrand(head);
  return undefined;
}

/** Reads the major brand, then the compatible brands, of an ftyp box; AVIF wins over the generic mif1. */
function isobmffBrand(head: Uint8Array): ImageFormat | undefined {
  const size = u32be(head, 0);
  const end = Math.min(head.length, size >= 16 ? size : 16);
  const brands = [ascii(head, 8, 12)];
  for (let o = 16; o + 4 <= end; o += 4) brands.push(ascii(head, o, o + 4));
  const major = brands[0] ?? '';
  if (AVIF_BRANDS.has(major)) return 'avif';
  if (HEIC_BRANDS.has(major) && major !== 'mif1' && major !== 'msf1') return 'heic';
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
  return undefined;
}
