import { evalChallenges } from './data/challenges';
import { evalTeams } from './data/teams';
import { evaluate } from './evaluate';

/** `npm run eval:matching`: prints the ranker's and plain BM25's quality on the labelled set. */
const { ranker, bm25, perChallenge } = evaluate();
const f = (x: number) => x.toFixed(3);
console.log(`Matching evaluation: ${evalChallenges.length} challenges, ${evalTeams.length} teams (tests/matching-eval/data)\n`);
console.log('              nDCG@10  Recall@10  MRR');
console.log(`ranker        ${f(ranker.ndcg10)}    ${f(ranker.recall10)}      ${f(ranker.mrr)}`);
console.log(`plain BM25    ${f(bm25.ndcg10)}    ${f(bm25.recall10)}      ${f(bm25.mrr)}`);
console.log(`\nranker − BM25 on nDCG@10: ${ranker.ndcg10 >= bm25.ndcg10 ? '+' : ''}${f(ranker.ndcg10 - bm25.ndcg10)}`);
if (process.argv.includes('--per-challenge')) for (const p of perChallenge) console.log(`${p.key.padEnd(48)} ${f(p.ranker)}  ${f(p.bm25)}`);
process.exitCode = ranker.ndcg10 > bm25.ndcg10 ? 0 : 1;
