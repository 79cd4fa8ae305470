/** One DiceBear style in its own chunk, so the page downloads only the styles the reader picks. */
export { notionists as style } from '@dicebear/collection';
