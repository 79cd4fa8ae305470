/** Loads the bundled world shapes (our own file, same origin; validated like any boundary). */
import { z } from 'zod';

const worldSchema = z.object({
  version: z.literal(1),
  width: z.number(),
  height: z.number(),
  land: z.string().startsWith('M'),
  borders: z.string(),
});
export type World = z.infer<typeof worldSchema>;

let loading: Promise<World> | null = null;

/** Fetches /geo/world.json once per page. */
export function loadWorld(): Promise<World> {
  loading ??= fetch('/geo/world.json', { credentials: 'omit' })
    .then((r) => {
      if (!r.ok) throw new Error(`world.json: HTTP ${r.status}`);
      return r.json();
    })
    .then((data: unknown) => worldSchema.parse(data))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
