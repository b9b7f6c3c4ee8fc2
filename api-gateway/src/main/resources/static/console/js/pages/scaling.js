// Scaling: the scaler-service's policy per model (operators edit them; every change is audited
// there, with the user the gateway names), the audit trail of one model's policy, and its
// scaling decisions once the scaler records them.

import { path } from '../api.js';
import { badge, el, notice, replaceChildren, table } from '../dom.js';
import * as fmt from '../format.js';
import { policyForm } from './scaling-form.js';

export default {
  title: 'Scaling',
  mount(view, { api, session, params, go }) {
    const canOperate = session.can('OPERATOR');
    const selected = params.get('model');
    const status = el('div', { id: 'scaling-status' });
    const editorBox = el('div', { id: 'scaling-editor' });
    const listBox = el('div', { id: 'scaling-policies' });
    const detailBox = el('div', { id: 'scaling-detail' });
    const create = el('button', { type: 'button', id: 'scaling-new', disabled: !canOperate,
      title: canOperate ? null : 'Needs the operator role' }, 'New policy');
    view.append(
      el('div', { class: 'page-head' }, el('h1', {}, 'Scaling'), el('span', { class: 'spacer' }), create),
      el('p', { class: 'muted' }, 'How the scaler-service sizes each model. Changes are audited with your user name.'),
      status, editorBox, listBox, detailBox);
    let alive = true;

    function edit(policy) {
      replaceChildren(editorBox, policyForm(policy, {
        async save(model, body) {
          const saved = await api.put(path`/api/v1/scaling/policies/${model}`, body);
          editorBox.replaceChildren();
          replaceChildren(status, notice('info', `Saved the scaling policy of ${saved.model}.`));
          await load();
          if (selected === model) loadDetail(model);
        },
        async remove(model) {
          await api.delete(path`/api/v1/scaling/policies/${model}`);
          editorBox.replaceChildren();
          replaceChildren(status, notice('info', `Deleted the scaling policy of ${model}.`));
          await load();
        },
        cancel() {
          editorBox.replaceChildren();
        },
      }));
      editorBox.scrollIntoView({ block: 'nearest' });
    }
    create.addEventListener('click', () => edit(null));

    async function load() {
      let policies;
      try {
        policies = await api.get('/api/v1/scaling/policies');
      } catch (e) {
        if (!alive) return;
        replaceChildren(listBox, notice(e.unavailable ? 'unavailable' : 'error',
          'Scaling policies not available: ', e.message, e.status ? ` (HTTP ${e.status})` : ''));
        return;
      }
      if (!alive) return;
      replaceChildren(listBox, table(
        ['Model', 'Replicas', 'Target / replica', 'SLO', 'Lead time', 'Stabilisation up / down', 'Max step', 'Mode', 'Provider', 'Target', ''],
        policies.map((p) => [
          p.model,
          { cell: `${p.minReplicas} – ${p.maxReplicas}`, class: 'num' },
          [`${fmt.num(p.targetConcurrencyPerReplica, 1)} in flight`,
            p.targetTokensPerSecondPerReplica ? `, ${fmt.num(p.targetTokensPerSecondPerReplica)} tok/s` : ''],
          [p.sloTtftMs ? `TTFT ${fmt.ms(p.sloTtftMs)}` : '', p.sloTtftMs && p.sloLatencyMs ? ', ' : '',
            p.sloLatencyMs ? `latency ${fmt.ms(p.sloLatencyMs)}` : '', !p.sloTtftMs && !p.sloLatencyMs ? fmt.DASH : ''],
          fmt.duration(p.provisioningLeadTime),
          `${fmt.duration(p.scaleUpStabilisation)} / ${fmt.duration(p.scaleDownStabilisation)}`,
          { cell: fmt.num(p.maxStep), class: 'num' },
          badge(p.mode, p.mode === 'AUTO' ? 'ok' : p.mode === 'OFF' ? 'bad' : 'warn'),
          p.provider,
          { cell: p.target, class: 'mono' },
          el('span', { class: 'row-actions' },
            el('a', { href: `#/scaling?model=${encodeURIComponent(p.model)}` }, 'History'),
            canOperate ? el('button', { type: 'button', class: 'secondary small', onclick: () => edit(p) }, 'Edit') : null),
        ]),
        { empty: 'No scaling policies yet.', rowClass: (i) => (policies[i].model === selected ? 'selected' : null) },
      ));
    }

    async function loadDetail(model) {
      const [changes, history] = await Promise.allSettled([
        api.get(path`/api/v1/scaling/policies/${model}/changes`),
        api.get(path`/api/v1/scaling/${model}/history` + "?changesOnly=true&limit=50"),
      ]);
      if (!alive) return;
      replaceChildren(detailBox,
        el('h2', {}, `Policy changes of ${model}`),
        changes.status === 'fulfilled'
          ? table(['When', 'Who', 'Change', 'Policy'], changes.value.map((c) => [
            fmt.time(c.changedAt), c.changedBy, c.change, { cell: compactJson(c.policyJson), class: 'mono small' }]),
          { empty: 'No changes recorded.' })
          : unavailable('Policy changes', changes.reason),
        el('h2', {}, `Scaling decisions of ${model}`),
        history.status === 'fulfilled' ? decisionsTable(history.value) : unavailable('Scaling history', history.reason));
    }

    load();
    if (selected) loadDetail(selected);
    return () => {
      alive = false;
    };
  },
};

function unavailable(what, e) {
  return notice(e.unavailable ? 'unavailable' : 'error', `${what} not available: `, e.message,
    e.status ? ` (HTTP ${e.status})` : '');
}

/**
 * The scaler's history: {model, decisions: [{decision, actions}]}, newest first; each decision as
 * audited (terms, inputs, reason, applied) with its provider attempts.
 */
function decisionsTable(answer) {
  const entries = answer?.decisions ?? [];
  return table(['When', 'Mode', 'Current', 'Ready', 'Desired', 'Reason', 'Applied', 'Actions', 'Why'],
    entries.map(({ decision: d, actions }) => [
      fmt.time(d.decidedAt),
      d.mode ?? fmt.DASH,
      { cell: fmt.num(d.currentReplicas), class: 'num' },
      { cell: fmt.num(d.readyReplicas), class: 'num' },
      { cell: fmt.num(d.desiredReplicas), class: 'num' },
      d.reason ?? fmt.DASH,
      d.applied ? 'yes' : 'no',
      (actions ?? []).map((a) => `#${a.attempt} ${a.outcome}${a.error ? ': ' + a.error : ''}`).join(', ') || fmt.DASH,
      d.explanation ?? fmt.DASH,
    ]),
    { empty: 'No scaling decisions recorded.' });
}

function compactJson(json) {
  if (json === null || json === undefined) return fmt.DASH;
  try {
    return JSON.stringify(typeof json === 'string' ? JSON.parse(json) : json);
  } catch {
    return String(json);
  }
}
