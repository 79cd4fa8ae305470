/**
 * Which tags feed which card, and the plain-language label each one gets.
 *
 * A card shows a label in the reader's language (`inspector.tag.<name>` or
 * `inspector.text.<label>`) with the technical name (`group:name`, exactly as
 * in the full tag table) beneath it, so a concept keeps one name everywhere
 * and an expert can still find the raw tag. The label keys are derived from
 * PICKS: adding a tag here without its strings in both languages fails to
 * compile (see LABELS_COMPLETE below) and fails tests/unit/inspector-labels.test.ts.
 * Pure data: shared by the worker (adapter.ts), the protocol and the page.
 */

/** Which tags of which block feed which card. Keys are exifr's tag names; blocks are the adapter's sources. */
export const PICKS = {
  serials: {
    exif: ['SerialNumber', 'BodySerialNumber', 'LensSerialNumber', 'ImageUniqueID', 'CameraOwnerName'],
    ifd0: ['SerialNumber', 'CameraSerialNumber'],
    'xmp:aux': ['SerialNumber', 'LensSerialNumber', 'ImageNumber'],
    'xmp:exifEX': ['BodySerialNumber', 'LensSerialNumber', 'CameraOwnerName'],
    'xmp:xmpMM': ['DocumentID', 'OriginalDocumentID', 'InstanceID'],
    'xmp:photoshop': ['DocumentAncestors'],
  },
  people: {
    ifd0: ['Artist', 'Copyright', 'XPAuthor', 'OwnerName'],
    'xmp:dc': ['creator', 'rights', 'contributor', 'publisher'],
    'xmp:photoshop': ['AuthorsPosition', 'Credit', 'CaptionWriter'],
    'xmp:Iptc4xmpExt': ['PersonInImage', 'ArtworkOrObject'],
    'xmp:MP': ['RegionInfo'],
    'xmp:mwg-rs': ['Regions'],
    iptc: ['Byline', 'BylineTitle', 'Credit', 'CopyrightNotice', 'Contact', 'WriterEditor'],
  },
  words: {
    ifd0: ['ImageDescription', 'XPTitle', 'XPComment', 'XPKeywords', 'XPSubject', 'DocumentName'],
    exif: ['UserComment'],
    'xmp:dc': ['title', 'description', 'subject'],
    'xmp:photoshop': ['Headline', 'City', 'State', 'Country', 'Instructions'],
    'xmp:Iptc4xmpCore': ['Location', 'CountryCode'],
    'xmp:lr': ['hierarchicalSubject'],
    iptc: ['ObjectName', 'Headline', 'Caption', 'Keywords', 'City', 'Sublocation', 'State', 'Country', 'SpecialInstructions'],
  },
} as const;

type Picks = typeof PICKS;
/** The tag names of one card's spec, as a union. */
type NamesOf<Spec> = { [Where in keyof Spec]: Spec[Where] extends readonly (infer Name)[] ? Name : never }[keyof Spec];
/** Every tag name that feeds a card. */
export type PickName = { [Card in keyof Picks]: NamesOf<Picks[Card]> }[keyof Picks];

/** Labels for free text that is not an EXIF/XMP/IPTC tag: PNG text chunks (AI prompts live there) and JPEG/GIF comments. */
export const TEXT_LABELS = [
  'comment',
  'aiParameters',
  'aiPrompt',
  'aiWorkflow',
  'aiData',
  'creationTime',
  'software',
  'source',
  'disclaimer',
  'warning',
  'other',
] as const;
export type TextLabel = (typeof TEXT_LABELS)[number];

/** The i18n key (namespace `inspector`) of a card field's label. */
export type LabelKey = `tag.${PickName}` | `text.${TextLabel}`;

/** Every tag name in PICKS, once. */
export const PICK_NAMES: readonly PickName[] = [
  ...new Set(Object.values(PICKS).flatMap((spec: Readonly<Record<string, readonly PickName[]>>) => Object.values(spec).flat())),
];

/** Every label key, for the protocol's schema and the tests. */
export const LABEL_KEYS: readonly LabelKey[] = [...PICK_NAMES.map((name) => `tag.${name}` as const), ...TEXT_LABELS.map((label) => `text.${label}` as const)];

/** The label of a picked tag. */
export function tagLabel(name: PickName): LabelKey {
  return `tag.${name}`;
}

/**
 * PNG text keywords we can name (PNG's registered keywords, and those AI image
 * tools write). Keywords are case-sensitive in PNG; a concept that also exists
 * as a tag reuses that tag's label.
 */
const TEXT_KEYWORDS = new Map<string, LabelKey>([
  ['parameters', 'text.aiParameters'], // AUTOMATIC1111, Forge: prompt, negative prompt, seed, model
  ['prompt', 'text.aiPrompt'], // ComfyUI
  ['workflow', 'text.aiWorkflow'], // ComfyUI
  ['invokeai_metadata', 'text.aiData'],
  ['sd-metadata', 'text.aiData'],
  ['Dream', 'text.aiData'],
  ['generation_data', 'text.aiData'],
  ['Title', 'tag.title'],
  ['Author', 'tag.creator'],
  ['Description', 'tag.description'],
  ['Copyright', 'tag.Copyright'],
  ['Comment', 'text.comment'],
  ['Creation Time', 'text.creationTime'],
  ['Software', 'text.software'],
  ['Source', 'text.source'],
  ['Disclaimer', 'text.disclaimer'],
  ['Warning', 'text.warning'],
]);

/** The label of a PNG text chunk, from its keyword (untrusted; unknown keywords get a generic label). */
export function textLabel(keyword: string): LabelKey {
  return TEXT_KEYWORDS.get(keyword) ?? 'text.other';
}

/** The name of a PICKS source block as the full tag table shows it ('xmp:dc' → 'XMP-dc', 'exif' → 'ExifIFD'). */
export function groupName(where: string): string {
  if (where.startsWith('xmp:')) return `XMP-${where.slice(4)}`;
  if (where === 'exif') return 'ExifIFD';
  return where.toUpperCase();
}

type FrStrings = typeof import('../../i18n/fr/inspector.json');
type EnStrings = typeof import('../../i18n/en/inspector.json');
/** Every key of the inspector's strings (the build also checks that both languages have the same keys). */
export type InspectorKey = Exclude<keyof (FrStrings | EnStrings), 'default'>;

// Compile-time check: every label key has a string in both languages. A missing
// key makes this assignment fail and names the key in the error.
type Missing = Exclude<LabelKey, InspectorKey>;
export const LABELS_COMPLETE: [Missing] extends [never] ? true : { missingLabel: Missing } = true;
