// Forecasts: a model's latest demand forecast (quantiles over the horizon) drawn after the demand
// history the forecaster learns from. Either may be missing while the forecast-service is not
// deployed or has not forecast the model yet; the page says so instead of drawing nothing.

import { path, query } from '../api.js';
import { alignSeries, chartSet, timeChart } from '../chart.js';
import { badge, el, facts, notice, replaceChildren } from '../dom.js';
import * as fmt from '../format.js';
import { disposer, modelSelect } from '../widgets.js';

const HISTORY_HOURS = 3;

export default {
  title: 'Forecasts',
  mount(view, { api, params, go }) {
    const cleanup = disposer();
    const charts = chartSet();
    let alive = true;
    cleanup.add(() => {
      alive = false;
      charts.clear();
    });
    const controls = el('div', { class: 'controls' });
    const body = el('div', { id: 'forecast-body' });
    view.append(el('div', { class: 'page-head' }, el('h1', {}, 'Forecasts'), el('span', { class: 'spacer' }), controls), body);

    (async () => {
      const { select, names } = await modelSelect(api, params.get('model'), (m) => go({ model: m }));
      if (!alive) return;
      controls.append(el('label', {}, 'Model ', select));
      const model = params.get('model') || names[0];
      if (!model) {
        body.append(notice('info', 'No model to show: the gateway routes none yet.'));
        return;
      }
      const to = new Date();
      const from = new Date(to.getTime() - HISTORY_HOURS * 3600_000);
      const [forecast, history, tokens] = await Promise.allSettled([
        api.get(path`/api/v1/forecasts/${model}`),
        api.get(`${path`/api/v1/forecasts/${model}/history`}?${query({
          windowSeconds: 60, from: from.toISOString(), to: to.toISOString() })}`),
        // LLM models only: a 404 just means the model reports no output tokens.
        api.get(`${path`/api/v1/forecasts/${model}`}?${query({ metric: 'output_tokens_per_second' })}`),
      ]);
      if (!alive) return;
      render(body, charts, model, forecast, history, tokens);
    })();
    return () => cleanup.dispose();
  },
};

function render(body, charts, model, forecastResult, historyResult, tokensResult) {
  const forecast = forecastResult.status === 'fulfilled' ? latestForecast(forecastResult.value) : null;
  const history = historyResult.status === 'fulfilled' ? historyResult.value : null;
  const parts = [];
  if (forecastResult.status === 'rejected') {
    const e = forecastResult.reason;
    parts.push(e.unavailable
      ? notice('unavailable', el('strong', {}, `No forecast is available for ${model}.`), ' ',
        e.message, e.status ? ` (HTTP ${e.status})` : '')
      : notice('error', 'Cannot read the forecast: ', e.message));
  } else if (!forecast) {
    parts.push(notice('unavailable', `The forecast-service has no forecast for ${model} yet.`));
  } else {
    parts.push(facts([
      ['Forecaster', `${forecast.forecaster ?? fmt.DASH}${forecast.modelVersion ? ` (version ${forecast.modelVersion})` : ''}`],
      ['Metric', forecast.metric ?? fmt.DASH],
      ['Origin', fmt.time(forecast.origin)],
      ['Horizon', `${forecast.quantiles[0].values.length} steps of ${fmt.duration(`PT${forecast.stepSeconds}S`)}`],
      ['Input age', fmt.age(forecast.inputAgeMs)],
      ['Quality', forecast.degraded ? badge(`degraded: ${forecast.degradedReason}`, 'warn') : badge('fresh inputs', 'ok')],
    ]));
  }
  if (historyResult.status === 'rejected') {
    const e = historyResult.reason;
    parts.push(notice(e.unavailable ? 'unavailable' : 'error', 'Demand history not available: ', e.message,
      e.status ? ` (HTTP ${e.status})` : ''));
  } else if (history.length === 0) {
    parts.push(el('p', { class: 'muted' }, `No demand windows were stored for ${model} in the last ${HISTORY_HOURS} hours.`));
  }
  const grid = el('div', { class: 'chart-grid single' });
  parts.push(grid);
  replaceChildren(body, parts);
  charts.clear();
  const shown = [demandChart(grid, `Demand of ${model}`, 'req/s', history, (w) => w.arrivals, forecast)];
  const tokens = tokensResult?.status === 'fulfilled' ? latestForecast(tokensResult.value) : null;
  if (tokens) {
    shown.push(demandChart(grid, `Output tokens of ${model}`, 'tok/s', history, (w) => w.outputTokens, tokens));
  }
  charts.show(shown.filter(Boolean));
}

/** Observed per-second rates of the history windows, then the forecast's quantiles dashed. */
function demandChart(grid, title, unit, history, count, forecast) {
  const lines = [];
  if (history?.length) {
    lines.push({ label: `observed ${unit}`, points: history.map((w) => [Date.parse(w.windowStart) / 1000, (count(w) ?? 0) / w.windowSeconds]) });
  }
  if (forecast) {
    const origin = Date.parse(forecast.origin) / 1000;
    for (const q of forecast.quantiles) {
      lines.push({
        label: `forecast p${Math.round(q.quantile * 100)}`,
        dash: [6, 4],
        points: q.values.map((v, h) => [origin + (h + 1) * forecast.stepSeconds, v]),
      });
    }
  }
  if (lines.length === 0) return null;
  const { times, aligned } = alignSeries(lines.map((l) => l.points));
  return timeChart(grid, {
    title,
    unit,
    times,
    digits: 2,
    series: lines.map((l, i) => ({ label: l.label, dash: l.dash, values: aligned[i] })),
  });
}

/**
 * The forecast record as the forecasts topic carries it (origin, stepSeconds, quantiles...),
 * whether the service answers it alone, wrapped, or as a list of recent ones.
 */
function latestForecast(answer) {
  const candidate = Array.isArray(answer) ? answer[answer.length - 1] : answer?.forecast ?? answer;
  return candidate && Array.isArray(candidate.quantiles) && candidate.quantiles.length > 0 ? candidate : null;
}
