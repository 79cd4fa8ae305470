/**
 * Our own judge of a cleaned file, in Node, with the site's walker: does any
 * block of it still say where the photo was taken? Used by the Node fuzz test
 * and by the browser tests that read cleaned downloads back from disk. It
 * shares the walker with the cleaner, so a block the walker cannot see is
 * invisible to both: the fuzz test also asks exiftool about a sample.
 */
import { readExifFacts } from '../../src/formats/exif';
import { bufferSource } from '../../src/formats/source';
import { FormatError } from '../../src/formats/types';
import { walk } from '../../src/formats/walk';

const GPS_TEXT = /GPS(Latitude|Longitude|Altitude|Position)|exif:GPS/i;

/**
 * Reasons the file still holds a location: an EXIF block with a non-empty GPS
 * IFD, an EXIF block it cannot read (it fails closed, as the product's verifier
 * does: unreadable EXIF may hold anything), or an XMP or text block naming GPS
 * fields. Empty means none was found. Throws what walk() throws (a cleaned
 * file must walk).
 */
export async function locationLeft(bytes: Uint8Array): Promise<string[]> {
  const inv = await walk(bufferSource(bytes));
  const out: string[] = [];
  for (const b of inv.blocks) {
    const data = bytes.subarray(b.dataOffset, b.dataOffset + b.dataLength);
    if (b.kind === 'exif') {
      try {
        if (readExifFacts(data).hasGps) out.push(`${b.label}: EXIF with GPS`);
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
        out.push(`${b.label}: EXIF that cannot be read (${error.code})`);
      }
    } else if (
      (b.kind === 'xmp' || b.kind === 'xmp-extended' || b.kind === 'text' || b.kind === 'comment') &&
      GPS_TEXT.test(new TextDecoder('latin1').decode(data))
    ) {
      out.push(`${b.label}: ${b.kind} naming GPS`);
    }
  }
  return out;
}
