/** 1-based page number from a `?page=` value; anything odd is page 1. */
export function pageFromQuery(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The current path with `changes` applied to its query (null or '' removes a key). */
export function withQuery(path: string, query: URLSearchParams, changes: Record<string, string | number | null>) {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  const search = next.toString();
  return search ? `${path}?${search}` : path;
}
