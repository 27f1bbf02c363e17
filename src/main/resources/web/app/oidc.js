// Signing in with the organisation's identity provider: OpenID Connect's authorization code flow
// with PKCE (S256), run by the page itself as a public client (no secret), as OAuth 2.0 for
// browser-based apps describes. The provider's discovery document names its endpoints; state
// ties the answer to this tab's request, nonce ties the ID token to it; the code is exchanged at
// the token endpoint from the page; the refresh token renews the session; end_session_endpoint
// signs out. The ID token comes straight from the token endpoint over TLS, so its signature is
// left to the API's checks of the token it is sent (OpenID Connect Core 3.1.3.7); its issuer,
// audience, expiry and nonce are checked here.
const FLOW = 'parley.oidc.flow';
const discoveries = new Map();

/** The claims of a JWT, unverified (for display and the checks above), or null. */
export function jwtClaims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '='));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (size) => base64url(crypto.getRandomValues(new Uint8Array(size)));
const redirectUri = () => `${location.origin}/sign-in`;

/** The provider's discovery document, once per page; it must name the configured issuer exactly. */
function discover(provider) {
  if (!discoveries.has(provider.issuer)) {
    const found = (async () => {
      const response = await fetch(`${provider.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`The identity provider cannot be reached (its discovery document answered HTTP ${response.status}).`);
      const document = await response.json();
      if (document.issuer !== provider.issuer) throw new Error(`The identity provider calls itself ${document.issuer}, not ${provider.issuer}.`);
      return document;
    })();
    found.catch(() => discoveries.delete(provider.issuer));
    discoveries.set(provider.issuer, found);
  }
  return discoveries.get(provider.issuer);
}

async function tokenRequest(document, parameters) {
  let response;
  try {
    response = await fetch(document.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(parameters),
    });
  } catch {
    throw new Error('The identity provider cannot be reached (token endpoint).');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(`The identity provider refused: ${body.error_description || body.error || `HTTP ${response.status}`}.`);
  }
  return body;
}

/** Issuer, audience, authorized party and expiry of an ID token, and its nonce when one was sent. */
function checkIdToken(idToken, provider, nonce) {
  const claims = idToken && jwtClaims(idToken);
  if (!claims) throw new Error('The identity provider sent no ID token (is "openid" among the scopes?).');
  const audiences = [].concat(claims.aud || []);
  const problem = claims.iss !== provider.issuer ? 'another issuer'
    : !audiences.includes(provider.clientId) ? 'another client'
    : audiences.length > 1 && claims.azp !== provider.clientId ? 'another party'
    : !(claims.exp * 1000 > Date.now()) ? 'an expired sign-in'
    : nonce !== undefined && claims.nonce !== nonce ? 'another request (nonce)'
    : null;
  if (problem) throw new Error(`The identity provider's ID token is for ${problem}: sign in again.`);
}

/** Sends the browser to the provider's sign-in page; comes back to /sign-in with a code. */
export async function oidcAuthorize(provider, returnTo) {
  const document = await discover(provider);
  const verifier = random(32);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const flow = { state: random(16), nonce: random(16), verifier, returnTo, issuer: provider.issuer };
  sessionStorage.setItem(FLOW, JSON.stringify(flow));
  const url = new URL(document.authorization_endpoint);
  for (const [name, value] of Object.entries({
    response_type: 'code', client_id: provider.clientId, redirect_uri: redirectUri(), scope: provider.scopes,
    state: flow.state, nonce: flow.nonce, code_challenge: challenge, code_challenge_method: 'S256',
  })) url.searchParams.set(name, value);
  location.assign(url.href);
}

/** Whether these query parameters are the provider's answer to a sign-in. */
export function isOidcAnswer(params) {
  return params.has('state') && (params.has('code') || params.has('error'));
}

/** The provider's answer at /sign-in, checked and exchanged for tokens: { tokens, returnTo }. */
export async function oidcComplete(provider, params) {
  const flow = JSON.parse(sessionStorage.getItem(FLOW) || 'null');
  sessionStorage.removeItem(FLOW);
  if (!flow || params.get('state') !== flow.state || flow.issuer !== provider.issuer) {
    throw new Error('This sign-in answer was not asked for by this tab (its state does not match): sign in again.');
  }
  if (params.has('error')) {
    throw new Error(`The identity provider did not sign you in: ${params.get('error_description') || params.get('error')}.`);
  }
  // RFC 9207: a provider that names itself in the answer must be the one asked.
  if (params.has('iss') && params.get('iss') !== provider.issuer) throw new Error('The sign-in answer comes from another issuer: sign in again.');
  const document = await discover(provider);
  const tokens = await tokenRequest(document, {
    grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    client_id: provider.clientId, code_verifier: flow.verifier,
  });
  checkIdToken(tokens.id_token, provider, flow.nonce);
  return { tokens, returnTo: flow.returnTo };
}

/** New tokens for a refresh token (the provider may rotate it). */
export async function oidcRefresh(provider, refreshToken) {
  const document = await discover(provider);
  const tokens = await tokenRequest(document, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: provider.clientId });
  if (tokens.id_token) checkIdToken(tokens.id_token, provider, undefined);
  return tokens;
}

/** Where to send the browser to end the provider's session too, or null when it has no such endpoint. */
export async function oidcEndSessionUrl(provider, idToken) {
  const document = await discover(provider);
  if (!document.end_session_endpoint) return null;
  const url = new URL(document.end_session_endpoint);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${location.origin}/`);
  return url.href;
}
