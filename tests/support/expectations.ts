/**
 * What the cleaner does with each fixture the corpus marks broken
 * (manifest.json `broken`), by file name. Tests select fixtures from this
 * list, not from the wording of the manifest's free-text notes, so
 * rewording a note cannot change what is tested;
 * tests/unit/fixtures-expectations.test.ts checks that the list names every
 * broken fixture and nothing else.
 */

/** 'refused': the reader gets an alert and no download; 'cleaned': the damage is in metadata the cleaner removes. */
export type CleanerOutcome = 'refused' | 'cleaned';

export const BROKEN_FIXTURES: Readonly<Record<string, { cleaner: CleanerOutcome; why: string }>> = {
  'mei__Kodak_ProBack.jpg': { cleaner: 'cleaned', why: 'an IFD loop in the EXIF, which goes; the image is whole' },
  'immich__empty_gps.jpg': { cleaner: 'cleaned', why: 'empty GPS strings in the EXIF, which goes' },
  'ianare__30-type_error.jpg': { cleaner: 'cleaned', why: 'an ExifOffset pointer of the wrong type, in EXIF that goes' },
  'exifreader__test-issue-608-truncated-exif-tiff-dos.jpg': { cleaner: 'refused', why: 'cut off inside the EXIF: no image data' },
  'synthetic__truncated_half__ianare_DSCN0021.jpg': {
    cleaner: 'cleaned',
    why: 'cut off in the image data: what is there is kept as it is, the metadata before it goes',
  },
  'synthetic__truncated_in_app1__ianare_DSCN0025.jpg': { cleaner: 'refused', why: 'cut off inside the APP1 segment' },
  'synthetic__zero_length.jpg': { cleaner: 'refused', why: 'empty' },
  'synthetic__html_page_named.jpg': { cleaner: 'refused', why: 'an HTML page, not an image' },
};

/** Broken fixtures with the given cleaner outcome. */
export function brokenFixtures(outcome: CleanerOutcome): string[] {
  return Object.entries(BROKEN_FIXTURES)
    .filter(([, e]) => e.cleaner === outcome)
    .map(([file]) => file);
}
