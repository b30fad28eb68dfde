import { describe, expect, it } from 'vitest';
import { splitTags } from './tags';

describe('splitTags', () => {
  it('splits on commas (ASCII and full-width), 、 and semicolons', () => {
    expect(splitTags('固态电池、储能，电池管理,BMS；热管理;回收')).toEqual(['固态电池', '储能', '电池管理', 'BMS', '热管理', '回收']);
  });

  it('trims, drops empty pieces and repeats', () => {
    expect(splitTags(' 储能 、、 储能 ,  ')).toEqual(['储能']);
    expect(splitTags('')).toEqual([]);
  });
});
