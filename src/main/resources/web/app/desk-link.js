// Finds the stored record a proposed one is, to link them: people by name (the API's forgiving
// people(filter: {name:}), so other spellings, scripts and typos find them), anything else
// through search, kept to the record's type. Only the answer to the latest text typed is shown.
import { LitElement, html } from 'lit';
import { query } from './graphql.js';
import { dateText, titleOf } from './format.js';
import { NOUN, TYPE } from './desk-bundle.js';

const PEOPLE = `query DeskPeople($name: String) { people(filter: {name: $name}, first: 10) { nodes { id name countryCode summary } } }`;
const SEARCH = `query DeskSearch($q: String!) { search(query: $q, first: 30) { result { __typename
  ... on Person { id name } ... on Talk { id title date datePrecision } ... on Track { id name }
  ... on Source { id publisher sourceTitle: title publishedOn } ... on Outcome { id title }
  ... on Statement { id quote speaker { id name } } ... on Envoy { id title person { id name } }
  ... on Trip { id destination { name } envoy { person { id name } } } } } }`;

class LinkPicker extends LitElement {
  static properties = { collection: {}, current: {}, found: { state: true }, error: { state: true } };

  createRenderRoot() {
    return this;
  }

  firstUpdated() {
    this.querySelector('input')?.focus();
  }

  find(text) {
    clearTimeout(this.timer);
    const asked = (this.asked = {});
    this.timer = setTimeout(async () => {
      const q = text.trim();
      if (!q) {
        this.found = null;
        return;
      }
      try {
        let found;
        if (this.collection === 'people') {
          found = (await query(PEOPLE, { name: q })).people.nodes.map((p) => ({ id: p.id, text: p.name, detail: [p.countryCode, p.summary].filter(Boolean).join(' · ') }));
        } else {
          found = (await query(SEARCH, { q })).search.map((hit) => hit.result).filter((r) => r.__typename === TYPE[this.collection])
            .map((r) => ({ id: r.id, text: titleOf(r), detail: r.date ? dateText(r.date, r.datePrecision) : '' }));
        }
        if (this.asked === asked) {
          this.found = found.filter((r) => r.id !== this.current);
          this.error = null;
        }
      } catch (error) {
        if (this.asked === asked) this.error = error.message;
      }
    }, 200);
  }

  render() {
    const noun = NOUN[this.collection];
    const id = `link-${this.collection}`;
    return html`<div class="link-picker" role="group" aria-labelledby="${id}-label">
      <p id="${id}-label"><strong>Which stored ${noun} is it?</strong> Linking keeps the stored record and adds this report's citations to it; everything in the draft that named the proposed ${noun} names the stored one.</p>
      <div class="field"><label for=${id}>Find the ${noun}</label>
        <input id=${id} type="search" autocomplete="off" dir="auto" placeholder=${this.collection === 'people' ? 'a name, another spelling, another script' : 'words of its title'}
          @input=${(e) => this.find(e.target.value)}></div>
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : ''}
      <div role="status" aria-live="polite">${this.found == null ? '' : this.found.length
        ? html`<ul class="link-results">${this.found.map((r) => html`<li><button type="button" class="secondary" data-id=${r.id}
            @click=${() => this.dispatchEvent(new CustomEvent('pick', { detail: r }))}>Link to ${r.text}</button>${r.detail ? html` <span class="muted">${r.detail}</span>` : ''}</li>`)}</ul>`
        : html`<p class="empty">No stored ${noun} matches.</p>`}</div>
      <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>Cancel</button>
    </div>`;
  }
}

customElements.define('parley-link-picker', LinkPicker);
