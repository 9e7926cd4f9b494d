// Prometheus text exposition (format 0.0.4), written by hand: a few counters and one histogram do not
// justify a client library.
import type { Verdict } from '../types.js';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

const label = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private readonly verdicts: Record<Verdict, number> = { pass: 0, review: 0, fail: 0 };
  private flags = 0;
  private articleErrors = 0;
  private readonly started = Date.now();

  /** One answered request; `route` is the matched route, never the raw path (bounded label values). */
  request(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${label(method)}",route="${label(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let h = this.latency.get(route);
    if (!h) this.latency.set(route, (h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) h!.counts[i]!++;
    });
    h.sum += seconds;
    h.count++;
  }

  article(verdict: Verdict, flags: number): void {
    this.verdicts[verdict]++;
    this.flags += flags;
  }

  uncheckable(n: number): void {
    this.articleErrors += n;
  }

  render(gauges: { poolWorkers: number; poolPending: number; inFlight: number }): string {
    const out: string[] = [];
    out.push('# HELP credlint_http_requests_total HTTP requests answered, by method, route and status.', '# TYPE credlint_http_requests_total counter');
    for (const [k, n] of this.requests) out.push(`credlint_http_requests_total{${k}} ${n}`);
    out.push('# HELP credlint_http_request_duration_seconds Time from request to answer, by route.', '# TYPE credlint_http_request_duration_seconds histogram');
    for (const [route, h] of this.latency) {
      const r = label(route);
      BUCKETS.forEach((b, i) => out.push(`credlint_http_request_duration_seconds_bucket{route="${r}",le="${b}"} ${h.counts[i]}`));
      out.push(`credlint_http_request_duration_seconds_bucket{route="${r}",le="+Inf"} ${h.count}`);
      out.push(`credlint_http_request_duration_seconds_sum{route="${r}"} ${h.sum.toFixed(6)}`);
      out.push(`credlint_http_request_duration_seconds_count{route="${r}"} ${h.count}`);
    }
    out.push('# HELP credlint_articles_checked_total Articles checked, by verdict.', '# TYPE credlint_articles_checked_total counter');
    for (const [v, n] of Object.entries(this.verdicts)) out.push(`credlint_articles_checked_total{verdict="${v}"} ${n}`);
    out.push('# HELP credlint_flags_total Flags raised on checked articles.', '# TYPE credlint_flags_total counter', `credlint_flags_total ${this.flags}`);
    out.push('# HELP credlint_article_errors_total Articles in requests that could not be read or checked.', '# TYPE credlint_article_errors_total counter', `credlint_article_errors_total ${this.articleErrors}`);
    out.push('# HELP credlint_pool_workers Worker threads checking articles.', '# TYPE credlint_pool_workers gauge', `credlint_pool_workers ${gauges.poolWorkers}`);
    out.push('# HELP credlint_pool_pending Articles queued or being checked.', '# TYPE credlint_pool_pending gauge', `credlint_pool_pending ${gauges.poolPending}`);
    out.push('# HELP credlint_http_requests_in_flight Requests being answered.', '# TYPE credlint_http_requests_in_flight gauge', `credlint_http_requests_in_flight ${gauges.inFlight}`);
    out.push('# HELP credlint_uptime_seconds Seconds since the server started.', '# TYPE credlint_uptime_seconds gauge', `credlint_uptime_seconds ${((Date.now() - this.started) / 1000).toFixed(0)}`);
    return `${out.join('\n')}\n`;
  }
}
