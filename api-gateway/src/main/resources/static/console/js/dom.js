// Builds the page from data without ever parsing data as HTML: text always lands in text nodes
// or in attribute values, so a replica id or an error detail cannot inject markup.

/**
 * el('td', { class: 'num', title: x }, 'text', childNode, [more]): attributes come from our own
 * code; values and children may be data. on<event> props take listeners.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') node[key] = value;
    else if (key === 'style') throw new Error('inline styles are refused by the CSP; use a class');
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A table with a header row; each row is an array of cells (text, nodes, or { cell, class }). */
export function table(headers, rows, { empty = 'Nothing to show.', rowClass, caption } = {}) {
  if (rows.length === 0) return el('p', { class: 'muted empty' }, empty);
  return el(
    'table',
    {},
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      rows.map((cells, i) =>
        el(
          'tr',
          { class: rowClass ? rowClass(i) : null },
          cells.map((c) =>
            c !== null && typeof c === 'object' && 'cell' in c
              ? el('td', { class: c.class, title: c.title }, c.cell)
              : el('td', {}, c),
          ),
        ),
      ),
    ),
  );
}

/** A message box; kind is info, error or unavailable. */
export function notice(kind, ...children) {
  return el('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, children);
}

/** A definition list from [term, value] pairs. */
export function facts(pairs) {
  return el(
    'dl',
    { class: 'facts' },
    pairs.filter(Boolean).map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]),
  );
}

export function badge(text, kind) {
  return el('span', { class: `badge ${kind ?? ''}` }, text);
}
