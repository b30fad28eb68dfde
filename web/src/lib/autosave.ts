export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export interface AutosaveStatus {
  state: AutosaveState;
  error: unknown;
  savedAt: Date | null;
}

/** Long enough not to save on every keystroke, short enough that closing the tab loses little. */
export const autosaveDelayMs = 1500;

/**
 * Debounced saving of a form. `save` reads the form when it runs (so it sends the latest
 * values) and says whether it sent anything. Saves never overlap: a change made while one is
 * running is saved after it. A failed save leaves the form alone and is retried on the next
 * change or by `flush()`. Plain TypeScript (the page mirrors `onStatus` into its state), so it
 * is unit-tested without a component.
 */
export class Autosave {
  #status: AutosaveStatus = { state: 'idle', error: null, savedAt: null };
  #save: () => Promise<boolean>;
  #onStatus: (status: AutosaveStatus) => void;
  #delay: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<boolean> | null = null;
  #dirty = false;

  constructor(save: () => Promise<boolean>, onStatus: (status: AutosaveStatus) => void, delayMs = autosaveDelayMs) {
    this.#save = save;
    this.#onStatus = onStatus;
    this.#delay = delayMs;
  }

  get status(): AutosaveStatus {
    return this.#status;
  }

  /** Whether something is not saved yet (a change waiting, a save running, or one that failed). */
  get unsaved(): boolean {
    return this.#dirty || this.#running !== null;
  }

  /** Call on every change; saves once the user pauses. */
  touch() {
    this.#dirty = true;
    if (this.#status.state !== 'saving') this.#set({ state: 'pending' });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#delay);
  }

  /** Saves now (before submitting, on leaving); resolves to whether everything is saved. */
  async flush(): Promise<boolean> {
    clearTimeout(this.#timer);
    while (this.#running) await this.#running;
    if (!this.#dirty) return this.#status.state !== 'failed';
    this.#dirty = false;
    this.#set({ state: 'saving' });
    const run = this.#run();
    this.#running = run;
    const ok = await run;
    this.#running = null;
    // Changed while saving: save that too after the usual pause.
    if (ok && this.#dirty) this.touch();
    return ok && !this.#dirty;
  }

  dispose() {
    clearTimeout(this.#timer);
  }

  async #run(): Promise<boolean> {
    try {
      const sent = await this.#save();
      const savedAt = sent ? new Date() : this.#status.savedAt;
      this.#set({ state: savedAt ? 'saved' : 'idle', error: null, savedAt });
      return true;
    } catch (error) {
      this.#dirty = true;
      this.#set({ state: 'failed', error });
      return false;
    }
  }

  #set(change: Partial<AutosaveStatus>) {
    this.#status = { ...this.#status, ...change };
    this.#onStatus(this.#status);
  }
}
