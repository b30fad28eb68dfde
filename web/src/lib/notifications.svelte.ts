import type { Notification } from '../../../shared/contracts/notifications';
import { notificationsApi } from './notifications-api';

/** Often enough to feel live, rare enough not to load the server with idle tabs. */
export const pollIntervalMs = 30_000;

/** The logged-in user's notifications, polled while a page is open and visible. */
class Notifications {
  items = $state<Notification[]>([]);
  unread = $state(0);
  failed = $state(false);
  /** True once the first list arrived, so "more unread than before" means something. */
  loaded = $state(false);

  async load() {
    try {
      const list = await notificationsApi.list();
      this.items = list.items;
      this.unread = list.unread;
      this.failed = false;
      this.loaded = true;
    } catch {
      this.failed = true;
    }
  }

  async markRead(id: string) {
    const item = this.items.find((n) => n.id === id);
    if (!item || item.readAt) return;
    await notificationsApi.markRead(id);
    item.readAt = new Date().toISOString();
    this.unread = Math.max(0, this.unread - 1);
  }

  async markAllRead() {
    await notificationsApi.markAllRead();
    const now = new Date().toISOString();
    for (const item of this.items) item.readAt ??= now;
    this.unread = 0;
  }

  /** Starts polling; returns the function that stops it (for an $effect's cleanup). */
  poll(): () => void {
    void this.load();
    const timer = window.setInterval(() => {
      // A hidden tab does not need fresh notifications; it catches up when shown again.
      if (document.visibilityState === 'visible') void this.load();
    }, pollIntervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void this.load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }

  reset() {
    this.items = [];
    this.unread = 0;
    this.failed = false;
    this.loaded = false;
  }
}

export const notifications = new Notifications();
