import { untrack } from 'svelte';
import { Autosave, type AutosaveStatus } from './autosave';

/**
 * Autosave wired to an editor page: any change to the watched values (deeply: rows, tags,
 * pickers) schedules a save while the form is editable; leaving the page saves what is still
 * unsaved and closing the tab warns. Create it during component initialisation.
 */
export class EditorAutosave {
  status = $state<AutosaveStatus>({ state: 'idle', error: null, savedAt: null });
  readonly autosave: Autosave;
  #snapshot: string;

  constructor(save: () => Promise<boolean>, watched: () => unknown, editable: () => boolean) {
    this.autosave = new Autosave(save, (status) => (this.status = status));
    this.#snapshot = untrack(() => JSON.stringify(watched()));

    $effect(() => {
      const next = JSON.stringify(watched());
      if (next === this.#snapshot) return;
      this.#snapshot = next;
      if (untrack(editable)) this.autosave.touch();
    });

    $effect(() => {
      const warn = (event: BeforeUnloadEvent) => {
        if (this.autosave.unsaved) event.preventDefault();
      };
      window.addEventListener('beforeunload', warn);
      return () => {
        window.removeEventListener('beforeunload', warn);
        if (this.autosave.unsaved) void this.autosave.flush();
        this.autosave.dispose();
      };
    });
  }

  /** Values just loaded from the server are saved by definition: no save for them. */
  settle(values: unknown): void {
    this.#snapshot = JSON.stringify(values);
  }
}
