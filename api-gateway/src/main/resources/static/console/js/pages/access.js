// Access (admins): inference API keys (a new key's secret is shown once, here, and never again)
// and console users. The gateway audits every change under the signed-in admin's name.

import { path } from '../api.js';
import { badge, el, notice, replaceChildren, table } from '../dom.js';
import * as fmt from '../format.js';

const ROLE_NAMES = ['VIEWER', 'OPERATOR', 'ADMIN'];

export default {
  title: 'Access',
  minRole: 'ADMIN',
  mount(view, { api }) {
    const keysBox = el('div', { id: 'api-keys' });
    const usersBox = el('div', { id: 'users' });
    const secretBox = el('div', { id: 'new-key-box' });
    let alive = true;

    const keyForm = form('api-key-form', 'Create key', [
      ['name', 'Name', { required: true, maxlength: 100, placeholder: 'e.g. search-frontend' }],
      ['ratePerSecond', 'Requests/s', { type: 'number', min: 0.001, step: 'any', placeholder: 'default' }],
      ['burst', 'Burst', { type: 'number', min: 1, step: 1, placeholder: 'default' }],
    ], async (values) => {
      const created = await api.post('/api/v1/gateway/api-keys', {
        name: values.name,
        ratePerSecond: values.ratePerSecond === '' ? undefined : Number(values.ratePerSecond),
        burst: values.burst === '' ? undefined : Number(values.burst),
      });
      keyForm.reset();
      showSecret(secretBox, created);
      await loadKeys();
    });

    const roleSelect = el('select', { name: 'role' }, ROLE_NAMES.map((r) => el('option', { value: r }, r.toLowerCase())));
    const userForm = form('user-form', 'Create user', [
      ['username', 'Username', { required: true, pattern: '[a-zA-Z0-9._\\-]{1,64}', autocomplete: 'off' }],
      ['password', 'Password', { type: 'password', required: true, minlength: 12, autocomplete: 'new-password' }],
    ], async (values) => {
      const created = await api.post('/api/v1/gateway/users', {
        username: values.username, password: values.password, role: roleSelect.value });
      userForm.reset();
      userForm.status(`Created ${created.username} (${created.role.toLowerCase()}).`);
      await loadUsers();
    }, el('label', {}, 'Role', roleSelect));

    view.append(
      el('div', { class: 'page-head' }, el('h1', {}, 'Access')),
      el('section', { class: 'card' },
        el('h2', {}, 'Inference API keys'),
        el('p', { class: 'muted' }, 'Clients send a key as Authorization: Bearer <key> on /v1/**. Only a hash is stored; a revoked key stops working on every gateway within 10 s.'),
        keyForm, secretBox, keysBox),
      el('section', { class: 'card' },
        el('h2', {}, 'Console users'),
        el('p', { class: 'muted' }, 'Viewers read; operators also change routing and scaling policies; admins also manage keys and users.'),
        userForm, usersBox));

    async function loadKeys() {
      try {
        const keys = await api.get('/api/v1/gateway/api-keys');
        if (!alive) return;
        replaceChildren(keysBox, table(['Id', 'Name', 'Rate', 'Burst', 'Created', 'By', 'State', ''],
          keys.map((k) => [
            { cell: k.id, class: 'mono key-id' },
            k.name,
            { cell: `${fmt.num(k.ratePerSecond, k.ratePerSecond < 10 ? 2 : 0)}/s`, class: 'num' },
            { cell: fmt.num(k.burst), class: 'num' },
            fmt.time(k.createdAt),
            k.createdBy,
            k.revokedAt ? badge(`revoked ${fmt.time(k.revokedAt)}`, 'bad') : badge('active', 'ok'),
            k.revokedAt ? '' : revokeButton(k),
          ]),
          { empty: 'No API keys.', rowClass: (i) => (keys[i].revokedAt ? 'revoked' : null) }));
      } catch (e) {
        if (alive) replaceChildren(keysBox, notice('error', 'Cannot list API keys: ', e.message));
      }
    }

    function revokeButton(key) {
      const button = el('button', { type: 'button', class: 'danger small revoke', dataset: { key: key.id } }, 'Revoke');
      // A second click confirms: a revoked key cannot be restored, its clients must get a new one.
      button.addEventListener('click', async () => {
        if (!button.dataset.armed) {
          button.dataset.armed = 'yes';
          button.textContent = 'Click again to revoke';
          return;
        }
        button.disabled = true;
        try {
          await api.delete(path`/api/v1/gateway/api-keys/${key.id}`);
          await loadKeys();
        } catch (e) {
          button.disabled = false;
          replaceChildren(keysBox, notice('error', `Cannot revoke ${key.id}: `, e.message), keysBox.lastChild);
        }
      });
      return button;
    }

    async function loadUsers() {
      try {
        const users = await api.get('/api/v1/gateway/users');
        if (!alive) return;
        replaceChildren(usersBox, table(['User', 'Role', 'Created'],
          users.map((u) => [u.username, u.role.toLowerCase(), fmt.time(u.createdAt)]), { empty: 'No users.' }));
      } catch (e) {
        if (alive) replaceChildren(usersBox, notice('error', 'Cannot list users: ', e.message));
      }
    }

    loadKeys();
    loadUsers();
    return () => {
      alive = false;
      secretBox.replaceChildren(); // the secret leaves the page with the page
    };
  },
};

/** The new key's secret, once: it is not stored anywhere the console or the gateway can show again. */
function showSecret(box, created) {
  const secret = el('code', { id: 'new-key-secret', class: 'secret' }, created.key);
  const copy = el('button', { type: 'button', class: 'secondary small' }, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      copy.textContent = 'Copied';
    } catch {
      copy.textContent = 'Select and copy it by hand';
    }
  });
  const done = el('button', { type: 'button', class: 'small' }, 'I have stored it');
  done.addEventListener('click', () => box.replaceChildren());
  replaceChildren(box, notice('info',
    el('strong', {}, `New key “${created.name}” (${created.id}). Copy it now: it is shown only this once.`),
    el('div', { class: 'secret-row' }, secret, copy, done)));
}

/** A one-line form whose submit handler gets the field values; errors show under it. */
function form(id, submitLabel, fields, onSubmit, ...extra) {
  const inputs = fields.map(([name, label, attrs]) => [name, el('input', { name, ...attrs })]);
  const message = el('div', { class: 'form-message', role: 'status' });
  const submit = el('button', { type: 'submit' }, submitLabel);
  const node = el('form', { id, class: 'inline-form' },
    inputs.map(([name, input], i) => el('label', {}, fields[i][1], input)), extra, submit, message);
  node.status = (text) => replaceChildren(message, text);
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.replaceChildren();
    try {
      await onSubmit(Object.fromEntries(inputs.map(([name, input]) =>
        [name, input.type === 'password' ? input.value : input.value.trim()])));
    } catch (e) {
      replaceChildren(message, notice('error', e.message));
    } finally {
      submit.disabled = false;
    }
  });
  return node;
}
