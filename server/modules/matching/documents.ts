import { queryTerms } from '../../../shared/matching/bm25';
import { matchingConfig } from '../../../shared/matching/config';
import { bigrams, words } from '../search/segment';

/**
 * Text → the terms matching counts: jieba's search-mode words (with the domain dictionary) and
 * the character bigrams of Han runs, with repeats (BM25 counts them). The bigrams let a team
 * that writes 电解水 meet a challenge that writes 电解槽 on 电解, and cover what jieba cuts
 * differently in the two texts.
 */
export function matchTokens(text: string): string[] {
  return [...words(text), ...bigrams(text)];
}

export interface TeamText {
  name: string;
  keywords: readonly string[];
  description: string;
  people: readonly { title: string; expertise: string }[];
  results: readonly { title: string }[];
}

/** A team's document: its name, keywords (counted twice: the team chose them), description, people's expertise and results. */
export function teamTokens(t: TeamText): string[] {
  const keywords = matchTokens(t.keywords.join('，'));
  const out = [...matchTokens(t.name), ...matchTokens(t.description), ...matchTokens(t.people.map((p) => p.expertise).join('，')), ...matchTokens(t.results.map((r) => r.title).join('，'))];
  for (let i = 0; i < matchingConfig.keywordWeight; i++) out.push(...keywords);
  return out;
}

export interface ChallengeText {
  title: string;
  summary: string;
  description: string;
  indicators: readonly { name: string }[];
}

/** A challenge as a query: its title counts more, then summary, description and indicator names. */
export function challengeTerms(c: ChallengeText): Map<string, number> {
  const title = matchTokens(c.title);
  const rest = matchTokens([c.summary, c.description, c.indicators.map((i) => i.name).join('，')].join('。'));
  const q = queryTerms(rest);
  for (const t of title) q.set(t, (q.get(t) ?? 0) + matchingConfig.titleWeight);
  return q;
}
