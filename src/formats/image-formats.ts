/**
 * Formats recognised from a file's first bytes (never from its name or MIME
 * type): the one list the type, the zod schemas and the zod/mini schema of
 * the photo summary are made from. Its own module, with nothing else in it,
 * so the islands that validate a summary bundle these seven words and not the
 * rest of types.ts (which would then become a chunk of its own).
 */
export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'heic', 'avif', 'tiff', 'gif'] as const;
