import { matchRoute } from './routes';

/**
 * A small History-API router. The server answers index.html for every non-API path, so any
 * URL here is also a valid deep link.
 */
class Router {
  path = $state(location.pathname);
  search = $state(location.search);

  /**
   * Changes whenever another page is shown (another path); App re-creates the page component
   * on it. A new query on the same path (filters, paging) keeps the page and its state.
   */
  page = $state(0);

  match = $derived(matchRoute(this.path));
  query = $derived(new URLSearchParams(this.search));

  constructor() {
    window.addEventListener('popstate', () => this.#sync());
  }

  /** Navigates within the app without a reload; `to` is a same-origin path with optional query. */
  navigate(to: string, { replace = false }: { replace?: boolean } = {}) {
    const url = new URL(to, location.href);
    if (url.origin !== location.origin) {
      location.assign(url);
      return;
    }
    const samePage = url.pathname === this.path;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#sync();
    if (!samePage) window.scrollTo(0, 0);
  }

  /**
   * Changes the address bar without moving to another page: a page that just created what it
   * shows (a new draft got its id) keeps its state, focus and typing, while reload, back and
   * bookmarks get the new record's address. The router catches up on the next navigation.
   */
  rewrite(to: string) {
    history.replaceState(null, '', new URL(to, location.href));
    this.path = location.pathname;
    this.search = location.search;
  }

  /** The current path and query, e.g. to come back here after logging in. */
  get here(): string {
    return this.path + this.search;
  }

  #sync() {
    if (location.pathname !== this.path) this.page++;
    this.path = location.pathname;
    this.search = location.search;
  }
}

export const router = new Router();

/**
 * Click handler for in-app links: lets the browser handle new-tab clicks, modified clicks and
 * downloads, and navigates without a reload otherwise.
 */
export function followLink(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.currentTarget;
  if (!(anchor instanceof HTMLAnchorElement)) return;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
  if (anchor.origin !== location.origin) return;
  event.preventDefault();
  router.navigate(anchor.pathname + anchor.search + anchor.hash);
}
