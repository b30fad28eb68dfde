import { describe, expect, it } from 'vitest';
import { pageFromQuery, withQuery } from './paging';

describe('pageFromQuery', () => {
  it('reads positive integers and treats anything else as page 1', () => {
    expect(pageFromQuery('3')).toBe(3);
    for (const value of [null, '', '0', '-2', '1.5', 'abc']) expect(pageFromQuery(value)).toBe(1);
  });
});

describe('withQuery', () => {
  it('sets and removes keys, keeping the others', () => {
    const query = new URLSearchParams('kind=team&page=2');
    expect(withQuery('/officials/verification', query, { page: null })).toBe('/officials/verification?kind=team');
    expect(withQuery('/mails', new URLSearchParams(), { page: 4 })).toBe('/mails?page=4');
    expect(withQuery('/mails', new URLSearchParams('page=2'), { page: null })).toBe('/mails');
  });
});
