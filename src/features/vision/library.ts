/**
 * The shapes of the libraries' output the worker relies on (Human's and
 * tesseract.js's own types are not checked at run time). Worker-only: the
 * page never imports this, so its schemas stay out of the page's bundle.
 */
import { z } from 'zod';

/** The part of Human's result the worker reads (Human's own types are not checked at run time). */
export const humanResultSchema = z.object({
  face: z.array(z.object({ boxRaw: z.tuple([z.number(), z.number(), z.number(), z.number()]), score: z.number() })),
  object: z.array(z.object({ boxRaw: z.tuple([z.number(), z.number(), z.number(), z.number()]), score: z.number(), label: z.string() })),
});

/** The part of tesseract.js's `blocks` output the worker reads. */
export const tesseractWordSchema = z.object({
  text: z.string(),
  confidence: z.number(),
  bbox: z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() }),
});
export const tesseractPageSchema = z.object({
  blocks: z.array(z.object({ paragraphs: z.array(z.object({ lines: z.array(z.object({ words: z.array(tesseractWordSchema) })) })) })).nullable(),
});
