// Hash routes: #/<page>?<params>. The page and its settings (model, range) live in the URL so that
// a view can be bookmarked and shared; credentials never do.

export function currentRoute() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [name, queryString = ''] = hash.split('?');
  return { name: name || 'fleet', params: new URLSearchParams(queryString) };
}

export function href(name, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return `#/${name}${s ? `?${s}` : ''}`;
}

export function go(name, params) {
  window.location.hash = href(name, params);
}
