// The only way the console reaches data: the gateway's authenticated REST API. Errors arrive as
// RFC 9457 problem+json; an ApiError carries their detail for the page to show.

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }

  /** The service behind this path is not deployed, not running, or does not have it yet. */
  get unavailable() {
    return [0, 404, 501, 502, 503, 504].includes(this.status);
  }

  static async from(response) {
    let title = response.statusText;
    let detail = '';
    try {
      const body = await response.json();
      title = body.title || title;
      detail = body.detail || body.message || '';
    } catch {
      // not JSON: the status line says what there is to say
    }
    return new ApiError(response.status, title, detail);
  }
}

/**
 * @param authorization () => the Authorization header value, or null
 * @param onUnauthorized called when a signed-in call answers 401 (password changed, user removed)
 */
export function createApi(authorization, onUnauthorized) {
  async function request(method, path, body, auth = authorization()) {
    const headers = {
      Accept: 'application/json, application/problem+json',
      // Tells the gateway not to send a Basic challenge, which would open the browser's own dialog.
      'X-Requested-With': 'XMLHttpRequest',
    };
    if (auth) headers.Authorization = auth;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (e) {
      throw new ApiError(0, 'Network error', `the gateway did not answer (${e.message})`);
    }
    if (!response.ok) {
      const error = await ApiError.from(response);
      if (response.status === 401 && auth === authorization()) onUnauthorized(error);
      throw error;
    }
    if (response.status === 204) return null;
    const type = response.headers.get('content-type') || '';
    return type.includes('json') ? response.json() : response.text();
  }

  return {
    get: (path) => request('GET', path),
    put: (path, body) => request('PUT', path, body),
    post: (path, body) => request('POST', path, body),
    delete: (path) => request('DELETE', path),
    /** Asks who a username/password pair signs in as, without storing anything. */
    whoIs: (auth) => request('GET', '/api/v1/gateway/me', undefined, auth),
  };
}

/** Builds a path from fixed segments and data segments, escaping the data ones. */
export function path(strings, ...values) {
  return strings.reduce(
    (out, s, i) => out + s + (i < values.length ? encodeURIComponent(values[i]) : ''),
    '',
  );
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) q.set(k, v);
  return q.toString();
}
