// Fleet: per model, the replicas as this gateway instance routes to them (load, outlier state),
// the routing policy with a selector to change it, the learned rl policy the gateway holds, and
// the replicas' own metrics as the metrics-collector scraped them.

import { path } from '../api.js';
import { badge, el, facts, notice, replaceChildren, table } from '../dom.js';
import * as fmt from '../format.js';

const REFRESH_MS = 5000;

export default {
  title: 'Fleet',
  mount(view, { api, session }) {
    const canOperate = session.can('OPERATOR');
    const updated = el('span', { class: 'muted', id: 'fleet-updated' });
    const auto = el('input', { type: 'checkbox', id: 'fleet-auto', checked: true });
    const modelsBox = el('div', { id: 'fleet-models', 'aria-live': 'polite' });
    const scrapeBox = el('div', { id: 'fleet-scrape' });
    view.append(
      el('div', { class: 'page-head' },
        el('h1', {}, 'Fleet'),
        el('span', { class: 'spacer' }),
        updated,
        el('label', { class: 'inline' }, auto, ' refresh every 5 s')),
      el('p', { class: 'muted' },
        'Each model as this gateway instance routes it: replica load and outlier state, routing policy, learned policy.'),
      modelsBox,
      el('h2', {}, 'Scraped replica metrics'),
      el('p', { class: 'muted' },
        'The replicas’ own metrics as the metrics-collector last scraped them; a stale replica’s metrics stopped arriving.'),
      scrapeBox,
    );

    const cards = new Map();
    let policies = null;
    let alive = true;

    let refreshing = false; // a slow answer must not stack refreshes up behind it

    async function refresh() {
      if (refreshing) return;
      refreshing = true;
      try {
        policies ??= await api.get('/api/v1/gateway/policies').catch(() => null);
        const [models, scrape] = await Promise.allSettled([
          api.get('/api/v1/gateway/models'),
          api.get('/api/v1/metrics/fleet'),
        ]);
        if (!alive) return;
        renderModels(models);
        renderScrape(scrapeBox, scrape);
        updated.textContent = `updated ${fmt.clock()}`;
      } finally {
        refreshing = false;
      }
    }

    function renderModels(result) {
      if (result.status === 'rejected') {
        replaceChildren(modelsBox, notice('error', 'Cannot read the gateway’s models: ', result.reason.message));
        cards.clear();
        return;
      }
      const models = result.value;
      if (models.length === 0) {
        replaceChildren(modelsBox, notice('info',
          'The gateway knows no replicas yet: configure static replicas or let the scaler publish fleet.state.'));
        cards.clear();
        return;
      }
      const seen = new Set();
      const nodes = models.map((m) => {
        seen.add(m.model);
        let card = cards.get(m.model);
        if (!card) {
          card = modelCard(m.model, policies ?? [m.policy], canOperate, api);
          cards.set(m.model, card);
        }
        card.update(m);
        return card.node;
      });
      for (const name of [...cards.keys()]) if (!seen.has(name)) cards.delete(name);
      // Reattaching the same nodes keeps a half-made policy choice and the focus where they were.
      if (nodes.some((n, i) => modelsBox.children[i] !== n) || modelsBox.children.length !== nodes.length) {
        replaceChildren(modelsBox, nodes);
      }
    }

    const timer = setInterval(() => {
      if (auto.checked && !document.hidden) refresh();
    }, REFRESH_MS);
    refresh();
    return () => {
      alive = false;
      clearInterval(timer);
    };
  },
};

function modelCard(model, policies, canOperate, api) {
  const select = el('select', { class: 'policy-select', 'aria-label': `Routing policy of ${model}`, disabled: !canOperate },
    policies.map((p) => el('option', { value: p }, p)));
  const apply = el('button', { type: 'button', class: 'policy-apply', disabled: !canOperate }, 'Apply');
  const status = el('span', { class: 'policy-status', role: 'status' });
  const replicasBox = el('div', { class: 'replicas' });
  const learnedBox = el('div', { class: 'learned' });
  let dirty = false; // the user picked a policy and has not applied it yet: refreshes leave it be
  select.addEventListener('change', () => {
    dirty = true;
  });

  const node = el('section', { class: 'card model', dataset: { model } },
    el('h2', {}, model),
    el('div', { class: 'policy-row' },
      el('label', {}, 'Routing policy ', select),
      apply,
      status,
      canOperate ? null : el('span', { class: 'muted hint' }, 'Changing the policy needs the operator role.')),
    el('h3', {}, 'Replicas'),
    replicasBox,
    el('h3', {}, 'Learned policy (rl)'),
    learnedBox);

  apply.addEventListener('click', async () => {
    apply.disabled = true;
    status.className = 'policy-status';
    status.textContent = 'Applying…';
    try {
      const changed = await api.put(path`/api/v1/gateway/models/${model}/policy`, { policy: select.value });
      dirty = false;
      update(changed);
      status.textContent = `Policy set to ${changed.policy}.`;
    } catch (e) {
      status.classList.add('error');
      status.textContent = e.message;
    } finally {
      apply.disabled = !canOperate;
    }
  });

  function update(m) {
    if (![...select.options].some((o) => o.value === m.policy)) select.append(el('option', { value: m.policy }, m.policy));
    if (!dirty) select.value = m.policy;
    node.dataset.policy = m.policy;
    replaceChildren(replicasBox, replicaTable(m.replicas));
    replaceChildren(learnedBox, learnedView(m.policy, m.learned));
  }

  return { node, update };
}

