/**
 * The state of one thing a page loads: its value, the error, whether a load is running.
 * When loads overlap (the user pages quickly), only the latest one's outcome is kept.
 */
export class Resource<T> {
  value = $state<T | undefined>(undefined);
  error = $state<unknown>(null);
  loading = $state(false);
  #latest = 0;

  async run(load: () => Promise<T>): Promise<void> {
    const ticket = ++this.#latest;
    this.loading = true;
    this.error = null;
    try {
      const value = await load();
      if (ticket === this.#latest) this.value = value;
    } catch (error) {
      if (ticket === this.#latest) this.error = error;
    } finally {
      if (ticket === this.#latest) this.loading = false;
    }
  }
}
