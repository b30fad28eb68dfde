import { randomUUID } from 'node:crypto';
import { chinaDate } from '../../../shared/calendar';
import { industryOfChain } from '../../../shared/taxonomy/industry-chains';
import * as H from '../data/history';
import type { HistoryTopic } from '../data/history-topics';
import { topicIndicators } from '../data/history-texts';
import { day } from './calendar';
import type { EnterpriseInfo, Inputs } from './inputs';
import type { Need, Slot } from './plan-types';
import type { Rng } from './random';
import { fits } from './relevance';

/**
 * Topics in submission order: each enterprise's own topics spread evenly over the two years,
 * and, as the count requires, failed needs listed again (二次发榜; a rejected or withdrawn need
 * resubmitted) or, when every topic is used, a second phase of an earlier deal.
 */
export function assignTopics(inp: Inputs, rnd: Rng, slots: Slot[]): Need[] {
  const fresh = inp.enterprises
    .flatMap((e) => e.topics.map((topic, i) => ({ e, topic, key: (i + 0.25 + 0.5 * rnd.next()) / e.topics.length })))
    .sort((a, b) => a.key - b.key || a.e.order - b.e.order);
  const order = [...slots].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.index - b.index);
  const failures: Need[] = [];
  const followed: Need[] = [];
  const needs: Need[] = [];
  let used = 0;
  for (const [i, s] of order.entries()) {
    const left = order.length - i;
    const freshLeft = fresh.length - used;
    const due = failures.filter((f) => f.failedAt!.getTime() < s.submittedAt.getTime() - 7 * day).sort((a, b) => a.failedAt!.getTime() - b.failedAt!.getTime() || a.index - b.index);
    const reuse = left - freshLeft;
    // A horse race needs a topic at least three teams fit.
    const wide = (topic: HistoryTopic) => s.signOn.length < 2 || inp.teams.filter((t) => fits(t, topic)).length >= 3;
    if (s.signOn.length > 1) {
      const k = fresh.findIndex((f, j) => j >= used && wide(f.topic));
      if (k > used) fresh.splice(used, 0, ...fresh.splice(k, 1));
    }
    const againable = due.filter((f) => wide(f.topic));
    let origin: { e: EnterpriseInfo; topic: HistoryTopic; title: string; bountyWan: number | null; repeat: boolean };
    if (againable.length && reuse > 0 && (freshLeft === 0 || rnd.chance(Math.min(1, (1.5 * reuse) / left)))) {
      const f = againable[0]!;
      failures.splice(failures.indexOf(f), 1);
      const listed = f.fate === 'unfilled' || f.fate === 'noAward';
      origin = { e: f.enterprise, topic: f.topic, title: listed ? `${f.title}（二次发榜）` : f.title, bountyWan: f.fate === 'unfilled' ? Math.round((f.bountyWan * 1.25) / 10) * 10 : f.bountyWan, repeat: true };
    } else if (freshLeft > 0) {
      const f = fresh[used++]!;
      origin = { e: f.e, topic: f.topic, title: f.topic.title, bountyWan: null, repeat: false };
    } else {
      const p = followed.find((x) => x.signOn[0]! < chinaDate(s.submittedAt));
      if (!p) throw new Error('seed history: not enough topics for the needs');
      followed.splice(followed.indexOf(p), 1);
      origin = { e: p.enterprise, topic: p.topic, title: `${p.topic.title}（二期）`, bountyWan: null, repeat: true };
    }
    const industry = industryOfChain(origin.topic.chain);
    if (!industry) throw new Error(`seed history: unknown chain ${origin.topic.chain}`);
    const bountyWan = origin.bountyWan ?? rnd.weighted(H.bountyWan);
    const subsidyWan = Math.round(bountyWan * rnd.weighted(H.subsidyShare));
    const variant = rnd.int(0, 3);
    const need: Need = {
      ...s,
      challengeId: randomUUID(),
      enterprise: origin.e,
      topic: origin.topic,
      title: origin.title,
      industry,
      indicators: topicIndicators(origin.topic, variant),
      bountyWan,
      subsidyWan,
      deliveryMonths: rnd.weighted(H.deliveryMonths),
      ipTerms: rnd.weighted(H.ipTermsChoice),
      visibility: rnd.chance(0.2) ? 'restricted' : 'public',
      academicOnly: rnd.chance(0.3),
      variant,
      repeat: origin.repeat,
    };
    needs.push(need);
    if (['unfilled', 'noAward', 'rejected', 'withdrawn'].includes(s.fate) && !origin.repeat) failures.push(need);
    if (s.fate === 'deal' && !origin.repeat) followed.push(need);
  }
  return needs;
}
