// Calls to the hub's API from the console: JSON in and out, the server's message as the error.

let onLoggedOut = () => {};

/** What to do when the session is gone (401): show the login. */
export function whenLoggedOut(fn) {
  onLoggedOut = fn;
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || ('HTTP ' + status));
    this.status = status;
    this.body = body;
  }
}

export async function api(path, options = {}) {
  const res = await fetch(path, { credentials: 'same-origin', ...options,
    headers: { 'Accept': 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}),
      ...(options.headers || {}) } });
  if (res.status === 401 && !path.startsWith('/api/session')) {
    onLoggedOut();
    throw new ApiError(401, { message: 'not logged in' });
  }
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/** A JSON body for api(). */
export function send(method, value, headers = {}) {
  return { method, body: JSON.stringify(value), headers };
}

export function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

/** The problems of a 400 answer as lines "path: message". */
export function problemText(e) {
  const problems = (e.body && e.body.problems) || [];
  return e.message + (problems.length ? ': ' + problems.map((p) => (p.path ? p.path + ' ' : '') + p.message).join('; ') : '');
}
