import { onDestroy } from 'svelte';

/**
 * The current time for countdowns, ticking once a minute while the component lives, so
 * "还剩 3 小时" stays true on a page left open.
 */
export function useNow(intervalMs = 60_000): { readonly value: Date } {
  let value = $state(new Date());
  const timer = setInterval(() => (value = new Date()), intervalMs);
  onDestroy(() => clearInterval(timer));
  return {
    get value() {
      return value;
    },
  };
}
