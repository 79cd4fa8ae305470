/**
 * Types for the part of exifr's full ESM build the adapter uses. exifr's own
 * index.d.ts types `ifd0` as impossible to disable and returns `any`; at
 * runtime 7.1.3 honours `ifd0: false` (the Sony DSC-HX5V retry relies on it),
 * and we treat every result as unknown until zod has parsed it.
 */
declare module 'exifr/dist/full.esm.mjs' {
  /** Options we pass (a subset of exifr's; booleans turn a block or behaviour on or off). */
  export interface ExifrOptions {
    tiff?: boolean;
    ifd0?: boolean;
    ifd1?: boolean;
    exif?: boolean;
    gps?: boolean;
    interop?: boolean;
    makerNote?: boolean;
    userComment?: boolean;
    xmp?: boolean;
    icc?: boolean;
    iptc?: boolean;
    jfif?: boolean;
    ihdr?: boolean;
    sanitize?: boolean;
    mergeOutput?: boolean;
    reviveValues?: boolean;
    translateKeys?: boolean;
    translateValues?: boolean;
    silentErrors?: boolean;
    chunked?: boolean;
  }
  /** Parses a whole file or a bare TIFF structure. Never pass a string: exifr fetches strings as URLs. */
  export function parse(data: Uint8Array, options?: ExifrOptions): Promise<unknown>;
  /** Parses one segment's payload ('xmp', 'iptc', 'icc', 'tiff'). */
  export function sidecar(data: Uint8Array, options?: ExifrOptions, type?: 'xmp' | 'iptc' | 'icc' | 'tiff'): Promise<unknown>;
}
