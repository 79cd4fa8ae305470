import { z } from 'zod';
import { SERVICE_IDS, type ServiceId } from '../services/ids';

export { SERVICE_IDS, type ServiceId };

/** A day as `YYYY-MM-DD` (the day a page was read, or a policy's own version date). */
export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A primary source: the service's own help page or policy, at the version read.
 * `version` is the date the page gives itself; `read` is the day we read it.
 */
export const primarySourceSchema = z.object({
  /** The page itself (the service's own domain), as the reader can open it. */
  url: z.url({ protocol: /^https$/ }),
  /** The page's own title. */
  title: z.string().min(3).max(140),
  /** The date the page gives itself ("Updated", "Effective", "Last updated"), when it gives one. */
  version: isoDaySchema.optional(),
  /** The day we read it. */
  read: isoDaySchema,
  /** Where the copy we read is kept when the page was read from an archive (Open Terms Archive), not live. */
  archive: z.string().min(10).max(200).optional(),
});
export type PrimarySource = z.infer<typeof primarySourceSchema>;

/** Who answers a data-protection request for readers in one zone. */
export const controllerSchema = z.object({
  /** Legal name as the privacy policy writes it. */
  name: z.string().min(3).max(80),
  /** Postal address as the policy gives it; absent when the policy gives none. */
  address: z.string().min(5).max(160).optional(),
  /** False when the policy does not name the entity for this zone: the letter then leaves a bracket to fill in. */
  confirmed: z.boolean(),
});

/** Zones with different controllers: the EEA, Switzerland, the United Kingdom, and anywhere else (Québec). */
export const CONTROLLER_ZONES = ['eea', 'ch', 'uk', 'other'] as const;
export type ControllerZone = (typeof CONTROLLER_ZONES)[number];

/** One service: its name, its controllers and where its privacy requests go, with the policy they come from. */
export const serviceSchema = z.object({
  id: z.enum(SERVICE_IDS),
  /** Product name as the reader knows it. */
  name: z.string().min(3).max(40),
  /** Maker, for "OpenAI's privacy portal". */
  maker: z.string().min(2).max(40),
  controllers: z.object({ eea: controllerSchema, ch: controllerSchema, uk: controllerSchema, other: controllerSchema }),
  /** Where to send a request: the policy's form or address, in the order the policy gives them. */
  requestTo: z.array(z.string().min(5).max(160)).min(1).max(3),
  /** The data protection officer's contact, when the policy gives one. */
  dpo: z.string().min(5).max(160).optional(),
  /** The privacy policy the controllers and contacts were read from. */
  source: primarySourceSchema,
});
export type Service = z.infer<typeof serviceSchema>;
