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

describe('challenge routes', () => {
  const id = 'a586a060-e549-4e03-9ac9-7be29a6a70c7';

  it('keeps the list and the detail public', () => {
    const list = matchRoute('/challenges').route;
    expect(list.name).toBe('challenges');
    expect(list.auth).toBeUndefined();
    expect(list.roles).toBeUndefined();
    expect(matchRoute(`/challenges/${id}`).route.auth).toBeUndefined();
    expect(matchRoute(`/challenges/${id}`)).toMatchObject({ route: { name: 'challenge-detail' }, params: { id } });
  });

  it('tells the new-challenge editor from an existing one', () => {
    expect(matchRoute('/my/challenges/new').route.name).toBe('challenge-new');
    expect(matchRoute(`/my/challenges/${id}/edit`)).toMatchObject({ route: { name: 'challenge-edit' }, params: { id } });
    expect(matchRoute('/my/challenges').route.roles).toEqual(['enterprise_member']);
  });

  it('keeps vetting and batches for officials', () => {
    expect(matchRoute('/officials/vetting').route.roles).toEqual(['official', 'admin']);
    expect(matchRoute('/officials/batches').route.roles).toEqual(['official', 'admin']);
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

describe('bid routes', () => {
  const id = 'a586a060-e549-4e03-9ac9-7be29a6a70c7';

  it('gives /bids and /bids/:id to logged-in users of any role (the server decides who sees a bid)', () => {
    expect(matchRoute('/bids').route).toMatchObject({ name: 'my-bids', auth: true });
    expect(matchRoute('/bids').route.roles).toBeUndefined();
    expect(matchRoute(`/bids/${id}`)).toMatchObject({ route: { name: 'bid', auth: true }, params: { id } });
  });
});
