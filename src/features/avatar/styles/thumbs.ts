/** One DiceBear style in its own chunk, so the page downloads only the styles the reader picks. */
export { thumbs as style } from '@dicebear/collection';
