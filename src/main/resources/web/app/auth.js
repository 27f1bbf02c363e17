// The signed-in editor: a bearer token kept for this browser tab only (sessionStorage), with
// the subject, roles and expiry read from its claims for display. The server verifies it.
const KEY = 'parley.token';
const listeners = new Set();

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return null;
  }
}

export const auth = {
  get token() {
    const token = sessionStorage.getItem(KEY);
    if (!token) return null;
    const c = claims(token);
    if (c?.exp && c.exp * 1000 < Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return token;
  },
  get user() {
    const token = this.token;
    const c = token && claims(token);
    return c ? { subject: c.sub || c.upn || c.preferred_username || 'signed in', roles: c.groups || [], expires: c.exp ? new Date(c.exp * 1000) : null } : null;
  },
  get canEdit() {
    const roles = this.user?.roles || [];
    return roles.includes('editor') || roles.includes('admin');
  },
  /** Returns an error message, or null when the token was taken. */
  signIn(token) {
    const trimmed = (token || '').trim().replace(/^Bearer\s+/i, '');
    if (!claims(trimmed)) return 'This is not a JSON Web Token (three dot-separated parts).';
    sessionStorage.setItem(KEY, trimmed);
    listeners.forEach((l) => l());
    return null;
  },
  signOut() {
    sessionStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  onChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
