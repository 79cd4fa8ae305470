/**
 * Types for exifr's full ESM build. The package's own index.d.ts describes
 * `exifr`; the full build (XMP, IPTC, ICC, sidecar parsers) exports the same API.
 */
declare module 'exifr/dist/full.esm.mjs' {
  export * from 'exifr';
}
