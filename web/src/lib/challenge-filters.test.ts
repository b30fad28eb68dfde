import { describe, expect, it } from 'vitest';
import { publicListQuery } from '../../../shared/contracts/challenges';
import { apiQuery, effectiveSort, emptyFilters, filtersFromQuery, filtersToQuery, isFiltered, type ChallengeFilters } from './challenge-filters';

const batchId = 'a586a060-e549-4e03-9ac9-7be29a6a70c7';

describe('challenge filters in the URL', () => {
  it('reads every filter from the query string', () => {
    const filters = filtersFromQuery(
      new URLSearchParams(
        `q=${encodeURIComponent('芯片')}&industry=semiconductor_optoelectronics&bountyMinYuan=1000000&bountyMaxYuan=5000000` +
          `&deadlineFrom=2026-05-01&deadlineTo=2026-06-30&status=published&batchId=${batchId}&sort=bounty&page=3`,
      ),
    );
    expect(filters).toEqual({
      q: '芯片',
      industry: 'semiconductor_optoelectronics',
      bountyMinYuan: 1_000_000,
      bountyMaxYuan: 5_000_000,
      deadlineFrom: '2026-05-01',
      deadlineTo: '2026-06-30',
      status: 'published',
      batchId,
      sort: 'bounty',
      page: 3,
    } satisfies ChallengeFilters);
  });

  it('round-trips: filters → query → filters', () => {
    const filters: ChallengeFilters = {
      ...emptyFilters(),
      q: '固态 电池',
      industry: 'new_energy',
      bountyMinYuan: 500_000,
      deadlineTo: '2026-12-31',
      status: 'unfilled',
      page: 2,
    };
    expect(filtersFromQuery(new URLSearchParams(filtersToQuery(filters)))).toEqual(filters);
  });

  it('leaves out what is not set, so the plain list has a plain URL', () => {
    expect(filtersToQuery(emptyFilters())).toBe('');
    expect(filtersToQuery({ ...emptyFilters(), q: '  ', page: 1 })).toBe('');
    expect(filtersToQuery({ ...emptyFilters(), q: '芯片' })).toBe(`q=${encodeURIComponent('芯片')}`);
  });

  it('ignores values a hand-edited link got wrong', () => {
    const filters = filtersFromQuery(
      new URLSearchParams('industry=steel&status=draft&bountyMinYuan=-5&bountyMaxYuan=lots&deadlineFrom=2026-13-01&batchId=42&sort=random&page=0'),
    );
    expect(filters).toEqual(emptyFilters());
  });
});

describe('apiQuery', () => {
  it('builds a query the contract accepts, keeping a 2-character Chinese term as typed', () => {
    const query = apiQuery({ ...emptyFilters(), q: ' 芯片 ', status: 'closed' }, 20);
    expect(query.q).toBe('芯片');
    const parsed = publicListQuery.parse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
    expect(parsed).toMatchObject({ q: '芯片', status: 'closed', sort: 'relevance', page: 1, pageSize: 20 });
  });

  it('sorts by relevance only when there is something to be relevant to', () => {
    expect(effectiveSort(emptyFilters())).toBe('published');
    expect(effectiveSort({ ...emptyFilters(), q: '储能' })).toBe('relevance');
    expect(effectiveSort({ ...emptyFilters(), sort: 'relevance' })).toBe('published');
    expect(effectiveSort({ ...emptyFilters(), q: '储能', sort: 'deadline' })).toBe('deadline');
  });
});

describe('isFiltered', () => {
  it('is false for the plain list, whatever the sort or page', () => {
    expect(isFiltered({ ...emptyFilters(), sort: 'bounty', page: 4 })).toBe(false);
    expect(isFiltered({ ...emptyFilters(), industry: 'hydrogen' })).toBe(true);
    expect(isFiltered({ ...emptyFilters(), bountyMinYuan: 0 })).toBe(true);
  });
});
