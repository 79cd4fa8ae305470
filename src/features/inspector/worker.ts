/**
 * The inspector's worker: parsing happens here so a hostile or huge file can
 * never freeze the page. It reads each file through `blobSource(file)` slices
 * (a 32 MB photo costs a few small reads, not 32 MB of memory).
 */
import { blobSource } from '../../formats/source';
import { requestSchema, type InspectorReply } from './protocol';
import { readSource } from './reader';

const post = (reply: InspectorReply): void => postMessage(reply);

addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = requestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const { id, file } = parsed.data;
  void readSource(blobSource(file)).then(
    (result) => post(result.ok ? { type: 'reading', id, reading: result.reading } : { type: 'failed', id, code: result.code }),
    () => post({ type: 'failed', id, code: 'unreadable' }),
  );
});
