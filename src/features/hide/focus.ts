/**
 * Where the keyboard focus goes after Hide changes the page: onto a region
 * just added (so the arrow keys move it at once), and after a removal onto the
 * next region of the same list (or the previous one, or "Add a region" when
 * none is left), never to the top of the page.
 */
import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { HideState } from './hide.svelte';

/** Focuses the element of `root` carrying `attribute` = `id`, once the page has drawn it. */
export async function focusMarked(root: ParentNode, attribute: string, id: string): Promise<void> {
  await tick();
  root.querySelector<HTMLElement | SVGElement>(`[${attribute}="${CSS.escape(id)}"]`)?.focus();
}

/** After removing region `index` of a list marked with `attribute`, focuses the one now at `index` (or before it), else "Add a region". */
export async function focusAfterRemoval(root: ParentNode, attribute: string, index: number): Promise<void> {
  await tick();
  const rest = [...root.querySelectorAll<HTMLElement | SVGElement>(`[${attribute}]`)];
  const next = rest[Math.min(index, rest.length - 1)] ?? root.querySelector<HTMLElement>('[data-hide-add]');
  next?.focus();
}

/** Ctrl+Z or Cmd+Z anywhere in the scan island undoes Hide's last change, except in a field that has its own undo. */
export function undoKeys(hide: HideState): Attachment<HTMLElement> {
  return (root) => {
    const onkey = (event: KeyboardEvent): void => {
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z' && hide.photo) {
        event.preventDefault();
        hide.undo();
      }
    };
    root.addEventListener('keydown', onkey);
    return () => root.removeEventListener('keydown', onkey);
  };
}