function replicaTable(replicas) {
  return table(
    ['Replica', 'Address', 'Status', 'Source', 'In flight', 'Peak EWMA', 'Failures in a row', 'Completed', 'Ejected'],
    replicas.map((r) => [
      { cell: r.replicaId, class: 'replica-id' },
      { cell: r.address, class: 'mono' },
      { cell: badge(r.status, statusKind(r.status)), class: 'replica-status' },
      r.source,
      { cell: fmt.num(r.inFlight), class: 'num' },
      { cell: fmt.ms(r.peakEwmaMs), class: 'num' },
      { cell: fmt.num(r.consecutiveFailures), class: 'num' },
      { cell: fmt.num(r.completed), class: 'num' },
      {
        cell: r.ejected ? badge(`ejected (${r.ejections}×)`, 'bad') : r.ejections > 0 ? `no (${r.ejections}× before)` : 'no',
        class: 'replica-ejected',
      },
    ]),
    { empty: 'No replicas.', rowClass: (i) => (replicas[i].ejected ? 'ejected' : null) },
  );
}

function statusKind(status) {
  if (status === 'READY') return 'ok';
  if (status === 'DRAINING' || status === 'STARTING') return 'warn';
  return 'bad';
}

function learnedView(policy, learned) {
  if (!learned || learned.version === null || learned.version === undefined) {
    return el('div', {},
      el('p', { class: 'muted learned-none' }, 'No learned policy has arrived for this model.'),
      learned?.rejected ? notice('error', 'The newest published policy was refused: ', learned.rejected) : null,
      policy === 'rl' ? notice('unavailable', 'rl falls back to p2c until a learned policy arrives.') : null);
  }
  return el('div', {},
    facts([
      ['Version', String(learned.version)],
      ['Algorithm', learned.algorithm ?? fmt.DASH],
      ['Expires', fmt.time(learned.expiresAt)],
      ['Features', (learned.features ?? []).join(', ') || fmt.DASH],
      ['State', learned.active ? badge('active', 'ok') : badge('expired', 'bad')],
    ]),
    learned.rejected ? notice('error', 'A newer policy was refused: ', learned.rejected) : null,
    policy === 'rl' && !learned.active ? notice('unavailable', 'The learned policy expired: rl routes with p2c until a fresh one arrives.') : null);
}

function renderScrape(box, result) {
  if (result.status === 'rejected') {
    const e = result.reason;
    replaceChildren(box, notice(e.unavailable ? 'unavailable' : 'error',
      'Scrape view not available: ', e.message, e.status ? ` (HTTP ${e.status})` : ''));
    return;
  }
  const fleet = result.value;
  replaceChildren(box,
    el('p', { class: 'muted' },
      `Generated ${fmt.time(fleet.generatedAt)}; each replica is scraped every ${fmt.duration(fleet.scrapeInterval)}.`),
    fleet.models.length === 0
      ? el('p', { class: 'muted empty' }, 'No replica has been scraped yet.')
      : fleet.models.map((m) => el('section', { class: 'card scrape', dataset: { model: m.model } },
        el('h3', {}, m.model, ' ',
          el('span', { class: 'muted' }, `${m.replicaCount} ${m.replicaCount === 1 ? 'replica' : 'replicas'}, ${m.healthyCount} healthy, ${m.staleCount} stale`)),
        table(
          ['Replica', 'Address', 'Server', 'Health', 'Signal age', 'Running', 'Waiting', 'KV cache', 'GPU', 'TTFT p50 / p99', 'Latency p50 / p99', 'Scraped by'],
          m.replicas.map((r) => [
            r.replicaId,
            { cell: r.address, class: 'mono' },
            r.serverKind,
            r.healthy ? badge('healthy', 'ok') : badge('unhealthy', 'bad'),
            { cell: [fmt.age(r.ageMs), r.stale ? [' ', badge('stale', 'warn')] : null], class: 'num' },
            { cell: fmt.num(r.running), class: 'num' },
            { cell: fmt.num(r.waiting), class: 'num' },
            { cell: fmt.percent(r.kvCacheUsage), class: 'num' },
            { cell: fmt.percent(r.gpuUtilization), class: 'num' },
            { cell: quantiles(r.ttftMs), class: 'num' },
            { cell: quantiles(r.latencyMs), class: 'num' },
            r.scrapedBy,
          ]),
          { rowClass: (i) => (m.replicas[i].stale ? 'stale' : null) },
        ))));
}

function quantiles(q) {
  return q ? `${fmt.ms(q.p50)} / ${fmt.ms(q.p99)}` : fmt.DASH;
}
