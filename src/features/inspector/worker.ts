/**
 * The inspector's worker: parsing happens here so a hostile or huge file can
 * never freeze the page. It reads each file through `blobSource(file)` slices
 * (a 32 MB photo costs a few small reads, not 32 MB of memory). The bridge's
 * `serve` checks each answer against the protocol before sending it.
 */
import { blobSource } from '../../formats/source';
import { serve } from '../../lib/worker-serve';
import { INSPECTOR_PROTOCOL, type InspectorReply } from './protocol';
import { readHead, readSource } from './reader';

serve(self, INSPECTOR_PROTOCOL, async ({ file }, { progress }): Promise<InspectorReply> => {
  const source = blobSource(file);
  const quick = await readHead(source);
  if (quick) progress({ quick });
  const result = await readSource(source);
  return result.ok ? { type: 'reading', reading: result.reading } : { type: 'failed', code: result.code };
});
