import { bigrams } from '../../../server/modules/search/segment';
import { industryOfChain } from '../../../shared/taxonomy/industry-chains';
import type { HistoryTopic } from '../data/history-topics';
import type { TeamInfo } from './inputs';

const topicGrams = new WeakMap<HistoryTopic, Set<string>>();
/** How well a team fits a need: its chain (3), its industry (2), and shared words with its research fields (up to 3). */
export function relevance(t: TeamInfo, topic: HistoryTopic): number {
  let grams = topicGrams.get(topic);
  if (!grams) topicGrams.set(topic, (grams = new Set(bigrams(`${topic.title}${topic.pain}`))));
  let shared = 0;
  for (const g of grams) if (t.grams.has(g)) shared++;
  const industry = industryOfChain(topic.chain);
  return (t.fields.includes(topic.chain) ? 3 : 0) + (t.fields.some((f) => industryOfChain(f) === industry) ? 2 : 0) + Math.min(3, Math.floor(shared / 2));
}

/** A team fits a topic when it works in the topic's industry or its chain (score 2 or more). */
export const fits = (t: TeamInfo, topic: HistoryTopic) => relevance(t, topic) >= 2;
