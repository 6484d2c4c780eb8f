/**
 * The Prometheus text of one service's /metrics. Names kept from the first version (dashboards and the bench read
 * them): http_requests_total and http_requests_in_flight count GraphQL requests; process_resident_memory_bytes,
 * nodejs_heap_used_bytes. Added: http_request_duration_seconds, a histogram by route and status. Its labels come
 * from the routes this server registered and the statuses it sent, never from what a client wrote, so the series
 * stay few whatever strangers send.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface Series { route: string; status: number; counts: number[]; sum: number; count: number }

export class HttpMetrics {
  requests = 0;
  inFlight = 0;
  private readonly series = new Map<string, Series>();

  /** `route` must be a registered route pattern (or "unmatched"). */
  observe(route: string, status: number, seconds: number) {
    const key = `${route} ${status}`;
    let series = this.series.get(key);
    if (!series) {
      series = { route, status, counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) series.counts[i]!++;
    series.sum += seconds;
    series.count++;
  }

  text(extra = ''): string {
    const mem = process.memoryUsage();
    const lines = [
      '# TYPE http_requests_total counter', `http_requests_total ${this.requests}`,
      '# TYPE http_requests_in_flight gauge', `http_requests_in_flight ${this.inFlight}`,
      '# TYPE process_resident_memory_bytes gauge', `process_resident_memory_bytes ${mem.rss}`,
      '# TYPE nodejs_heap_used_bytes gauge', `nodejs_heap_used_bytes ${mem.heapUsed}`,
      '# TYPE http_request_duration_seconds histogram',
    ];
    for (const s of this.series.values()) {
      const labels = `route="${s.route}",status="${s.status}"`;
      BUCKETS.forEach((le, i) => lines.push(`http_request_duration_seconds_bucket{${labels},le="${le}"} ${s.counts[i]}`));
      lines.push(`http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.count}`);
      lines.push(`http_request_duration_seconds_sum{${labels}} ${s.sum}`);
      lines.push(`http_request_duration_seconds_count{${labels}} ${s.count}`);
    }
    return `${lines.join('\n')}\n${extra}`;
  }
}
