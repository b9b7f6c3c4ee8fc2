// Metrics: one model's request series from the metrics-collector over a chosen range, charted:
// request and error rates, latency quantiles, time to first token, token throughput.

import { path, query } from '../api.js';
import { chartSet, timeChart } from '../chart.js';
import { el, facts, notice, replaceChildren } from '../dom.js';
import * as fmt from '../format.js';
import { disposer, modelSelect } from '../widgets.js';

// Steps of whole minutes read the collector's rollups (30 days); finer ones read raw rows (2 days).
const RANGES = {
  '15m': { label: 'last 15 minutes', seconds: 900, step: 'PT15S' },
  '1h': { label: 'last hour', seconds: 3600, step: 'PT1M' },
  '6h': { label: 'last 6 hours', seconds: 6 * 3600, step: 'PT5M' },
  '24h': { label: 'last 24 hours', seconds: 86400, step: 'PT15M' },
  '7d': { label: 'last 7 days', seconds: 7 * 86400, step: 'PT1H' },
};

export default {
  title: 'Metrics',
  mount(view, { api, params, go }) {
    const cleanup = disposer();
    const rangeKey = params.get('range') in RANGES ? params.get('range') : '1h';
    const range = RANGES[rangeKey];
    const body = el('div', { id: 'metrics-body' });
    const rangeSelect = el('select', { id: 'range-select', 'aria-label': 'Range' },
      Object.entries(RANGES).map(([k, r]) => el('option', { value: k, selected: k === rangeKey }, r.label)));
    const reload = el('button', { type: 'button', class: 'secondary' }, 'Reload');
    const controls = el('div', { class: 'controls' });
    view.append(el('div', { class: 'page-head' }, el('h1', {}, 'Metrics'), el('span', { class: 'spacer' }), controls), body);
    let alive = true;
    const charts = chartSet();
    cleanup.add(() => {
      alive = false;
      charts.clear();
    });

    (async () => {
      const { select, names } = await modelSelect(api, params.get('model'), (m) => go({ model: m, range: rangeKey }));
      if (!alive) return;
      rangeSelect.addEventListener('change', () => go({ model: select.value, range: rangeSelect.value }));
      controls.append(el('label', {}, 'Model ', select), el('label', {}, 'Range ', rangeSelect), reload);
      const model = params.get('model') || names[0];
      if (!model) {
        body.append(notice('info', 'No model to show: the gateway routes none yet.'));
        return;
      }
      const load = () => loadSeries(api, model, range, body, charts, () => alive);
      reload.addEventListener('click', load);
      load();
    })();
    return () => cleanup.dispose();
  },
};

async function loadSeries(api, model, range, body, charts, alive) {
  const to = new Date();
  const from = new Date(to.getTime() - range.seconds * 1000);
  let series;
  try {
    series = await api.get(
      `${path`/api/v1/metrics/models/${model}/series`}?${query({ from: from.toISOString(), to: to.toISOString(), step: range.step })}`,
    );
  } catch (e) {
    if (!alive()) return;
    charts.clear();
    replaceChildren(body, notice(e.unavailable ? 'unavailable' : 'error',
      'Metrics not available: ', e.message, e.status ? ` (HTTP ${e.status})` : ''));
    return;
  }
  if (!alive()) return;
  charts.clear();
  const points = series.points ?? [];
  const stepSeconds = fmt.durationSeconds(series.step) ?? fmt.durationSeconds(range.step);
  const requests = points.reduce((n, p) => n + p.requests, 0);
  const errors = points.reduce((n, p) => n + p.errors, 0);
  const grid = el('div', { class: 'chart-grid' });
  replaceChildren(body,
    facts([
      ['Model', model],
      ['Range', `${fmt.time(series.from)} – ${fmt.time(series.to)}`],
      ['Step', `${fmt.duration(series.step)} (from ${series.source === 'raw' ? 'raw requests' : 'rollups'})`],
      ['Requests', fmt.num(requests)],
      ['Errors', `${fmt.num(errors)}${requests ? ` (${fmt.num((100 * errors) / requests, 2)} %)` : ''}`],
      series.settledBefore ? ['Settled before', `${fmt.time(series.settledBefore)}: later buckets may still be filling`] : null,
    ]),
    points.length === 0 ? notice('info', `No requests were recorded for ${model} in this range.`) : grid);
  if (points.length === 0) return;

  const times = points.map((p) => Date.parse(p.start) / 1000);
  const rate = (key) => points.map((p) => p[key] / stepSeconds);
  const field = (key) => points.map((p) => p[key] ?? null);
  charts.show([
    timeChart(grid, { title: 'Requests per second', unit: 'req/s', times, digits: 2,
      series: [{ label: 'requests', values: rate('requests') }, { label: 'errors', values: rate('errors') }] }),
    timeChart(grid, { title: 'Latency', unit: 'ms', times, digits: 0,
      series: [{ label: 'p50', values: field('latencyP50Ms') }, { label: 'p90', values: field('latencyP90Ms') },
        { label: 'p99', values: field('latencyP99Ms') }] }),
    timeChart(grid, { title: 'Time to first token', unit: 'ms', times, digits: 0,
      series: [{ label: 'p50', values: field('ttftP50Ms') }, { label: 'p90', values: field('ttftP90Ms') }] }),
    timeChart(grid, { title: 'Tokens per second', unit: 'tok/s', times, digits: 1,
      series: [{ label: 'prompt', values: rate('promptTokens') }, { label: 'output', values: rate('outputTokens') }] }),
  ]);
}
