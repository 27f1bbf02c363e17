// The base of every view: light DOM (one stylesheet, plain selectors for tests and assistive
// tech), and one load() whose loading, error and empty states look the same everywhere.
import { LitElement, html } from 'lit';

export class View extends LitElement {
  static properties = { state: { state: true } };

  constructor() {
    super();
    this.state = { loading: true };
  }

  createRenderRoot() {
    return this;
  }

  /** Runs fetch() and keeps its result, or its error, in this.state. */
  async load(fetch) {
    const ticket = (this.ticket = {});
    this.state = { ...this.state, loading: true, error: null };
    try {
      const data = await fetch();
      if (ticket === this.ticket) this.state = { loading: false, data };
    } catch (error) {
      if (ticket === this.ticket) this.state = { loading: false, error };
    }
  }

  /** Renders loading, error, "not found" or the view's own content. */
  guarded(content, { notFound } = {}) {
    const { loading, error, data } = this.state;
    if (error) {
      return html`<div class="notice error" role="alert"><p><strong>Could not load this page.</strong> ${error.message}</p>
        <button type="button" @click=${() => this.reload()}>Try again</button></div>`;
    }
    if (!data) return html`<p class="notice loading" role="status" aria-live="polite">Loading…</p>`;
    if (notFound && notFound(data)) return html`<div class="notice" role="status"><h1 tabindex="-1">Not found</h1><p>No such record. It may have been deleted.</p><p><a href="/">Back to the start</a></p></div>`;
    const body = content(data);
    return loading ? html`<div aria-busy="true">${body}</div>` : body;
  }

  /** Stops the live updates the view listens to (this.stop) once it leaves the page. */
  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
  }

  reload() {}

  /** Announces that the first view has rendered (the browser tests read this mark). */
  firstRendered() {
    if (!performance.getEntriesByName('parley:first-view').length) performance.mark('parley:first-view');
  }
}
