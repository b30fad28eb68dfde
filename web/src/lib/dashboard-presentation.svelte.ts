/**
 * Presentation mode for the dashboard on a meeting-room projector: the dashboard alone, full
 * screen, with larger type. Where the browser refuses full screen (an iframe, a policy), the
 * larger type still applies; Esc or the button leaves either way.
 */
export class Presentation {
  active = $state(false);
  #fullScreen = false;
  readonly #target: () => HTMLElement | undefined;

  /** `target` is the element shown full screen (the dashboard's root). */
  constructor(target: () => HTMLElement | undefined) {
    this.#target = target;
  }

  /** Follows the browser's own way out of full screen (Esc, F11); returns the clean-up for onMount. */
  listen(): () => void {
    const sync = () => {
      if (this.#fullScreen && !document.fullscreenElement) {
        this.#fullScreen = false;
        this.active = false;
      }
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && this.active && !this.#fullScreen) this.active = false;
    };
    document.addEventListener('fullscreenchange', sync);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('fullscreenchange', sync);
      document.removeEventListener('keydown', escape);
      if (this.#fullScreen && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }

  async toggle() {
    if (this.active) {
      this.active = false;
      if (this.#fullScreen && document.fullscreenElement) {
        this.#fullScreen = false;
        await document.exitFullscreen().catch(() => {});
      }
      return;
    }
    this.active = true;
    const target = this.#target();
    if (!target?.requestFullscreen) return;
    try {
      await target.requestFullscreen();
      this.#fullScreen = true;
    } catch {
      // Refused: presentation without full screen, larger type only.
    }
  }
}
