import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { domainTerms } from '../../../shared/taxonomy/domain-dictionary';

/**
 * Chinese text → search tokens. jieba's search mode gives words and their sub-words
 * (碳化硅 → 碳化, 化硅, 碳化硅); character bigrams of every run of Han characters make a
 * two-character query such as 芯片 or 电极 match even where jieba cut differently. Latin
 * words are lower-cased. The same function runs on documents and queries.
 */
const jieba = Jieba.withDict(dict);
jieba.loadDict(Buffer.from(domainTerms.map((t) => `${t} 200000 n`).join('\n')));

const han = /\p{Script=Han}/u;
const wordLike = /[\p{L}\p{N}]/u;
const hanRuns = /\p{Script=Han}+/gu;

export function words(text: string): string[] {
  return jieba
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => w.length > 0 && wordLike.test(w) && !(w.length === 1 && han.test(w)));
}

export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(hanRuns) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** Every token a document is found by. */
export function documentTokens(text: string): string[] {
  return [...new Set([...words(text), ...bigrams(text)])];
}

/**
 * A query matches when it finds all its jieba words, or all its bigrams: the second catches
 * documents jieba segmented differently, the first catches mixed Latin/Han queries.
 */
export function queryGroups(q: string): string[][] {
  const w = [...new Set(words(q))];
  const b = [...new Set(bigrams(q))];
  return [w, b].filter((g) => g.length > 0);
}

/** A tsquery from literal lexemes: quoting keeps PostgreSQL's parser away from the tokens. */
export function toTsQuery(groups: string[][]): string | null {
  const quote = (t: string) => `'${t.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
  const parts = groups.filter((g) => g.length > 0).map((g) => `(${g.map(quote).join(' & ')})`);
  return parts.length ? parts.join(' | ') : null;
}
