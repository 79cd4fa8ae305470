/**
 * The built site, served by scripts/static-server.mjs (which applies
 * dist/_headers as a real host does) on a free port of 127.0.0.1. It can be
 * stopped and started again on the same port: the offline flow stops it to
 * cut the network in an engine whose driver cannot.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../../../scripts/static-server.mjs';
import { DIST } from '../../support/pages';

export interface Site {
  /** http://127.0.0.1:PORT */
  base: string;
  /** Every path the server was asked for, in order. */
  served: string[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  if (!existsSync(join(DIST, '_headers'))) throw new Error('dist/ is missing or incomplete: run `npm run build` first');
  const served: string[] = [];
  const onRequest = (path: string): void => {
    served.push(path);
  };
  let running = await serve(DIST, 0, { onRequest });
  const port = Number(new URL(running.url).port);
  let up = true;
  return {
    base: running.url,
    served,
    async stop() {
      if (!up) return;
      up = false;
      await running.close();
    },
    async start() {
      if (up) return;
      running = await serve(DIST, port, { onRequest });
      up = true;
    },
  };
}
