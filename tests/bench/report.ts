import type { Measurement } from './api';
import type { JobMeasurement } from './jobs';

/** The figures of one scale's run. */
export interface ScaleRun {
  scale: number;
  seedSeconds: number;
  reused: boolean;
  api: Measurement[];
  jobs: JobMeasurement[];
}

const ms = (x: number) => x.toFixed(x < 10 ? 1 : 0);
/** A share of the baseline: whole percent, one decimal below 10 %. */
const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
const latency = (m: Measurement, x: number) => (m.responses ? ms(x) : '—');

/** The API table in Markdown (it goes into RESULTS.md as printed): throughput as a share of the baseline's at the same connections. */
export function apiTable(run: ScaleRun): string {
  const base = new Map(run.api.filter((m) => m.endpoint.startsWith('baseline')).map((m) => [m.connections, m.rps]));
  const lines = ['| endpoint | conns | req/s | of baseline | p50 ms | p99 ms | non-2xx / errors | load |', '|---|---:|---:|---:|---:|---:|---|---:|'];
  for (const m of run.api) {
    const ratio = base.get(m.connections) ? pct(m.rps / base.get(m.connections)!) : '—';
    const bad = m.non2xx || m.errors || m.timeouts ? `${m.non2xx} / ${m.errors}${m.statuses ? ` (${m.statuses})` : ''}` : '0';
    const none = m.responses ? '' : ' (no response within the run)';
    lines.push(`| ${m.endpoint} | ${m.connections} | ${m.rps.toFixed(m.rps < 10 ? 1 : 0)} | ${ratio} | ${latency(m, m.p50)} | ${latency(m, m.p99)} | ${bad}${none} | ${m.load.toFixed(1)} |`);
  }
  return lines.join('\n');
}

export function jobsTable(run: ScaleRun): string {
  if (run.jobs.length === 0) return '';
  const lines = ['| backend | queue | jobs | enqueued/s | processed/s | failed | load | note |', '|---|---|---:|---:|---:|---:|---:|---|'];
  for (const j of run.jobs) lines.push(`| ${j.backend} | ${j.queue} | ${j.jobs} | ${j.enqueuePerSecond.toFixed(0)} | ${j.processPerSecond.toFixed(1)} | ${j.failed} | ${j.load.toFixed(1)} | ${j.note} |`);
  return lines.join('\n');
}

/** Issue 9's targets at 100,000 challenges, checked against one run: [what, measured, met]. */
export function targets(run: ScaleRun, connections: number): [string, string, boolean][] {
  const at = (name: string, c: number) => run.api.find((m) => m.endpoint.startsWith(name) && m.connections === c);
  const base = at('baseline', connections);
  const out: [string, string, boolean][] = [];
  const share = (m: Measurement | undefined) => (m && base ? m.rps / base.rps : 0);
  for (const name of ['public list', 'search, 2', 'search, 4']) {
    const m = at(name, connections);
    if (!m) continue;
    out.push([`${m.endpoint}: p99 < 50 ms at ${connections} connections`, `${latency(m, m.p99)} ms`, m.responses > 0 && m.p99 < 50]);
    out.push([`${m.endpoint}: ≥ 40 % of the baseline's throughput`, pct(share(m)), share(m) >= 0.4]);
  }
  const detail = at('challenge detail', connections);
  if (detail) out.push([`challenge detail: ≥ 60 % of the baseline's throughput`, pct(share(detail)), share(detail) >= 0.6]);
  // One official opening the dashboard: requests one at a time.
  const dash = at('official dashboard', 1);
  if (dash) out.push([`official dashboard: p99 < 200 ms, one request at a time`, `${latency(dash, dash.p99)} ms`, dash.responses > 0 && dash.p99 < 200]);
  return out;
}

/** p99 and throughput share of each endpoint at each scale, side by side, so growth shows. */
export function growthTable(runs: ScaleRun[], connections: number): string {
  const names = [...new Set(runs.flatMap((r) => r.api.map((m) => m.endpoint)))];
  const head = `| endpoint (${connections} connections) | ${runs.map((r) => `${r.scale.toLocaleString()}: p99 ms | of baseline`).join(' | ')} |`;
  const lines = [head, `|---|${runs.map(() => '---:|---:').join('|')}|`];
  for (const name of names) {
    const cells = runs.map((r) => {
      const m = r.api.find((x) => x.endpoint === name && x.connections === connections);
      const base = r.api.find((x) => x.endpoint.startsWith('baseline') && x.connections === connections);
      return m ? `${latency(m, m.p99)} | ${base ? pct(m.rps / base.rps) : '—'}` : '— | —';
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
