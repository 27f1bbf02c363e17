// The signed-in user: a bearer token kept for this browser tab only (sessionStorage), with the
// subject, roles and expiry read from its claims for display. The server verifies it. A token
// comes one of three ways: pasted (any issuer the server trusts; also how scripts get theirs),
// minted with one click in dev mode, or from the organisation's identity provider (oidc.js),
// which also leaves a refresh token to renew it before it expires and an ID token to sign out
// of the provider with. GET /auth/config says which of these the server offers.
import { isOidcAnswer, jwtClaims, oidcAuthorize, oidcComplete, oidcEndSessionUrl, oidcRefresh } from './oidc.js';

const KEY = 'parley.token';
/** A provider sign-in's { issuer, rolesClaim, refreshToken, idToken }. */
const SESSION = 'parley.session';
/** Renew this long before expiry, or halfway through a shorter-lived token. */
const RENEW_BEFORE_MS = 30_000;
const listeners = new Set();
let settings = null;
let settingsRequest = null;
let timer = null;
let renewal = null;

function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  } catch {
    return null;
  }
}

function changed() {
  schedule();
  listeners.forEach((l) => l());
}

/** What the server offers: { provider: {issuer, clientId, scopes, rolesClaim, bearerToken, name} | null, devTokens }. */
function loadSettings() {
  if (!settingsRequest) {
    settingsRequest = fetch('/auth/config', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : { provider: null, devTokens: false }), () => ({ provider: null, devTokens: false }))
      .then((s) => (settings = s));
    settingsRequest.then((s) => s.provider && sessionStorage.getItem(KEY) && listeners.forEach((l) => l()));
  }
  return settingsRequest;
}

/** The claim path roles are read from, as the API reads it: the provider's for its tokens, else "groups". */
function rolesClaim(claims) {
  const s = session();
  if (s?.issuer && s.issuer === claims.iss) return s.rolesClaim;
  if (settings?.provider && settings.provider.issuer === claims.iss) return settings.provider.rolesClaim;
  return 'groups';
}

/** A claim path as smallrye-jwt reads it: segments split on "/", a quoted segment taken whole (Auth0's URL-named claims). */
function claimAt(claims, path) {
  let value = claims;
  for (const segment of path.match(/"[^"]*"|[^/]+/g) || []) value = value?.[segment.replace(/^"|"$/g, '')];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** Keeps a provider's tokens: the one the API is sent, and what renewing and signing out need. */
function keep(tokens, provider) {
  const previous = session();
  const bearer = provider.bearerToken === 'id' ? tokens.id_token : tokens.access_token;
  if (!bearer) throw new Error(`the identity provider sent no ${provider.bearerToken === 'id' ? 'ID' : 'access'} token.`);
  sessionStorage.setItem(KEY, bearer);
  sessionStorage.setItem(SESSION, JSON.stringify({
    issuer: provider.issuer,
    rolesClaim: provider.rolesClaim,
    refreshToken: tokens.refresh_token || previous?.refreshToken || null,
    idToken: tokens.id_token || previous?.idToken || null,
  }));
}

function forget(notice) {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(SESSION);
  auth.notice = notice;
}

/** Renews before expiry where there is a refresh token; otherwise signs out at expiry and says so. */
function schedule() {
  clearTimeout(timer);
  timer = null;
  const token = sessionStorage.getItem(KEY);
  const claims = token && jwtClaims(token);
  if (!claims?.exp) return;
  const renewable = !!session()?.refreshToken;
  const lifetime = claims.iat ? (claims.exp - claims.iat) * 1000 : RENEW_BEFORE_MS * 2;
  const wait = claims.exp * 1000 - Date.now() - (renewable ? Math.min(RENEW_BEFORE_MS, lifetime / 2) : 0);
  timer = setTimeout(() => (renewable ? renew() : expire()), Math.min(Math.max(wait, 0), 2 ** 31 - 1));
}

function expire() {
  forget('Your sign-in has expired: sign in again.');
  changed();
}

function renew() {
  if (!renewal) {
    renewal = (async () => {
      const { provider } = await loadSettings();
      const current = session();
      if (!current?.refreshToken) return; // signed out meanwhile
      try {
        if (!provider || current.issuer !== provider.issuer) throw new Error('the identity provider is no longer configured.');
        keep(await oidcRefresh(provider, current.refreshToken), provider);
      } catch (error) {
        forget(`Your session with the identity provider has ended: ${error.message} Sign in again.`);
      }
      changed();
    })().finally(() => (renewal = null));
  }
  return renewal;
}

export const auth = {
  /** Why the user was signed out, or why a sign-in failed; shown on the sign-in page. */
  notice: null,
  /** True while the provider's answer is being exchanged for tokens. */
  completing: false,
  get token() {
    const token = sessionStorage.getItem(KEY);
    if (!token) return null;
    const c = jwtClaims(token);
    if (c?.exp && c.exp * 1000 < Date.now()) {
      if (session()?.refreshToken) renew();
      else queueMicrotask(expire);
      return null;
    }
    return token;
  },
  get user() {
    const token = this.token;
    const c = token && jwtClaims(token);
    return c ? {
      subject: c.preferred_username || c.upn || c.email || c.sub || 'signed in',
      roles: claimAt(c, rolesClaim(c)),
      expires: c.exp ? new Date(c.exp * 1000) : null,
    } : null;
  },
  get canEdit() {
    const roles = this.user?.roles || [];
    return roles.includes('editor') || roles.includes('admin');
  },
  /** The server's sign-in settings (see loadSettings). */
  settings() {
    return loadSettings();
  },
  /** Returns an error message, or null when the token was taken. */
  signIn(token) {
    const trimmed = (token || '').trim().replace(/^Bearer\s+/i, '');
    if (!jwtClaims(trimmed)) return 'This is not a JSON Web Token (three dot-separated parts).';
    forget(null);
    sessionStorage.setItem(KEY, trimmed);
    loadSettings();
    changed();
    return null;
  },
  /** Leaves for the provider's sign-in page; comes back to `returnTo` signed in. */
  async signInWithProvider(returnTo = '/sign-in') {
    const { provider } = await loadSettings();
    if (!provider) throw new Error('This server has no identity provider configured.');
    auth.notice = null;
    await oidcAuthorize(provider, returnTo);
  },
  /** Forgets the tokens; after a provider sign-in, ends the provider's session too and comes back to /. */
  signOut() {
    const s = session();
    forget(null);
    changed();
    if (s?.idToken) {
      loadSettings()
        .then(({ provider }) => (provider && provider.issuer === s.issuer ? oidcEndSessionUrl(provider, s.idToken) : null))
        .then((url) => url && location.assign(url), () => {});
    }
  },
  onChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Back from the provider: /sign-in?code=…&state=… (or ?error=…). Exchange the code, then show the
// page the sign-in started from, without the code in the address bar or the history.
const answer = location.pathname === '/sign-in' ? new URLSearchParams(location.search) : null;
if (answer && isOidcAnswer(answer)) {
  auth.completing = true;
  loadSettings()
    .then(({ provider }) => {
      if (!provider) throw new Error('This server has no identity provider configured.');
      return oidcComplete(provider, answer).then(({ tokens, returnTo }) => {
        keep(tokens, provider);
        return returnTo;
      });
    })
    .then((returnTo) => {
      auth.notice = null;
      return returnTo || '/sign-in';
    }, (error) => {
      forget(error.message);
      return '/sign-in';
    })
    .then((path) => {
      auth.completing = false;
      history.replaceState(null, '', path);
      changed();
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
} else {
  if (sessionStorage.getItem(KEY)) loadSettings();
  schedule();
}
