// Controls shared by the pages that look at one model at a time.

import { el } from './dom.js';

/**
 * A model selector filled from the gateway's models; `current` stays selectable even when the
 * gateway does not route it (history and forecasts outlive replicas).
 */
export async function modelSelect(api, current, onChange) {
  let names = [];
  try {
    names = (await api.get('/api/v1/gateway/models')).map((m) => m.model);
  } catch {
    // the page shows its own error for the data it needs; an empty list still lets it say so
  }
  if (current && !names.includes(current)) names.unshift(current);
  const select = el('select', { id: 'model-select', 'aria-label': 'Model' },
    names.map((n) => el('option', { value: n, selected: n === current }, n)));
  select.addEventListener('change', () => onChange(select.value));
  return { select, names };
}

/** Runs cleanups in reverse order: what a page's mount returns. */
export function disposer() {
  const cleanups = [];
  return {
    add(fn) {
      cleanups.push(fn);
    },
    dispose() {
      while (cleanups.length) cleanups.pop()();
    },
  };
}
