// The signed-in user, kept in sessionStorage only: it ends with the tab, is never written to a
// cookie, a URL or a log, and sign-out removes it.

const KEY = 'inferscale.console.session';
export const ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'];

export function basicAuthorization(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

export class Session {
  constructor(storage = window.sessionStorage) {
    this.storage = storage;
  }

  /** { username, role, authorization } or null. */
  get current() {
    try {
      const saved = JSON.parse(this.storage.getItem(KEY));
      return saved && saved.authorization ? saved : null;
    } catch {
      return null;
    }
  }

  authorization() {
    return this.current?.authorization ?? null;
  }

  save(username, role, authorization) {
    this.storage.setItem(KEY, JSON.stringify({ username, role, authorization }));
  }

  clear() {
    this.storage.removeItem(KEY);
  }

  /** Whether the signed-in user's role includes `role` (roles nest: admin > operator > viewer). */
  can(role) {
    const mine = ROLES.indexOf(this.current?.role);
    return mine >= 0 && mine >= ROLES.indexOf(role);
  }
}
