import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * npm ci refuses a lock in which a package's optional dependencies have no entry. On this
 * workplace's registry some native packages' other-platform builds cannot be resolved, and a
 * plain npm install silently leaves them out: this catches it before CI does.
 */
describe('package-lock.json', () => {
  it('has an entry for every optional dependency it names', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        const nested = `${path}/node_modules/${dep}`;
        if (!lock.packages[nested] && !lock.packages[`node_modules/${dep}`]) missing.push(`${path || '(root)'} → ${dep}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
