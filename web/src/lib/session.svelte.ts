import type { CurrentUser, MeResponse, RegisterBody } from '../../../shared/contracts/auth';
import type { Locale, Role } from '../../../shared/roles';
import { ApiError, onUnauthenticated, setCsrfTokenSource } from './api';
import { authApi, type LoginBody } from './auth-api';
import { i18n } from './i18n.svelte';

const mePath = '/api/auth/me';

/** Who is logged in, as the server last said (GET /api/auth/me), plus the CSRF token for writes. */
class Session {
  user = $state<CurrentUser | null>(null);
  csrfToken = $state<string | null>(null);
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  loadError = $state<unknown>(null);

  roles = $derived<readonly Role[]>(this.user?.roles ?? []);
  memberships = $derived(this.user?.memberships ?? []);

  hasRole(...roles: Role[]): boolean {
    return roles.some((role) => this.roles.includes(role));
  }

  async load() {
    try {
      this.#apply(await authApi.me());
      this.#adoptAccountLocale();
      this.loadError = null;
      this.status = 'ready';
    } catch (error) {
      this.loadError = error;
      this.status = 'failed';
    }
  }

  /** Reloads /me quietly, e.g. after an action changed the user's organisation. */
  async refresh() {
    try {
      this.#apply(await authApi.me());
    } catch {
      // Keep what we have; the next page load will try again.
    }
  }

  async login(body: LoginBody) {
    this.#apply(await authApi.login(body));
    await this.#reconcileLocale();
  }

  async register(body: RegisterBody) {
    this.#apply(await authApi.register(body));
    await this.#reconcileLocale();
  }

  async logout() {
    try {
      await authApi.logout();
    } catch (error) {
      // Already logged out on the server is fine; anything else the caller should see.
      if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) throw error;
    }
    this.user = null;
    // A fresh anonymous CSRF token for the next log-in.
    await this.refresh();
  }

  /** Switches the language now; the account remembers it too, so mail arrives in it. */
  async setLocale(locale: Locale) {
    i18n.set(locale);
    const user = this.user;
    if (!user || user.locale === locale) return;
    await authApi.setLocale(locale);
    user.locale = locale;
  }

  #apply(me: MeResponse) {
    this.user = me.user;
    this.csrfToken = me.csrfToken;
  }

  /** On a device where no language was chosen, show the account's language. */
  #adoptAccountLocale() {
    if (this.user && !i18n.chosen) i18n.set(this.user.locale, false);
  }

  /**
   * After log-in or registration: a language chosen on this device before logging in is the
   * user's current wish, so the account follows it (registration already sends it);
   * otherwise the device follows the account.
   */
  async #reconcileLocale() {
    const user = this.user;
    if (!user) return;
    if (!i18n.chosen) {
      i18n.set(user.locale, false);
      return;
    }
    if (i18n.chosen !== user.locale) {
      try {
        await this.setLocale(i18n.chosen);
      } catch {
        // The screen is already in the chosen language; the account catches up next switch.
      }
    }
  }
}

export const session = new Session();

setCsrfTokenSource(() => session.csrfToken);
onUnauthenticated((path) => {
  // The session cookie expired or was revoked: believe the server and drop the stale user.
  if (path !== mePath && session.user) void session.refresh();
});
