// Parley's GraphQL client. Reads go as Automatic Persisted Queries over GET (Apollo protocol:
// the SHA-256 of the query text; the server answers PERSISTED_QUERY_NOT_FOUND once, the POST
// that follows registers it), so a read is a cacheable GET of a few hundred bytes. A server
// that does not speak it (GET refused, or answered with something else) or a browser without
// crypto.subtle (plain http on a non-local host) gets plain POSTs instead. Mutations always POST.
import { auth } from './auth.js';

const ENDPOINT = '/graphql';
const NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';
// Remembered for the tab, so a server without persisted GETs costs one refused GET per tab,
// not one per page load.
const NO_GETS = 'parley.noPersistedGets';
let persistedGets = sessionStorage.getItem(NO_GETS) !== 'true';
const hashes = new Map();
// Read-your-writes: where this tab's last write committed (Parley-Commit-Position, sent only
// when the server reads from replicas), sent back with every request so a replica that has not
// replayed it yet does not answer (the primary does). Kept for the tab, so a reload after an
// edit still shows it.
const POSITION = 'parley.commitPosition';
let commitPosition = sessionStorage.getItem(POSITION);

/** Remembers the commit position a write's response carries; any response may be passed. */
export function rememberWrite(response, body) {
  const position = response?.headers?.get('Parley-Commit-Position') || body?.extensions?.commitPosition;
  if (!position) return;
  commitPosition = position;
  sessionStorage.setItem(POSITION, position);
}

/** The header that asks for a read that shows this tab's writes, or none. */
export function readAfterHeader() {
  return commitPosition ? { 'Parley-Read-After': commitPosition } : {};
}

/** A GraphQL answer with errors; `errors` are the server's, each with extensions.code/field. */
export class GraphQLError extends Error {
  constructor(errors, status) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
    this.errors = errors;
    this.status = status;
  }
  get code() {
    return this.errors[0]?.extensions?.code;
  }
}

async function sha256(text) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function hashOf(document) {
  if (!hashes.has(document)) hashes.set(document, sha256(document).catch(() => null));
  return hashes.get(document);
}

function headers(extra) {
  const token = auth.token;
  return { Accept: 'application/graphql-response+json, application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...readAfterHeader(), ...extra };
}

/** The JSON body when the answer is a GraphQL response, otherwise null. */
async function graphQLBody(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) return null;
  try {
    const body = await response.json();
    return body && typeof body === 'object' && ('data' in body || Array.isArray(body.errors)) ? body : null;
  } catch {
    return null;
  }
}

function failure(response) {
  if (response.status === 401) {
    return new GraphQLError([{ message: 'The server refused your sign-in token (expired or not valid). Sign in again.', extensions: { code: 'UNAUTHENTICATED' } }], 401);
  }
  if (response.status === 413) {
    return new GraphQLError([{ message: 'The request is too large.', extensions: { code: 'LIMIT_EXCEEDED' } }], 413);
  }
  return new GraphQLError([{ message: `The server answered HTTP ${response.status}.`, extensions: { code: 'UNAVAILABLE' } }], response.status);
}

async function post(payload, extraHeaders = {}) {
  let response;
  try {
    response = await fetch(ENDPOINT, { method: 'POST', headers: headers({ 'Content-Type': 'application/json', ...extraHeaders }), body: JSON.stringify(payload) });
  } catch {
    throw new GraphQLError([{ message: 'Parley cannot be reached. Check your connection and try again.', extensions: { code: 'UNAVAILABLE' } }], 0);
  }
  const body = await graphQLBody(response);
  if (!body) throw failure(response);
  rememberWrite(response, body);
  return body;
}

function unwrap(body) {
  if (body.errors?.length) {
    const error = new GraphQLError(body.errors, 200);
    error.data = body.data;
    throw error;
  }
  return body.data;
}

const isNotFound = (body) => body.errors?.some((e) => e.extensions?.code === NOT_FOUND || e.message === 'PersistedQueryNotFound');

/** Runs a read; resolves to `data`, rejects with a GraphQLError. */
export async function query(document, variables = {}) {
  const hash = persistedGets ? await hashOf(document) : null;
  if (!hash) return unwrap(await post({ query: document, variables }));
  const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
  const url = `${ENDPOINT}?${new URLSearchParams({ extensions: JSON.stringify(extensions), variables: JSON.stringify(variables) })}`;
  let body = null;
  try {
    // application/json: an unknown hash is then a 200 with PERSISTED_QUERY_NOT_FOUND, not a 404
    // that the browser would log as a failed request. no-cache: the app shows live data, so the
    // browser revalidates its copy with the ETag (a bodiless 304 when nothing changed) instead
    // of reusing it for the minute Cache-Control allows, which would hide a change a
    // subscription just announced.
    const response = await fetch(url, { headers: headers({ Accept: 'application/json' }), cache: 'no-cache' });
    body = await graphQLBody(response);
  } catch {
    body = null;
  }
  if (body && !body.errors?.length) return body.data;
  if (body && isNotFound(body)) return unwrap(await post({ query: document, variables, extensions }));
  // GET refused (405), not GraphQL, or an error without data: either the server does not know
  // persisted queries (it asks for a query text) or the read itself is wrong. The POST tells.
  const answer = await post({ query: document, variables });
  if (!body || !answer.errors?.length) {
    persistedGets = false;
    sessionStorage.setItem(NO_GETS, 'true');
  }
  return unwrap(answer);
}

/** A fresh idempotency key: one per user action (a save, a delete, an import). */
export function idempotencyKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Answers after which the write may or may not have been made: sent again with the same key,
// the server either returns the first answer or makes the write, once.
const RETRYABLE = new Set(['UNAVAILABLE', 'COMMIT_UNKNOWN']);
const RETRY_AFTER_MS = 1000;

/**
 * Runs a mutation, always as a POST with the signed-in token and an Idempotency-Key: a fresh
 * one per call (each call is one user action). When the connection fails or the server cannot
 * tell whether the write committed, it is sent once more with the same key after a second, so
 * a retry never writes twice.
 */
export async function mutate(document, variables = {}) {
  const key = { 'Idempotency-Key': idempotencyKey() };
  let body;
  try {
    body = await post({ query: document, variables }, key);
  } catch (error) {
    if (!(error instanceof GraphQLError) || !RETRYABLE.has(error.code)) throw error;
    body = null;
  }
  if (!body || body.errors?.some((e) => RETRYABLE.has(e.extensions?.code))) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    body = await post({ query: document, variables }, key);
  }
  return unwrap(body);
}
