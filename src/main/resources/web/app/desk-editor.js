// An editor for any record of a report bundle, generated from the bundle's JSON Schema: one
// pattern covers people, talks, outcomes, statements and the rest (text, dates, choices,
// yes/no, numbers, places, lists, and references to other records of the bundle as choices).
// Every input carries its path in the record (data-path=".participants[0].personId"), so an
// import problem at "$.talks[3].participants[0].personId" is shown at the input it is about.
import { LitElement, html } from 'lit';
import { fieldName, isRefNode, recordSchema, refTarget, resolve, summary } from './desk-bundle.js';

const cap = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const idOf = (path) => `e${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** A value at a path (a list of keys) of an object, or undefined. */
const at = (value, keys) => keys.reduce((v, k) => (v == null ? undefined : v[k]), value);

class RecordEditor extends LitElement {
  static properties = { schema: { attribute: false }, bundle: { attribute: false }, collection: {}, record: { attribute: false },
    problems: { attribute: false }, draft: { state: true } };

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('record')) this.draft = structuredClone(this.record);
  }

  firstUpdated() {
    const invalid = this.querySelector('[aria-invalid="true"]');
    (invalid || this.querySelector('input, select, textarea'))?.focus();
  }

  /** Sets (or, for undefined, removes) the value at keys; lists and objects along the way are copied. */
  set(keys, value) {
    const draft = structuredClone(this.draft);
    let target = draft;
    keys.slice(0, -1).forEach((k) => (target = target[k]));
    const last = keys[keys.length - 1];
    if (value === undefined && !Array.isArray(target)) delete target[last];
    else target[last] = value;
    this.draft = draft;
  }

  remove(keys) {
    const list = at(this.draft, keys.slice(0, -1));
    this.set(keys.slice(0, -1), list.filter((_, i) => i !== keys[keys.length - 1]));
  }

  save(event) {
    event.preventDefault();
    this.dispatchEvent(new CustomEvent('save', { detail: this.draft }));
  }

  /** The records a reference may name: of its collection, or a cited source's passages. */
  choices(target, keys) {
    if (target === 'passages') {
      const sourceId = at(this.draft, [...keys.slice(0, -1), 'sourceId']);
      const source = this.bundle.sources?.find((s) => s.ref === sourceId);
      return (source?.passages || []).map((p) => [p.ref, p.text.length > 100 ? `${p.text.slice(0, 99)}…` : p.text]);
    }
    return (this.bundle[target] || []).map((r) => [r.ref, summary(this.bundle, target, r)]);
  }

  /** The input(s) for one value of the schema node at keys. */
  input(node, keys, { label, required, described }) {
    const path = keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
    const id = idOf(path);
    const value = at(this.draft, keys);
    const problem = this.problems?.[path];
    const n = resolve(this.schema, node);
    const wrap = (control, cls = '') => html`<div class="field ${cls} ${problem ? 'invalid' : ''}" data-path=${path}>
      ${cls === 'checkbox' ? html`${control}<label for=${id}>${label}</label>` : html`<label for=${id}>${label}${required ? ' (required)' : ''}</label>${control}`}
      ${problem ? html`<p class="field-error" id="${id}-error">${problem}</p>` : ''}</div>`;
    const aria = { describedBy: problem ? `${id}-error` : '', invalid: problem ? 'true' : 'false' };
    const text = (raw) => (raw === '' && !required ? undefined : raw);

    if (keys[keys.length - 1] === 'ref' && isRefNode(node)) {
      return html`<p class="ref-line">Ref <code>${value}</code></p>`;
    }
    if (isRefNode(node)) {
      const target = refTarget(node.description || described);
      const options = this.choices(target, keys);
      const known = options.some(([ref]) => ref === value);
      return wrap(html`<select id=${id} aria-describedby=${aria.describedBy} aria-invalid=${aria.invalid}
          @change=${(e) => this.set(keys, e.target.value || undefined)}>
        <option value="" ?selected=${!value}>${required ? 'choose…' : 'none'}</option>
        ${value && !known ? html`<option value=${value} selected>${value} (not in this bundle)</option>` : ''}
        ${options.map(([ref, text]) => html`<option value=${ref} ?selected=${ref === value}>${text}</option>`)}</select>`);
    }
    if (n.enum) {
      return wrap(html`<select id=${id} aria-describedby=${aria.describedBy} aria-invalid=${aria.invalid}
          @change=${(e) => this.set(keys, e.target.value || undefined)}>
        ${required ? '' : html`<option value="" ?selected=${value == null}>not given</option>`}
        ${n.enum.map((v) => html`<option value=${v} ?selected=${v === value}>${v.toLowerCase().replace(/_/g, ' ')}</option>`)}</select>`);
    }
    if (n.type === 'boolean') {
      return wrap(html`<input id=${id} type="checkbox" .checked=${!!value} aria-describedby=${aria.describedBy} aria-invalid=${aria.invalid}
        @change=${(e) => this.set(keys, e.target.checked)}>`, 'checkbox');
    }
    if (n.type === 'integer' || n.type === 'number') {
      return wrap(html`<input id=${id} type="number" step=${n.type === 'integer' ? '1' : 'any'} .value=${value ?? ''}
        aria-describedby=${aria.describedBy} aria-invalid=${aria.invalid}
        @input=${(e) => this.set(keys, e.target.value === '' ? undefined : Number(e.target.value))}>`);
    }
    if (n.type === 'string') {
      const type = n.format === 'date' ? 'date' : 'text';
      const long = (n.maxLength || 0) > 300;
      const hint = n.format === 'date-time' ? 'e.g. 2025-03-13T18:00:00Z' : n.description || '';
      return wrap(long
        ? html`<textarea id=${id} rows="3" .value=${value ?? ''} aria-describedby=${aria.describedBy} aria-invalid=${aria.invalid}
            @input=${(e) => this.set(keys, text(e.target.value))}></textarea>`
        : html`<input id=${id} type=${type} .value=${value ?? ''} placeholder=${hint} aria-describedby=${aria.describedBy} aria-invalid=${aria.invalid}
            @input=${(e) => this.set(keys, text(e.target.value))}>`);
    }
    if (n.type === 'object') {
      if (value == null) {
        return html`<div class="field" data-path=${path}><button type="button" class="secondary" @click=${() => this.set(keys, this.empty(n))}>Add ${label.toLowerCase()}</button>
          ${problem ? html`<p class="field-error">${problem}</p>` : ''}</div>`;
      }
      return html`<fieldset data-path=${path} class=${problem ? 'invalid' : ''}><legend>${label}</legend>
        ${problem ? html`<p class="field-error">${problem}</p>` : ''}
        ${this.properties(n, keys)}
        ${required ? '' : html`<button type="button" class="secondary" @click=${() => this.set(keys, undefined)}>Remove ${label.toLowerCase()}</button>`}</fieldset>`;
    }
    if (n.type === 'array') {
      const items = value || [];
      const one = label.replace(/ies$/, 'y').replace(/s$/, '');
      return html`<fieldset data-path=${path} class="list ${problem ? 'invalid' : ''}"><legend>${label}</legend>
        ${problem ? html`<p class="field-error">${problem}</p>` : ''}
        ${items.map((_, i) => html`<div class="repeat">
          ${this.input(n.items, [...keys, i], { label: `${one} ${i + 1}`, required: true, described: n.description })}
          <button type="button" class="secondary" aria-label="Remove ${one.toLowerCase()} ${i + 1}" @click=${() => this.remove([...keys, i])}>Remove</button></div>`)}
        <button type="button" class="secondary" @click=${() => this.set(keys, [...items, this.empty(resolve(this.schema, n.items))])}>Add ${one.toLowerCase()}</button></fieldset>`;
    }
    return '';
  }

  /** A new value for a node: an object with its required text fields empty, or an empty string. */
  empty(n) {
    if (n.type === 'object') return Object.fromEntries((n.required || []).map((k) => [k, resolve(this.schema, n.properties[k]).enum?.[0] ?? '']));
    return '';
  }

  properties(n, keys) {
    return Object.entries(n.properties || {}).map(([key, node]) => {
      if (key === 'passages' && keys.length === 0) {
        const passages = this.draft.passages || [];
        return html`<p class="muted">${passages.length} passage${passages.length === 1 ? '' : 's'} (the report's sentences records cite).</p>`;
      }
      return this.input(node, [...keys, key], { label: cap(fieldName(key)), required: (n.required || []).includes(key), described: node.description });
    });
  }

  render() {
    const n = recordSchema(this.schema, this.collection);
    return html`<form class="record-editor" @submit=${(e) => this.save(e)} novalidate>
      ${n.description ? html`<p class="muted">${n.description}</p>` : ''}
      ${this.properties(n, [])}
      <div class="actions"><button type="submit">Save changes</button>
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>Cancel</button></div>
    </form>`;
  }
}

customElements.define('parley-record-editor', RecordEditor);
