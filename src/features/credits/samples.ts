/**
 * The photos the site ships under public/samples/, with their provenance and
 * licence, for the credits page. Texts are in the credits namespace under
 * `sample.<id>.*`.
 */
import { z } from 'zod';

export const sampleCreditSchema = z.object({
  /** Stable key for the translated texts. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Path under the site's root. */
  file: z.string().startsWith('/samples/'),
  /** Script that makes it (reproducible from the repository). */
  script: z.string().startsWith('scripts/'),
  /** Where its third-party pixels come from, if any (a public address). */
  origin: z.url().optional(),
});
export type SampleCredit = z.infer<typeof sampleCreditSchema>;

export const SAMPLE_CREDITS: readonly SampleCredit[] = z.array(sampleCreditSchema).parse([
  {
    id: 'badge',
    file: '/samples/sample-badge.jpg',
    script: 'scripts/make-vision-sample.sh',
    // scikit-image's astronaut picture (skimage/data/astronaut.png): NASA's portrait of Eileen Collins, public domain as stated in skimage/data/_fetchers.py.
    origin: 'https://github.com/scikit-image/scikit-image/blob/main/skimage/data/astronaut.png',
  },
  { id: 'lyon', file: '/samples/sample-lyon.jpg', script: 'scripts/make-sample.sh' },
]);
