// Console entry point: sign-in, the page shell, and hash routing between the pages.

import { createApi } from './api.js';
import { el, notice, replaceChildren } from './dom.js';
import { currentRoute, go, href } from './router.js';
import { Session, basicAuthorization } from './session.js';
import fleet from './pages/fleet.js';
import metrics from './pages/metrics.js';
import forecasts from './pages/forecasts.js';
import scaling from './pages/scaling.js';
import access from './pages/access.js';

const PAGES = { fleet, metrics, forecasts, scaling, access };

const session = new Session();
const api = createApi(
  () => session.authorization(),
  () => signOut('Your sign-in is no longer accepted (password changed or user removed); sign in again.'),
);
let unmountPage = null;

const $ = (id) => document.getElementById(id);

function showSignIn(message) {
  closePage();
  $('app').hidden = true;
  $('signin').hidden = false;
  const error = $('signin-error');
  error.textContent = message ?? '';
  error.hidden = !message;
  $('signin-username').focus();
}

function showApp() {
  const user = session.current;
  $('signin').hidden = true;
  $('app').hidden = false;
  replaceChildren($('whoami'), el('strong', { id: 'whoami-name' }, user.username), ' · ',
    el('span', { id: 'whoami-role' }, user.role.toLowerCase()));
  replaceChildren(
    $('nav'),
    Object.entries(PAGES)
      .filter(([, page]) => !page.minRole || session.can(page.minRole))
      .map(([name, page]) => el('a', { href: href(name), dataset: { page: name } }, page.title)),
  );
  renderRoute();
}

function signOut(message) {
  session.clear();
  $('signin-password').value = '';
  showSignIn(message);
}

function closePage() {
  if (unmountPage) {
    unmountPage();
    unmountPage = null;
  }
}

function renderRoute() {
  if (!session.current) return;
  closePage();
  const route = currentRoute();
  const name = route.name in PAGES ? route.name : 'fleet';
  const page = PAGES[name];
  for (const link of $('nav').querySelectorAll('a')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const view = $('view');
  view.replaceChildren();
  document.title = `${page.title} · InferScale`;
  if (page.minRole && !session.can(page.minRole)) {
    view.append(notice('error', `The ${page.title} page needs the ${page.minRole.toLowerCase()} role.`));
    return;
  }
  unmountPage = page.mount(view, {
    api,
    session,
    params: route.params,
    go: (params) => go(name, params),
  });
}

async function onSignIn(event) {
  event.preventDefault();
  const username = $('signin-username').value.trim();
  const password = $('signin-password').value;
  const submit = $('signin-submit');
  submit.disabled = true;
  $('signin-error').hidden = true;
  try {
    const authorization = basicAuthorization(username, password);
    const me = await api.whoIs(authorization);
    session.save(me.username, me.role, authorization);
    $('signin-password').value = '';
    showApp();
  } catch (e) {
    showSignIn(e.status === 401 ? 'Wrong username or password.' : `Sign-in failed: ${e.message}`);
  } finally {
    submit.disabled = false;
  }
}

/** A stored sign-in is checked again: the role may have changed since. */
async function resume() {
  const stored = session.current;
  if (!stored) {
    showSignIn();
    return;
  }
  try {
    const me = await api.whoIs(stored.authorization);
    session.save(me.username, me.role, stored.authorization);
    showApp();
  } catch (e) {
    session.clear();
    showSignIn(e.status === 401 ? 'Sign in again.' : `Cannot reach the gateway: ${e.message}`);
  }
}

$('signin-form').addEventListener('submit', onSignIn);
$('signout').addEventListener('click', () => signOut());
window.addEventListener('hashchange', renderRoute);
resume();
