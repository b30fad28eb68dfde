/**
 * A message for the next page, e.g. "submitted for vetting" shown on the detail page the
 * editor moves to. Taken once, so reloading that page does not repeat it.
 */
class Flash {
  #message = $state<string | null>(null);

  set(message: string) {
    this.#message = message;
  }

  take(): string | null {
    const message = this.#message;
    this.#message = null;
    return message;
  }
}

export const flash = new Flash();
