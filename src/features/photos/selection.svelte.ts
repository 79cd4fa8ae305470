/**
 * The photos the reader chose on this page, shared by the inspector and the
 * cleaner islands (ES modules are singletons within a page). Files stay in
 * memory only; nothing here is stored or sent.
 */
export interface ChosenPhoto {
  /** Unique within the page session. */
  id: string;
  file: File;
}

/**
 * How the photos came: picked or dropped on the inspector, pasted (Ctrl+V),
 * or shared to the installed site from another app. Pasted and shared photos
 * are also cleaned at once: the reader is on their way to an upload.
 */
export type SelectionOrigin = 'pick' | 'paste' | 'share';

let counter = 0;

class PhotoSelection {
  photos = $state<ChosenPhoto[]>([]);
  origin = $state<SelectionOrigin>('pick');

  /** Replaces the selection with new files (a new choice starts a new batch). */
  choose(files: Iterable<File>, origin: SelectionOrigin = 'pick'): ChosenPhoto[] {
    this.origin = origin;
    this.photos = [...files].map((file) => ({ id: `p${++counter}`, file }));
    return this.photos;
  }

  clear(): void {
    this.photos = [];
  }
}

export const selection = new PhotoSelection();
