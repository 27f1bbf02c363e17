// Forms: sign in with a bearer token here; every record type's form is in _editing/, loaded
// only when an editor opens one. Both show every error Parley names a field for
// (extensions.field, e.g. input.participants[1].personId) at that field, with the helpers below.
import { html } from 'lit';
import { View } from './view.js';
import { GraphQLError } from './graphql.js';
import { auth } from './auth.js';

export const go = (element, path) => element.dispatchEvent(new CustomEvent('navigate', { bubbles: true, detail: path }));

/** Field errors by field name, plus the messages no field on the form shows. */
export function fieldErrors(error, form) {
  const byField = {};
  const general = [];
  for (const e of error.errors || [{ message: error.message }]) {
    const field = e.extensions?.field;
    if (field && form.querySelector(`[data-field="${CSS.escape(field)}"]`)) byField[field] = e.message;
    else general.push(e.message);
  }
  return { byField, general };
}

/** A labelled input whose error, if any, is announced with it. */
export function field(errors, name, text, input, hint) {
  const message = errors.byField?.[name];
  const id = `f-${name.replace(/[^A-Za-z0-9]/g, '-')}`;
  return html`<div class="field ${message ? 'invalid' : ''}" data-field=${name}>
    <label for=${id}>${text}</label>${input(id, message ? `${id}-error` : hint ? `${id}-hint` : null, !!message)}
    ${hint && !message ? html`<small id="${id}-hint" class="hint">${hint}</small>` : ''}
    ${message ? html`<p class="field-error" id="${id}-error">${message}</p>` : ''}</div>`;
}

export class FormView extends View {
  static properties = { errors: { state: true }, busy: { state: true } };
  constructor() {
    super();
    this.errors = {};
  }
  /** Shows the errors and moves focus to the first field named, or the summary. */
  async showErrors(error) {
    this.errors = error instanceof GraphQLError ? fieldErrors(error, this) : { byField: {}, general: [error.message] };
    await this.updateComplete;
    const first = this.querySelector('.field.invalid input, .field.invalid select, .field.invalid textarea') || this.querySelector('.form-errors');
    first?.focus();
  }
  errorSummary() {
    const { general = [], byField = {} } = this.errors;
    const count = Object.keys(byField).length;
    if (!general.length && !count) return '';
    return html`<div class="notice error form-errors" role="alert" tabindex="-1">
      <p><strong>${count ? `${count} field${count > 1 ? 's need' : ' needs'} attention.` : 'Not saved.'}</strong></p>
      ${general.map((m) => html`<p>${m}</p>`)}</div>`;
  }
  needsEditor() {
    if (auth.canEdit) return null;
    return html`<h1 tabindex="-1">Editors only</h1><p class="notice">Recording needs a token with the <code>editor</code> role. <a href="/sign-in">Sign in</a> first.</p>`;
  }
}

// ---------------------------------------------------------------------------------- sign in
class SignInView extends FormView {
  static properties = { offers: { state: true } };
  connectedCallback() {
    super.connectedCallback();
    this.state = { loading: false, data: {} };
    // What this server offers: the identity provider's sign-in, dev mode's throwaway tokens.
    this.offers = { provider: null, devTokens: false };
    auth.settings().then((offers) => (this.offers = offers));
    this.unlisten = auth.onChange(() => this.requestUpdate());
  }
  disconnectedCallback() {
    super.disconnectedCallback();
    this.unlisten?.();
  }
  async mint() {
    const response = await fetch('/dev/token?roles=editor,admin');
    if (!response.ok) return this.showErrors(new Error(`No dev token: HTTP ${response.status}`));
    auth.signIn(await response.text());
    go(this, '/');
  }
  async signInWithProvider() {
    this.busy = true;
    try {
      await auth.signInWithProvider('/sign-in');
    } catch (error) {
      this.busy = false;
      this.showErrors(error);
    }
  }
  submit(event) {
    event.preventDefault();
    const problem = auth.signIn(this.querySelector('#f-token').value);
    if (problem) this.errors = { byField: { token: problem }, general: [] };
    else go(this, '/');
  }
  updated() {
    this.firstRendered();
  }
  render() {
    const user = auth.user;
    const { provider, devTokens } = this.offers;
    const name = provider?.name || 'your organisation';
    return html`<h1 tabindex="-1">Sign in</h1>
      ${auth.completing ? html`<p class="notice loading" role="status">Completing the sign-in with ${name}…</p>` : ''}
      ${auth.notice && !user ? html`<p class="notice error" role="alert">${auth.notice}</p>` : ''}${this.errorSummary()}
      ${user ? html`<p class="notice" role="status">Signed in as <strong>${user.subject}</strong> (<span class="roles">${user.roles.join(', ') || 'no roles'}</span>)${user.expires ? `, until ${user.expires.toLocaleTimeString()}` : ''}.
        <button type="button" @click=${() => auth.signOut()}>Sign out</button></p>` : ''}
      ${provider && !user && !auth.completing ? html`<section aria-labelledby="provider"><h2 id="provider">Your organisation's account</h2>
        <p>Sign in at ${name}; the roles it gives you decide what you may do here.</p>
        <button type="button" id="provider-sign-in" ?disabled=${this.busy} @click=${() => this.signInWithProvider()}>Sign in with ${name}</button></section>` : ''}
      ${devTokens ? html`<section aria-labelledby="dev"><h2 id="dev">Dev mode</h2><p>This server runs in dev mode and mints throwaway tokens.</p>
        <button type="button" id="dev-token" @click=${() => this.mint()}>Sign in as a dev editor</button></section>` : ''}
      <section aria-labelledby="paste"><h2 id="paste">Paste a token</h2>
        <p>A bearer token (JWT) from your identity provider, as scripts use. Editors may create and update, admins may also delete. It is kept in this tab only.</p>
        <form @submit=${(e) => this.submit(e)} novalidate>
          ${field(this.errors, 'token', 'Bearer token', (id, describedBy, invalid) => html`<textarea id=${id} rows="4" required aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}></textarea>`)}
          <button type="submit">Sign in</button>
        </form></section>`;
  }
}

customElements.define('parley-sign-in', SignInView);
