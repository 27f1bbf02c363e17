// The app shell: header with search and sign-in, one view per URL (history API routing, so
// back, forward, deep links and reloads work), focus moved to the new view's heading.
import { LitElement, html } from 'lit';
import { until } from 'lit/directives/until.js';
import { auth } from './auth.js';
import { onStatus } from './live.js';
import { searchHref } from './format.js';
import './views.js';
import './pages.js';
import './forms.js';

// The editing views (every record type's form, delete confirmations) are a chunk of their own,
// fetched the first time an editor opens one: readers never download them.
let editing;
let editingFailed = null;
const loadEditing = () => (editing ??= import('./_editing/record-form.js').catch((error) => {
  editing = null; // the next visit tries again
  editingFailed = error;
  document.querySelector('parley-app')?.requestUpdate();
}));

const RECORD_PAGE = /^\/(people|talks|tracks|sources|outcomes|statements|trips|envoys)\/([^/]+)$/;

const loading = new Map();

/**
 * A view whose code is loaded on first use (import()), so the first view does not carry it:
 * the editors' desk is not in the bundle index.html loads, but in a chunk of its own.
 */
function lazy(tag, load, view) {
  if (customElements.get(tag)) return view;
  // One promise per view, so every render while it loads waits on the same one.
  if (!loading.has(tag)) {
    loading.set(tag, load().then(() => view, (error) => {
      loading.delete(tag); // the next visit tries again
      return html`<div class="notice error" role="alert"><h1 tabindex="-1">Could not load this page</h1><p>${error.message}</p><p><a href=${location.pathname}>Try again</a></p></div>`;
    }));
  }
  return until(loading.get(tag), html`<p class="notice loading" role="status">Loading…</p>`);
}

/** The view for a URL; WebApp.APP_PATHS on the server lists the same paths. */
function route(url) {
  const path = url.pathname;
  const record = path.match(RECORD_PAGE);
  if (record) {
    const id = decodeURIComponent(record[2]);
    switch (record[1]) {
      case 'people': return html`<parley-person .id=${id}></parley-person>`;
      case 'talks': return html`<parley-talk .id=${id}></parley-talk>`;
      case 'tracks': return html`<parley-track .id=${id}></parley-track>`;
      case 'outcomes': return html`<parley-outcome .id=${id}></parley-outcome>`;
      case 'statements': return html`<parley-statement .id=${id}></parley-statement>`;
      case 'trips': return html`<parley-trip .id=${id}></parley-trip>`;
      case 'envoys': return html`<parley-envoy .id=${id}></parley-envoy>`;
      default: return html`<parley-source .id=${id}></parley-source>`;
    }
  }
  const editor = path.match(/^\/record(?:\/([a-z]+))?$/);
  if (editor) {
    if (editingFailed) {
      const error = editingFailed;
      editingFailed = null;
      return html`<h1 tabindex="-1">Editor not loaded</h1><p class="notice error" role="alert">The editing views could not be loaded (${error.message}). Check your connection and reload the page.</p>`;
    }
    loadEditing();
    const p = url.searchParams;
    return html`<parley-record-form .type=${editor[1] || ''} .editId=${p.get('edit') || ''} .deleteId=${p.get('delete') || ''} .params=${p}></parley-record-form>`;
  }
  switch (path) {
    case '/': return html`<parley-home></parley-home>`;
    case '/search': return html`<parley-search .q=${url.searchParams.get('q') || ''}></parley-search>`;
    case '/sign-in': return html`<parley-sign-in></parley-sign-in>`;
    // Editors only, and loaded only when opened: the first view does not carry it.
    case '/desk': return lazy('parley-desk', () => import('./desk.js'), html`<parley-desk></parley-desk>`);
    default: return html`<h1 tabindex="-1">Page not found</h1><p class="notice">There is nothing at ${path}. <a href="/">Go to the start</a>.</p>`;
  }
}

class ParleyApp extends LitElement {
  static properties = { url: { state: true }, live: { state: true } };

  constructor() {
    super();
    this.url = new URL(location.href);
    this.live = 'idle';
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    this.replaceChildren(); // the static "Loading Parley…" placeholder of index.html
    super.connectedCallback();
    window.addEventListener('popstate', () => this.show(new URL(location.href)));
    this.addEventListener('navigate', (e) => this.navigate(e.detail));
    // Same-origin links to the app's pages route here instead of reloading.
    document.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[href]');
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || /^\/(graphql|q\/|dev\/|static\/)/.test(url.pathname)) return;
      event.preventDefault();
      this.navigate(url.pathname + url.search);
    });
    auth.onChange(() => this.requestUpdate());
    onStatus((status) => (this.live = status));
  }

  navigate(path) {
    const url = new URL(path, location.href);
    if (url.href !== location.href) history.pushState(null, '', url);
    this.show(url);
  }

  async show(url) {
    this.url = url;
    await this.updateComplete;
    window.scrollTo(0, 0);
    // The view renders its heading once its data is in; focus it then, for screen readers.
    requestAnimationFrame(() => setTimeout(() => this.querySelector('main h1')?.focus({ preventScroll: true }), 0));
  }

  search(event) {
    event.preventDefault();
    const q = this.querySelector('#q').value.trim();
    if (q) this.navigate(searchHref(q));
  }

  updated() {
    if (!RECORD_PAGE.test(this.url.pathname)) document.title = 'Parley';
  }

  render() {
    const user = auth.user;
    const liveText = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', idle: '' }[this.live];
    return html`
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <a class="brand" href="/">Parley</a>
        <form role="search" class="search" @submit=${(e) => this.search(e)}>
          <label for="q" class="visually-hidden">Search people, talks, sources</label>
          <input id="q" type="search" name="q" placeholder="Search people, talks, sources…" dir="auto" .value=${this.url.pathname === '/search' ? this.url.searchParams.get('q') || '' : ''} autocomplete="off">
          <button type="submit">Search</button>
        </form>
        <nav aria-label="Account">
          ${liveText ? html`<span class="live live-${this.live}" role="status" title="Live updates">${liveText}</span>` : ''}
          ${auth.canEdit ? html`<a href="/desk">Report desk</a> <a href="/record/talk">Record a talk</a> <a href="/record/source">Add a source</a> <a href="/record">Record…</a>` : ''}
          ${user ? html`<a href="/sign-in" class="user">${user.subject}</a> <button type="button" class="link" @click=${() => auth.signOut()}>Sign out</button>` : html`<a href="/sign-in">Sign in</a>`}
        </nav>
      </header>
      <main id="main">${route(this.url)}</main>
      <footer><p>Every fact links to its source. Data through <a href="/q/graphql-ui">Parley's GraphQL API</a>.</p></footer>`;
  }
}

customElements.define('parley-app', ParleyApp);
