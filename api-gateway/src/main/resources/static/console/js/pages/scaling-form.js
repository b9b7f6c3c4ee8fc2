// The scaling policy editor. Durations are entered in seconds and sent as ISO-8601 (PT120S);
// the scaler-service validates everything again and its problem+json detail is shown as it is.

import { el, notice, replaceChildren } from '../dom.js';
import { durationSeconds } from '../format.js';

const PROVIDERS = ['local', 'kubernetes', 'aws-asg', 'aws-ecs', 'gcp-mig'];
const MODES = ['OFF', 'RECOMMEND', 'AUTO'];

// [field, label, kind, required, hint]
const FIELDS = [
  ['minReplicas', 'Min replicas', 'int', true, '0 allows scale to zero'],
  ['maxReplicas', 'Max replicas', 'int', true],
  ['targetConcurrencyPerReplica', 'Target in flight per replica', 'number', true],
  ['targetTokensPerSecondPerReplica', 'Target output tokens/s per replica', 'number', false, 'optional'],
  ['sloTtftMs', 'SLO time to first token (ms)', 'int', false, 'optional'],
  ['sloLatencyMs', 'SLO latency (ms)', 'int', false, 'optional'],
  ['provisioningLeadTime', 'Provisioning lead time (s)', 'seconds', true, 'how long a new replica takes to be ready'],
  ['scaleUpStabilisation', 'Scale-up stabilisation (s)', 'seconds', false, 'default 0'],
  ['scaleDownStabilisation', 'Scale-down stabilisation (s)', 'seconds', false, 'default 300'],
  ['maxStep', 'Max step (replicas)', 'int', false, 'default 4'],
];

/**
 * @param policy the policy to edit, or null for a new one
 * @param actions { save(model, body), remove(model), cancel() } returning promises
 */
export function policyForm(policy, actions) {
  const isNew = !policy;
  const error = el('div', { class: 'form-error' });
  const model = el('input', { name: 'model', required: true, value: policy?.model ?? '', disabled: !isNew });
  const inputs = Object.fromEntries(FIELDS.map(([name, , kind, required]) => {
    const current = policy?.[name];
    const value = kind === 'seconds' ? durationSeconds(current) : current;
    return [name, el('input', { name, type: 'number', min: 0, step: kind === 'number' ? 'any' : 1,
      required, value: value ?? '' })];
  }));
  const mode = el('select', { name: 'mode' }, MODES.map((m) => el('option', { value: m, selected: m === (policy?.mode ?? 'RECOMMEND') }, m)));
  const provider = el('select', { name: 'provider' },
    [...new Set([...(policy ? [policy.provider] : []), ...PROVIDERS])].map((p) => el('option', { value: p, selected: p === policy?.provider }, p)));
  const target = el('input', { name: 'target', required: true, value: policy?.target ?? '' });
  const save = el('button', { type: 'submit' }, isNew ? 'Create policy' : 'Save policy');
  const remove = isNew ? null : el('button', { type: 'button', class: 'danger' }, 'Delete policy');
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');

  const form = el('form', { class: 'card policy-form', id: 'scaling-form' },
    el('h2', {}, isNew ? 'New scaling policy' : `Scaling policy of ${policy.model}`),
    el('div', { class: 'form-grid' },
      el('label', {}, 'Model', model),
      FIELDS.map(([name, label, , , hint]) => el('label', {}, label, inputs[name], hint ? el('small', { class: 'muted' }, hint) : null)),
      el('label', {}, 'Mode', mode, el('small', { class: 'muted' }, 'RECOMMEND decides without acting')),
      el('label', {}, 'Provider', provider),
      el('label', {}, 'Target', target, el('small', { class: 'muted' }, 'ASG, cluster/service, project/zone/mig, namespace/deployment or local group'))),
    error,
    el('div', { class: 'form-actions' }, save, cancel, remove));

  async function run(action) {
    for (const b of form.querySelectorAll('button')) b.disabled = true;
    error.replaceChildren();
    try {
      await action();
    } catch (e) {
      replaceChildren(error, notice('error', e.message));
    } finally {
      for (const b of form.querySelectorAll('button')) b.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { mode: mode.value, provider: provider.value, target: target.value.trim() };
    for (const [name, , kind] of FIELDS) {
      const raw = inputs[name].value.trim();
      if (raw === '') continue;
      body[name] = kind === 'seconds' ? `PT${Number(raw)}S` : Number(raw);
    }
    run(() => actions.save(model.value.trim(), body));
  });
  cancel.addEventListener('click', () => actions.cancel());
  // Deleting takes a second click, so a slip of the mouse does not stop a model from scaling.
  remove?.addEventListener('click', () => {
    if (remove.dataset.armed) {
      run(() => actions.remove(policy.model));
    } else {
      remove.dataset.armed = 'yes';
      remove.textContent = 'Click again to delete';
    }
  });
  return form;
}
