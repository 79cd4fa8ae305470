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

let counter = 0;

class PhotoSelection {
  photos = $state<ChosenPhoto[]>([]);

  /** Replaces the selection with new files (a new choice starts a new batch). */
  choose(files: Iterable<File>): ChosenPhoto[] {
    this.photos = [...files].map((file) => ({ id: `p${++counter}`, file }));
    return this.photos;
  }

  clear(): void {
    this.photos = [];
  }
}

export const selection = new PhotoSelection();
