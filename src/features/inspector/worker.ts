/**
 * The inspector's worker: parsing happens here so a hostile or huge file can
 * never freeze the page. It reads each file through `blobSource(file)` slices
 * (a 32 MB photo costs a few small reads, not 32 MB of memory).
 */
import { blobSource } from '../../formats/source';
import { requestSchema, type InspectorReply } from './protocol';
import { readHead, readSource } from './reader';

const post = (reply: InspectorReply): void => postMessage(reply);

addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = requestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const { id, file } = parsed.data;
  const source = blobSource(file);
  void (async () => {
    const quick = await readHead(source);
    if (quick) post({ type: 'reading', id, reading: quick, final: false });
    const result = await readSource(source);
    post(result.ok ? { type: 'reading', id, reading: result.reading, final: true } : { type: 'failed', id, code: result.code });
  })().catch(() => post({ type: 'failed', id, code: 'unreadable' }));
});
