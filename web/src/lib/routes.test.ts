import { describe, expect, it } from 'vitest';
import { matchRoute, safeLocalPath } from './routes';

describe('matchRoute', () => {
  it('matches literal paths, with or without a trailing slash', () => {
    expect(matchRoute('/').route.name).toBe('home');
    expect(matchRoute('/login').route.name).toBe('login');
    expect(matchRoute('/officials/verification/').route.name).toBe('verification-queue');
  });

  it('captures :params, decoded', () => {
    const match = matchRoute('/officials/verification/a586a060-e549-4e03-9ac9-7be29a6a70c7');
    expect(match.route.name).toBe('verification-detail');
    expect(match.params).toEqual({ id: 'a586a060-e549-4e03-9ac9-7be29a6a70c7' });
    expect(matchRoute('/officials/verification/a%20b').params.id).toBe('a b');
  });

  it('gives the not-found route for unknown paths', () => {
    expect(matchRoute('/no/such/page').route.name).toBe('not-found');
    expect(matchRoute('/officials/verification/1/2').route.name).toBe('not-found');
  });

  it('marks pages that need a user or a role', () => {
    expect(matchRoute('/organisation').route.auth).toBe(true);
    expect(matchRoute('/officials/verification').route.roles).toEqual(['official', 'admin']);
    expect(matchRoute('/login').route.anonymous).toBe(true);
  });
});

describe('safeLocalPath', () => {
  it('keeps local paths and their query', () => {
    expect(safeLocalPath('/organisation?id=1')).toBe('/organisation?id=1');
  });

  it('falls back to home for anything that could leave the site', () => {
    for (const next of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeLocalPath(next)).toBe('/');
    }
  });
});
