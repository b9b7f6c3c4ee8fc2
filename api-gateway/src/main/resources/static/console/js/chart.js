// Time-series charts on uPlot (served from its WebJar). uPlot draws on a canvas and sets sizes
// through the CSSOM only, so it runs under the console's Content-Security-Policy.

import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { el } from './dom.js';
import * as fmt from './format.js';

const COLOURS = ['#2a6fdb', '#d9480f', '#2b8a3e', '#862e9c', '#c92a2a', '#5c940d'];
const HEIGHT = 220;

/**
 * Draws one chart into a new element appended to `parent`.
 * @param times epoch seconds, ascending
 * @param series [{ label, values, dash }] with values aligned to times (null = no data)
 * @returns { destroy() }
 */
export function timeChart(parent, { title, unit, times, series, digits = 1 }) {
  const box = el('figure', { class: 'chart', dataset: { chart: title } });
  parent.append(box);
  const format = (v) => (v === null || v === undefined ? fmt.DASH : `${fmt.num(v, digits)} ${unit}`);
  const plot = new uPlot(
    {
      title,
      width: Math.max(280, box.clientWidth || 600),
      height: HEIGHT,
      series: [
        { value: (u, t) => (t === null ? fmt.DASH : fmt.time(t * 1000)) },
        ...series.map((s, i) => ({
          label: s.label,
          stroke: COLOURS[i % COLOURS.length],
          width: 2,
          dash: s.dash,
          spanGaps: false,
          points: { show: times.length < 2 || times.length <= 60 },
          value: (u, v) => format(v),
        })),
      ],
      axes: [{}, { size: 70, values: (u, ticks) => ticks.map((t) => `${fmt.num(t, digits)}`) }],
      scales: { x: { time: true } },
    },
    [times, ...series.map((s) => s.values)],
    box,
  );
  const resize = new ResizeObserver(() => {
    if (box.clientWidth > 0) plot.setSize({ width: box.clientWidth, height: HEIGHT });
  });
  resize.observe(box);
  return {
    destroy() {
      resize.disconnect();
      plot.destroy();
      box.remove();
    },
  };
}

/** Several series sampled at different instants, merged onto one ascending time axis. */
export function alignSeries(seriesPoints) {
  const times = [...new Set(seriesPoints.flatMap((points) => points.map(([t]) => t)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const aligned = seriesPoints.map((points) => {
    const values = new Array(times.length).fill(null);
    for (const [t, v] of points) values[index.get(t)] = v;
    return values;
  });
  return { times, aligned };
}

/** The charts on show, destroyed together before new ones are drawn or the page closes. */
export function chartSet() {
  let shown = [];
  return {
    clear() {
      shown.forEach((c) => c.destroy());
      shown = [];
    },
    show(charts) {
      shown = charts;
    },
  };
}
