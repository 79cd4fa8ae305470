/**
 * Public API of the container walkers and lossless cleaners (pure TypeScript,
 * no DOM: runs in Node and in a Web Worker).
 *
 *   const inv = await walk(blobSource(file));             // list metadata blocks
 *   const plan = await planClean(blobSource(file), DEFAULT_CLEAN_OPTIONS, inv);
 *   const clean = new Blob(planToBlobParts(plan, file), { type: file.type });
 */
export * from './types';
export { blobSource, bufferSource } from './source';
export { sniff, sniffBytes } from './sniff';
export { walk, type WalkOptions } from './walk';
export { assemble, keepReason, planClean, planSource, planToBlobParts } from './clean';
export { blockKindSchema, cleanOptionsSchema, FORMAT_ERROR_CODES, imageFormatSchema, keepReasonSchema } from './schemas';
export { orientationOnlyExif, readExifFacts, readTiff, type ExifFacts, type TiffStructure } from './exif';
