// Live updates over one WebSocket speaking graphql-transport-ws: subscriptions are re-sent on
// every (re)connection, and a lost connection (server restart, network) is retried after 1, 2,
// 4 … seconds, at most 15 s apart, for as long as a page listens. The token goes in the
// connection_init payload, as Parley expects for subscriptions.
import { auth } from './auth.js';

const MAX_DELAY_MS = 15000;
const subscriptions = new Map();
const statusListeners = new Set();
let socket = null;
let acknowledged = false;
let nextId = 1;
let attempt = 0;
let retryTimer = null;
let status = 'idle';

function setStatus(next) {
  status = next;
  statusListeners.forEach((l) => l(status));
}

function send(message) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function start(id, { query, variables }) {
  send({ id, type: 'subscribe', payload: { query, variables } });
}

function connect() {
  clearTimeout(retryTimer);
  retryTimer = null;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = new WebSocket(url, 'graphql-transport-ws');
  socket = ws;
  acknowledged = false;
  setStatus('connecting');
  ws.onopen = () => {
    const token = auth.token;
    ws.send(JSON.stringify({ type: 'connection_init', payload: token ? { Authorization: `Bearer ${token}` } : {} }));
  };
  ws.onmessage = (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (message.type === 'connection_ack') {
      acknowledged = true;
      attempt = 0;
      setStatus('live');
      subscriptions.forEach((sub, id) => start(id, sub));
    } else if (message.type === 'next') {
      subscriptions.get(message.id)?.onData(message.payload?.data, message.payload?.errors);
    } else if (message.type === 'ping') {
      send({ type: 'pong' });
    } else if (message.type === 'error') {
      console.warn('subscription error', message.payload);
    }
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    socket = null;
    acknowledged = false;
    if (subscriptions.size === 0) {
      setStatus('idle');
      return;
    }
    setStatus('reconnecting');
    const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt++);
    retryTimer = setTimeout(connect, delay);
  };
}

/** Calls onData(data) for every event; returns the function that stops listening. */
export function subscribe(query, variables, onData) {
  const id = String(nextId++);
  subscriptions.set(id, { query, variables, onData });
  if (acknowledged) start(id, subscriptions.get(id));
  else if (!socket && !retryTimer) connect();
  return () => {
    if (!subscriptions.delete(id)) return;
    send({ id, type: 'complete' });
    if (subscriptions.size === 0 && socket) {
      const ws = socket;
      socket = null;
      ws.close(1000);
      setStatus('idle');
    }
  };
}

export function onStatus(listener) {
  statusListeners.add(listener);
  listener(status);
  return () => statusListeners.delete(listener);
}

// A new token may grant more (reads that require a reader): start over with it.
auth.onChange(() => {
  if (socket) {
    const ws = socket;
    socket = null;
    ws.close(1000);
    connect();
  }
});
