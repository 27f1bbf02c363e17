// The one form of every record type, driven by its description (types.js): create, edit,
// delete and the type's own actions (ending a mandate). What every form does:
// - each error the API names a field for (extensions.field, e.g. input.participants[1].personId)
//   is shown at that input, with aria-invalid and focus moved there; rows left empty are not
//   sent, and the API's indexes are mapped back to the rows on screen;
// - an edit sends the version it started from (expectedVersion); a CONFLICT shows the stored
//   values next to the draft, to start again from them or to save over them;
// - citations carry the passage that supports the record;
// - reference pickers find people, talks and envoys as the API's forgiving search does (typos,
//   other names and scripts, the last word completed), tracks and sources among those listed;
// - a delete names, before it is tried, what would make the API refuse it, and shows the API's
//   own CONFLICT if it still refuses.
// Loaded by main.js only when an editor opens /record/…: readers never download it.
import { html, nothing } from 'lit';
import { GraphQLError, mutate, query } from '../graphql.js';
import { auth } from '../auth.js';
import { dateText, label } from '../format.js';
import { FormView, field, go } from '../forms.js';
import { PRECISIONS, TARGETS, TYPES } from './types.js';

const enc = encodeURIComponent;
const TYPENAMES = { person: 'Person', talk: 'Talk', track: 'Track', envoy: 'Envoy', source: 'Source' };
const SIMPLE = new Set(['text', 'longtext', 'number', 'integer', 'boolean', 'datetime', 'date', 'enum', 'ref', 'choice']);
const today = () => new Date().toISOString().slice(0, 10);
const isAdmin = () => (auth.user?.roles || []).includes('admin');
const article = (noun) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const pageOf = (spec, id) => `/${spec.page}/${enc(id)}`;

/** A field's name as the API writes it: the prefix, then keys, e.g. input.participants[1].personId. */
const pathOf = (prefix, keys) => keys.reduce((p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${k}` : k), prefix);

/** The path one level up (input.participants[1].personId → input.participants[1] → input.participants). */
const parentOf = (path) => {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : null;
};

// ------------------------------------------------------------------- the description, read
/** The selection that reads what the fields show, derived from their kinds. */
function selection(fields) {
  return fields.map((f) => {
    if (f.select) return f.select;
    const at = f.read ?? f.name;
    switch (f.kind) {
      case 'ref': case 'refs': return `${at} { ${TARGETS[f.to].fields} }`;
      case 'group': case 'list': return `${at} { ${selection(f.fields)} }`;
      case 'date': return f.precision ? `${at} ${f.precision}` : at;
      default: return at;
    }
  }).join(' ');
}

/** The reference targets the fields pick from (people, talks…), each once. */
const targetsOf = (fields) => [...new Set(fields.flatMap((f) => (f.to ? [f.to] : f.fields ? targetsOf(f.fields) : [])))];

const readDocument = (spec) => `query Edit${capital(spec.root)}($id: ID!) { record: ${spec.root}(id: $id) { id version ${selection(spec.fields)} } }`;
const createDocument = (spec) => `mutation Create${capital(spec.root)}($input: ${spec.input}!) { record: ${spec.create}(input: $input) { id } }`;
const updateDocument = (spec) => `mutation Update${capital(spec.root)}($id: ID!, $input: ${spec.input}!, $expectedVersion: Int) {
  record: ${spec.update}(id: $id, input: $input, expectedVersion: $expectedVersion) { id version } }`;
const deleteDocument = ({ remove }) => (remove.versioned
  ? `mutation Delete($id: ID!, $expectedVersion: Int) { ${remove.mutation}(id: $id, expectedVersion: $expectedVersion) }`
  : `mutation Delete($id: ID!) { ${remove.mutation}(id: $id) }`);
const listsDocument = (targets) => `query EditingChoices { ${targets.map((t) => `${t}: ${TARGETS[t].list}(first: 100) { nodes { ${TARGETS[t].fields} } }`).join(' ')} }`;

// ---------------------------------------------------------------------------------- drafts
/** A new record's draft: every field empty, or as the description starts it. */
function emptyDraft(fields, seed = {}) {
  const draft = {};
  for (const f of fields) {
    if (f.name in seed) draft[f.name] = seed[f.name];
    else {
      switch (f.kind) {
        case 'date': draft[f.name] = f.required ? today() : ''; break;
        case 'enum': draft[f.name] = f.initial ?? (f.empty != null ? '' : f.values[0]); break;
        case 'boolean': draft[f.name] = f.initial ?? false; break;
        case 'ref': draft[f.name] = null; break;
        case 'refs': case 'texts': draft[f.name] = []; break;
        case 'group': draft[f.name] = emptyDraft(f.fields); break;
        case 'list': draft[f.name] = (f.rows || []).map((row) => emptyDraft(f.fields, row)); break;
        default: draft[f.name] = '';
      }
    }
    if (f.precision) draft[f.precision] = 'DAY';
  }
  return draft;
}

const stored = (f, record) => (typeof f.read === 'function' ? f.read(record) : record?.[f.read ?? f.name]);

/** The draft of a stored record, so an edit starts from what is stored. */
function draftOf(fields, record) {
  const draft = {};
  for (const f of fields) {
    const value = stored(f, record);
    switch (f.kind) {
      case 'date':
        draft[f.name] = value ?? '';
        if (f.precision) draft[f.precision] = record[f.precision] ?? 'DAY';
        break;
      case 'datetime': draft[f.name] = value ? value.slice(0, 16) : ''; break; // UTC, as the API returns it
      case 'boolean': draft[f.name] = !!value; break;
      case 'ref': draft[f.name] = value ?? null; break;
      case 'refs': case 'texts': draft[f.name] = [...(value || [])]; break;
      case 'group': draft[f.name] = value ? draftOf(f.fields, value) : emptyDraft(f.fields); break;
      case 'list': draft[f.name] = (value || []).map((row) => draftOf(f.fields, row)); break;
      default: draft[f.name] = value ?? '';
    }
  }
  return draft;
}

/** A row nobody filled in: choices and check boxes always hold a value and do not count. */
function blank(fields, row) {
  return fields.every((f) => {
    const v = row[f.name];
    switch (f.kind) {
      case 'enum': case 'choice': case 'boolean': return true;
      case 'ref': return !v;
      case 'refs': case 'texts': case 'list': return !v.length;
      case 'group': return blank(f.fields, v);
      default: return !String(v ?? '').trim();
    }
  });
}

/**
 * The API's input from a draft. Rows left empty are dropped; `kept` remembers which rows were
 * sent under each list's path, so that an error at input.citations[0] is shown at the row on
 * screen it came from. Values that cannot be sent at all (a required date left empty, a number
 * that is not one) are `problems`, shown at their field without asking the API.
 */
function inputOf(fields, draft, path, conversion) {
  const input = {};
  for (const f of fields) {
    const at = pathOf(path, [f.name]);
    const v = draft[f.name];
    const problem = (message) => (conversion.problems[at] = message);
    switch (f.kind) {
      case 'text': case 'longtext': input[f.name] = v.trim() || (f.required ? '' : null); break;
      case 'date':
        if (!v && f.required) problem('is required');
        input[f.name] = v || null;
        if (f.precision) input[f.precision] = v ? draft[f.precision] : null;
        break;
      case 'datetime': input[f.name] = v ? `${v.length === 16 ? `${v}:00` : v}Z` : null; break;
      case 'enum': case 'choice': input[f.name] = v || null; break;
      case 'boolean': input[f.name] = !!v; break;
      case 'number': case 'integer': {
        const text = String(v ?? '').trim();
        input[f.name] = text ? Number(text) : null;
        if (!text && f.required) problem('is required');
        else if (text && (!Number.isFinite(input[f.name]) || (f.kind === 'integer' && !Number.isInteger(input[f.name])))) {
          problem(f.kind === 'integer' ? 'must be a whole number' : 'must be a number');
        }
        break;
      }
      case 'ref':
        if (!v && f.required) problem(`is required: choose ${article(f.to)}`);
        input[f.name] = v?.id ?? null;
        break;
      case 'refs': {
        const kept = (conversion.kept[at] = v.flatMap((x, i) => (x ? [i] : [])));
        input[f.name] = kept.map((i) => v[i].id);
        break;
      }
      case 'texts': {
        const kept = (conversion.kept[at] = v.flatMap((x, i) => (x.trim() ? [i] : [])));
        input[f.name] = kept.map((i) => v[i].trim());
        break;
      }
      case 'group': input[f.name] = f.nullUnless && !String(v[f.nullUnless]).trim() ? null : inputOf(f.fields, v, at, conversion); break;
      case 'list': {
        const kept = (conversion.kept[at] = v.flatMap((row, i) => (blank(f.fields, row) ? [] : [i])));
        input[f.name] = kept.map((i) => inputOf(f.fields, v[i], `${at}[${i}]`, conversion));
        break;
      }
      default: input[f.name] = v;
    }
  }
  return input;
}

/** The path on screen of a field the API names by the index it was sent at. */
function onScreen(path, kept) {
  let out = '';
  let rest = path;
  let m;
  while ((m = rest.match(/^([^[]*)\[(\d+)\]/))) {
    const list = out + m[1];
    const index = Number(m[2]);
    out = `${list}[${kept[list]?.[index] ?? index}]`;
    rest = rest.slice(m[0].length);
  }
  return out + rest;
}

/** A field's value in words, for the table that sets the stored record beside the draft. */
function summary(f, draft) {
  const v = draft[f.name];
  switch (f.kind) {
    case 'date': return v ? dateText(v, f.precision ? draft[f.precision] : 'DAY') : '';
    case 'datetime': return v ? `${v.replace('T', ' ')} UTC` : '';
    case 'enum': return v ? label(v) : f.empty ? `(${f.empty})` : '';
    case 'boolean': return v ? 'yes' : 'no';
    case 'ref': return v ? TARGETS[f.to].text(v) : '';
    case 'refs': return v.filter(Boolean).map(TARGETS[f.to].text).join('; ');
    case 'texts': return v.filter((x) => x.trim()).join(', ');
    case 'group': return f.fields.map((s) => summary(s, v)).filter(Boolean).join(', ');
    case 'list': {
      const rows = v.filter((row) => !blank(f.fields, row));
      return rows.length ? `${rows.length}: ${rows.map((row) => summary(f.fields[0], row)).join('; ')}` : '';
    }
    case 'choice': return v ? f.options(draft).find(([value]) => value === v)?.[1] ?? v : '';
    default: return String(v ?? '').trim();
  }
}

function at(draft, keys) {
  return keys.reduce((o, k) => o?.[k], draft);
}

function assign(draft, keys, value) {
  const parent = at(draft, keys.slice(0, -1));
  parent[keys[keys.length - 1]] = value;
}

// ---------------------------------------------------------------------------- the component
class RecordForm extends FormView {
  static properties = {
    type: {}, editId: {}, deleteId: {}, params: { attribute: false },
    draft: { state: true }, conflict: { state: true }, found: { state: true }, removal: { state: true }, extra: { state: true },
  };

  constructor() {
    super();
    this.finds = {};
    this.timers = {};
    this.found = {};
    this.kept = {};
  }

  get spec() {
    return TYPES[this.type];
  }

  willUpdate(changed) {
    if (changed.has('type') || changed.has('editId') || changed.has('deleteId')) this.reload();
  }

  reload() {
    Object.values(this.timers).forEach((t) => clearTimeout(t.timer));
    // The element stays when the URL names another type or record: nothing of the last one may show.
    Object.assign(this, { errors: {}, conflict: null, found: {}, finds: {}, timers: {}, removal: null, kept: {}, focused: false, draft: null });
    this.state = { loading: true };
    const spec = this.spec;
    if (!spec || !auth.canEdit) {
      this.state = { loading: false, data: {} };
      return;
    }
    this.load(async () => {
      if (this.deleteId) return this.loadRemoval(spec);
      const targets = targetsOf([...spec.fields, ...(spec.actions || []).flatMap((a) => a.fields)]);
      const [lists, record, prefilled] = await Promise.all([
        targets.length ? query(listsDocument(targets)) : {},
        this.editId ? query(readDocument(spec), { id: this.editId }).then((d) => d.record) : null,
        this.editId ? {} : this.prefilled(spec),
      ]);
      if (this.editId && !record) return { missing: true };
      this.version = record?.version;
      this.draft = record ? draftOf(spec.fields, record) : { ...emptyDraft(spec.fields), ...prefilled };
      this.extra = Object.fromEntries((spec.actions || []).map((a) => [a.id, emptyDraft(a.fields)]));
      return { lists, record };
    });
  }

  /** What the URL names for a new record's references: /record/outcome?talk=<id> starts with that talk. */
  async prefilled(spec) {
    const wanted = Object.entries(spec.prefill || {}).filter(([param]) => this.params?.get(param));
    if (!wanted.length) return {};
    const fieldOf = (name) => spec.fields.find((f) => f.name === name);
    const document = `query Prefill(${wanted.map(([p]) => `$${p}: ID!`).join(', ')}) { ${wanted.map(([p, name]) => {
      const to = fieldOf(name).to;
      return `${p}: node(id: $${p}) { __typename ... on ${TYPENAMES[to]} { ${TARGETS[to].fields} } }`;
    }).join(' ')} }`;
    const data = await query(document, Object.fromEntries(wanted.map(([p]) => [p, this.params.get(p)])));
    const draft = {};
    for (const [p, name] of wanted) {
      const f = fieldOf(name);
      if (data[p]?.__typename === TYPENAMES[f.to]) draft[name] = f.kind === 'refs' ? [data[p]] : data[p];
    }
    return draft;
  }

  async loadRemoval(spec) {
    const { remove } = spec;
    const [{ record }, counts] = await Promise.all([query(readDocument(spec), { id: this.deleteId }),
      remove.count ? query(remove.count, { id: this.deleteId }) : null]);
    if (!record) return { missing: true };
    return { record, blockers: counts?.r ? remove.blockers(counts).filter(([n]) => n > 0) : [] };
  }

  updated() {
    const { data } = this.state;
    if (!data) return;
    this.firstRendered();
    document.title = `${this.querySelector('h1')?.textContent.trim() || 'Record'} · Parley`;
    if (!this.focused && !this.state.loading) {
      // The app focuses the view's heading as it opens; this view's came later, with its chunk.
      this.focused = true;
      const wanted = this.params?.get('end') ? this.querySelector('#f-endDate') : null;
      if (wanted) {
        wanted.scrollIntoView({ block: 'center' });
        wanted.focus();
      } else if (!this.contains(document.activeElement)) this.querySelector('h1')?.focus({ preventScroll: true });
    }
  }

  // --------------------------------------------------------------------------- changes
  /** Changes the draft (or an action's, ctx.action) through fn on a copy, so lit sees it. */
  change(ctx, fn) {
    if (ctx.action) {
      const draft = structuredClone(this.extra[ctx.action]);
      fn(draft);
      this.extra = { ...this.extra, [ctx.action]: draft };
    } else {
      const draft = structuredClone(this.draft);
      fn(draft);
      this.draft = draft;
    }
  }

  set(ctx, keys, value) {
    this.change(ctx, (d) => assign(d, keys, value));
  }

  /** Rows of a list move up when one is removed: what pickers below it were finding is dropped. */
  removeRow(ctx, keys, index) {
    const prefix = `${pathOf(ctx.prefix, keys)}[`;
    for (const path of Object.keys(this.timers)) {
      if (path.startsWith(prefix)) {
        clearTimeout(this.timers[path].timer);
        delete this.timers[path];
      }
    }
    this.finds = Object.fromEntries(Object.entries(this.finds).filter(([path]) => !path.startsWith(prefix)));
    this.found = Object.fromEntries(Object.entries(this.found).filter(([path]) => !path.startsWith(prefix)));
    this.change(ctx, (d) => at(d, keys).splice(index, 1));
  }

  /**
   * What the picker at `path` offers for what was typed in its finder: people, talks and envoys
   * as the API matches them, 200 ms after the last key, showing only the answer to the latest
   * text; tracks and sources among those listed, by their words.
   */
  find(path, to, text) {
    this.finds = { ...this.finds, [path]: text };
    clearTimeout(this.timers[path]?.timer);
    const asked = (this.timers[path] = {});
    const target = TARGETS[to];
    if (!text.trim()) {
      this.found = { ...this.found, [path]: null };
      return;
    }
    if (!target.find) {
      const words = fold(text).split(/\s+/).filter(Boolean);
      const listed = this.state.data.lists[to].nodes;
      this.found = { ...this.found, [path]: listed.filter((x) => words.every((w) => fold(target.text(x)).includes(w))) };
      return;
    }
    asked.timer = setTimeout(async () => {
      try {
        const { found } = await query(target.find, { q: text.trim() });
        if (this.timers[path] === asked) this.found = { ...this.found, [path]: found.nodes };
      } catch (error) {
        if (this.timers[path] === asked) this.showErrors(error);
      }
    }, 200);
  }

  choose(ctx, keys, f, id) {
    const path = pathOf(ctx.prefix, keys);
    const known = [at(ctx.draft, keys), ...(this.found[path] || []), ...(this.state.data.lists?.[f.to]?.nodes || [])];
    const chosen = (id && known.find((x) => x?.id === id)) || null;
    this.change(ctx, (d) => {
      assign(d, keys, chosen);
      (f.resets || []).forEach((name) => assign(d, [...keys.slice(0, -1), name], ''));
    });
  }

  // ---------------------------------------------------------------------------- errors
  /** Each error at the field on screen it names (or the nearest one around it), the rest above the form. */
  async showErrors(error, { sent = true } = {}) {
    const errors = error instanceof GraphQLError || Array.isArray(error.errors) ? error.errors : [{ message: error.message }];
    const byField = {};
    const general = [];
    for (const e of errors) {
      let path = e.extensions?.field && (sent ? onScreen(e.extensions.field, this.kept) : e.extensions.field);
      while (path && !this.querySelector(`[data-field="${CSS.escape(path)}"]`)) path = parentOf(path);
      if (path) byField[path] = byField[path] ? `${byField[path]}; ${e.message}` : e.message;
      else general.push(e.message);
    }
    this.errors = { byField, general };
    await this.updateComplete;
    const first = this.querySelector('.field.invalid input, .field.invalid select, .field.invalid textarea, .invalid-group .field-error[tabindex]') || this.querySelector('.form-errors');
    first?.focus();
  }

  /** Fails with the problems the draft has before the API is asked, at their fields. */
  problems(conversion) {
    const entries = Object.entries(conversion.problems);
    if (!entries.length) return false;
    this.showErrors({ errors: entries.map(([f, message]) => ({ message, extensions: { code: 'BAD_USER_INPUT', field: f } })) }, { sent: false });
    return true;
  }

  // ------------------------------------------------------------------------------ saving
  async submit(event) {
    event?.preventDefault();
    const spec = this.spec;
    const conversion = { problems: {}, kept: {} };
    const input = inputOf(spec.fields, this.draft, 'input', conversion);
    this.kept = conversion.kept;
    if (this.problems(conversion)) return;
    this.busy = true;
    this.conflict = null;
    try {
      if (this.editId) {
        await mutate(updateDocument(spec), { id: this.editId, input, expectedVersion: this.version });
        go(this, pageOf(spec, this.editId));
      } else {
        const { record } = await mutate(createDocument(spec), { input });
        go(this, pageOf(spec, record.id));
      }
    } catch (error) {
      if (error instanceof GraphQLError && error.code === 'CONFLICT' && this.editId) await this.explainConflict(error);
      else this.showErrors(error);
    } finally {
      this.busy = false;
    }
  }

  /** Someone saved the record after it was opened here: show what is stored now, next to this draft. */
  async explainConflict(error) {
    try {
      const { record } = await query(readDocument(this.spec), { id: this.editId });
      // Not a stale version (a unique value taken, say), or deleted meanwhile: say what the API said.
      if (!record || record.version === this.version) return this.showErrors(error);
      const current = draftOf(this.spec.fields, record);
      const rows = this.spec.fields.map((f) => [f.label, summary(f, current), summary(f, this.draft)]);
      this.conflict = { message: error.message, version: record.version, current, rows };
      this.errors = {};
      await this.updateComplete;
      this.querySelector('.conflict')?.focus();
    } catch (e) {
      this.showErrors(e);
    }
  }

  useCurrent() {
    this.draft = this.conflict.current;
    this.version = this.conflict.version;
    this.conflict = null;
    this.errors = {};
  }

  async overwrite() {
    this.version = this.conflict.version;
    this.conflict = null;
    await this.submit(null);
  }

  async runAction(event, action) {
    event.preventDefault();
    const conversion = { problems: {}, kept: {} };
    const values = inputOf(action.fields, this.extra[action.id], '', conversion);
    this.kept = {};
    if (this.problems(conversion)) return;
    this.busy = true;
    try {
      await mutate(action.mutation, { id: this.editId, ...values });
      go(this, pageOf(this.spec, this.editId));
    } catch (error) {
      this.showErrors(error);
    } finally {
      this.busy = false;
    }
  }

  async deleteRecord(record) {
    const { remove } = this.spec;
    this.busy = true;
    try {
      await mutate(deleteDocument(this.spec), { id: record.id, ...(remove.versioned ? { expectedVersion: record.version } : {}) });
      this.removal = { done: true };
    } catch (error) {
      this.removal = { error };
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.querySelector(this.removal.done ? 'h1' : '.refused')?.focus();
  }

  // ----------------------------------------------------------------------------- fields
  /** One field of the description, at keys in the draft (ctx: which draft, and its path prefix). */
  renderField(f, ctx, keys, row) {
    const path = pathOf(ctx.prefix, keys);
    const value = at(ctx.draft, keys);
    const caption = `${f.label}${f.required && f.kind !== 'boolean' ? ' (required)' : ''}`;
    const input = (type, extra = {}) => field(this.errors, path, caption, (id, describedBy, invalid) => html`<input id=${id} type=${type}
      step=${extra.step ?? nothing} dir=${f.dir ?? nothing} .value=${String(value ?? '')} @input=${(e) => this.set(ctx, keys, e.target.value)}
      aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}>`, extra.hint ?? f.hint);
    const select = (name, text, options, current, onChange, empty) => field(this.errors, name, text, (id, describedBy, invalid) => html`<select id=${id}
      @change=${(e) => onChange(e.target.value)} aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}>
      ${empty != null ? html`<option value="" ?selected=${!current}>${empty}</option>` : ''}
      ${options.map(([v, t]) => html`<option value=${v} ?selected=${current === v}>${t}</option>`)}</select>`, f.kind === 'enum' || f.kind === 'choice' ? f.hint : undefined);
    switch (f.kind) {
      case 'text': return input(f.type || 'text');
      case 'number': return input('number', { step: 'any' });
      case 'integer': return input('number', { step: '1' });
      case 'datetime': return input('datetime-local', { hint: f.hint || 'in UTC' });
      case 'longtext': return field(this.errors, path, caption, (id, describedBy, invalid) => html`<textarea id=${id} rows="3" dir=${f.dir ?? nothing}
        .value=${value ?? ''} @input=${(e) => this.set(ctx, keys, e.target.value)} aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}></textarea>`, f.hint);
      case 'date': return f.precision
        ? html`<div class="row">${input('date', { hint: f.hint || 'for a month or year: its first day' })}
            ${select(pathOf(ctx.prefix, [...keys.slice(0, -1), f.precision]), `${f.label}: known to the`, PRECISIONS.map((p) => [p, label(p)]),
              row[f.precision], (v) => this.set(ctx, [...keys.slice(0, -1), f.precision], v))}</div>`
        : input('date');
      case 'enum': return select(path, caption, f.values.map((v) => [v, label(v)]), value, (v) => this.set(ctx, keys, v), f.empty);
      case 'choice': return select(path, caption, f.options(row), value, (v) => this.set(ctx, keys, v), f.empty);
      case 'boolean': {
        const message = this.errors.byField?.[path];
        const id = `f-${path.replace(/[^A-Za-z0-9]/g, '-')}`;
        return html`<div class="field checkbox ${message ? 'invalid' : ''}" data-field=${path}><input id=${id} type="checkbox" .checked=${!!value}
          @change=${(e) => this.set(ctx, keys, e.target.checked)} aria-invalid=${!!message}><label for=${id}>${f.label}</label>
          ${message ? html`<p class="field-error">${message}</p>` : ''}</div>`;
      }
      case 'ref': return this.picker(f, ctx, keys, caption);
      case 'refs': return this.repeated(f, ctx, keys, value, (i) => this.picker({ ...f, kind: 'ref', required: false }, ctx, [...keys, i], `${capital(f.item)} ${i + 1}`), null);
      case 'texts': return this.repeated(f, ctx, keys, value, (i) => this.renderField({ name: i, label: `${capital(f.item)} ${i + 1}`, kind: 'text', dir: 'auto' }, ctx, [...keys, i], value), '');
      case 'group': return html`<fieldset data-field=${path} class=${this.errors.byField?.[path] ? 'invalid-group' : ''}><legend>${f.label}</legend>
        ${this.groupError(path)}<div class="row">${f.fields.map((s) => this.renderField(s, ctx, [...keys, s.name], value))}</div></fieldset>`;
      case 'list': return this.repeated(f, ctx, keys, value, (i) => html`<div class="row">${f.fields.map((s) => this.renderField(s, ctx, [...keys, i, s.name], value[i]))}</div>`,
        () => emptyDraft(f.fields));
      default: return '';
    }
  }

  groupError(path) {
    const message = this.errors.byField?.[path];
    return message ? html`<p class="field-error" tabindex="-1">${message}</p>` : '';
  }

  /** A repeatable part: rows with Remove buttons, one button to add a row, errors about the whole list. */
  repeated(f, ctx, keys, rows, renderRow, newRow) {
    const path = pathOf(ctx.prefix, keys);
    const add = f.add || `Add ${article(f.item)}`;
    return html`<fieldset data-field=${path} class="repeated ${this.errors.byField?.[path] ? 'invalid-group' : ''}"><legend>${f.label}</legend>
      ${f.hint ? html`<p class="hint">${f.hint}</p>` : ''}${this.groupError(path)}
      ${rows.map((_, i) => html`<div class="repeat" role="group" aria-label="${capital(f.item)} ${i + 1}" data-row="${path}[${i}]">${renderRow(i)}
        <button type="button" class="secondary" aria-label="Remove ${f.item} ${i + 1}" @click=${() => this.removeRow(ctx, keys, i)}>Remove</button></div>`)}
      <button type="button" class="secondary" @click=${() => this.change(ctx, (d) => at(d, keys).push(typeof newRow === 'function' ? newRow() : newRow))}>${add}</button>
      ${f.name === 'citations' ? html`<a href="/record/source" target="_blank" rel="noopener">New source (opens a new tab)…</a>` : ''}</fieldset>`;
  }

  /** A reference: a finder that narrows the choices as one types, and the choice itself. */
  picker(f, ctx, keys, caption) {
    const path = pathOf(ctx.prefix, keys);
    const target = TARGETS[f.to];
    const value = at(ctx.draft, keys);
    const id = `f-${path.replace(/[^A-Za-z0-9]/g, '-')}`;
    const candidates = this.found[path] || this.state.data.lists?.[f.to]?.nodes || [];
    const options = value && !candidates.some((x) => x.id === value.id) ? [value, ...candidates] : candidates;
    return html`<div class="row picker" data-picker=${path}>
      <div class="field"><label for="find-${id.slice(2)}">Find: ${caption.replace(' (required)', '').toLowerCase()}</label>
        <input id="find-${id.slice(2)}" type="search" dir="auto" .value=${this.finds[path] || ''} @input=${(e) => this.find(path, f.to, e.target.value)}
          placeholder=${target.placeholder} autocomplete="off"></div>
      ${field(this.errors, path, caption, (fid, describedBy, invalid) => html`<select id=${fid} @change=${(e) => this.choose(ctx, keys, f, e.target.value)}
        aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}>
        <option value="" ?selected=${!value}>${options.length ? `choose ${article(f.to)}` : 'nothing matches'}</option>
        ${options.map((x) => html`<option value=${x.id} ?selected=${value?.id === x.id}>${target.text(x)}</option>`)}</select>`)}</div>`;
  }

  // ------------------------------------------------------------------------------ views
  render() {
    const refused = this.needsEditor();
    if (refused) return refused;
    if (!this.type) return this.index();
    const spec = this.spec;
    if (!spec) return html`<h1 tabindex="-1">Page not found</h1><p class="notice">Parley has no record type “${this.type}”. <a href="/record">Record something else</a>.</p>`;
    return this.guarded((data) => {
      if (data.missing) return html`<h1 tabindex="-1">Not found</h1><p class="notice">No such ${spec.noun}. It may have been deleted.</p><p><a href="/">Back to the start</a></p>`;
      return this.deleteId ? this.removalView(spec, data) : this.form(spec, data);
    });
  }

  index() {
    return html`<h1 tabindex="-1">Record</h1><p class="lede">Every record is tied to its sources: add the source first, then what it reports.</p>
      <ul class="records record-types">${Object.entries(TYPES).map(([type, spec]) => html`<li><a href="/record/${type}">${spec.createHeading || `Record ${article(spec.noun)}`}</a></li>`)}</ul>`;
  }

  form(spec, { record }) {
    const ctx = { prefix: 'input', draft: this.draft };
    const simple = spec.fields.filter((f) => SIMPLE.has(f.kind));
    const parts = spec.fields.filter((f) => !SIMPLE.has(f.kind));
    return html`${record ? html`<p class="crumbs"><a href=${pageOf(spec, record.id)}>${capital(spec.noun)}: ${spec.heading(record)}</a></p>` : ''}
      <h1 tabindex="-1">${record ? html`Edit ${spec.noun} “${spec.heading(record)}”` : spec.createHeading || `Record ${article(spec.noun)}`}</h1>
      ${this.conflict ? this.conflictNotice(spec) : ''}
      <form class="record-form" data-type=${this.type} @submit=${(e) => this.submit(e)} novalidate>${this.errorSummary()}
        <fieldset><legend>The ${spec.noun}</legend>${simple.map((f) => this.renderField(f, ctx, [f.name], this.draft))}</fieldset>
        ${parts.map((f) => this.renderField(f, ctx, [f.name], this.draft))}
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : record ? 'Save changes' : spec.createButton || `Record ${spec.noun}`}</button>
        ${record ? html`<a href=${pageOf(spec, record.id)}>Cancel</a>` : ''}
      </form>
      ${record ? (spec.actions || []).filter((a) => a.when(record)).map((a) => this.action(a)) : ''}
      ${record && isAdmin() ? html`<section aria-labelledby="delete-h"><h2 id="delete-h">Delete</h2>
        <p>${spec.remove.rule}</p><a class="button secondary danger" href="/record/${this.type}?delete=${enc(record.id)}">Delete this ${spec.noun}…</a></section>` : ''}`;
  }

  conflictNotice(spec) {
    return html`<div class="notice error conflict" role="alert" tabindex="-1">
      <p><strong>Someone else saved this ${spec.noun} after you opened it</strong> (now version ${this.conflict.version}). Nothing of yours was saved. ${this.conflict.message}</p>
      <div class="table-scroll"><table><caption>Stored now, and your draft</caption><thead><tr><th scope="col">Field</th><th scope="col">Current value</th><th scope="col">Your draft</th></tr></thead>
      <tbody>${this.conflict.rows.map(([f, now, mine]) => html`<tr class=${now !== mine ? 'differs' : ''}><th scope="row">${f}</th><td>${now || '—'}</td><td>${mine || '—'}</td></tr>`)}</tbody></table></div>
      <button type="button" @click=${() => this.useCurrent()}>Start again from the current values</button>
      <button type="button" @click=${() => this.overwrite()}>Save my draft over them</button></div>`;
  }

  action(a) {
    const ctx = { prefix: '', draft: this.extra[a.id], action: a.id };
    return html`<section class="record-action" id=${a.id} aria-labelledby="${a.id}-h"><h2 id="${a.id}-h">${a.legend}</h2>
      <p>${a.text}</p>
      <form @submit=${(e) => this.runAction(e, a)} novalidate>
        ${a.fields.map((f) => this.renderField(f, ctx, [f.name], ctx.draft))}
        <button type="submit" ?disabled=${this.busy}>${a.button}</button></form></section>`;
  }

  removalView(spec, { record, blockers }) {
    const { remove } = spec;
    const name = spec.heading(record);
    if (this.removal?.done) {
      const back = spec.back?.(record);
      return html`<h1 tabindex="-1">Deleted</h1><p class="notice" role="status">The ${spec.noun} “${name}” is deleted. Its revision history is kept.</p>
        <p>${back ? html`<a href=${back[0]}>Back to ${back[1]}</a> · ` : ''}<a href="/">Back to the start</a></p>`;
    }
    const error = this.removal?.error;
    const count = (list) => list.map(([n, one, many], i) => `${i ? (i === list.length - 1 ? ' and ' : ', ') : ''}${n} ${n === 1 ? one : many}`).join('');
    return html`<p class="crumbs"><a href=${pageOf(spec, record.id)}>${capital(spec.noun)}: ${name}</a></p>
      <h1 tabindex="-1">Delete the ${spec.noun} “${name}”?</h1>
      <div class="notice confirm-delete">
        <p class="rule">${remove.rule}</p>
        ${remove.count ? (blockers.length
          ? html`<p class="blockers"><strong>Parley will refuse it now:</strong> it is ${remove.by || 'referred to by'} ${count(blockers)}. Change or delete those first.</p>`
          : html`<p class="blockers">Nothing refers to it now${remove.unchecked ? ` that can be counted here (${remove.unchecked} are checked when you delete)` : ''}.</p>`) : ''}
        <p>Its revision history is kept after it is deleted.</p>
      </div>
      ${error ? html`<div class="notice error refused" role="alert" tabindex="-1"><p><strong>${error.code === 'CONFLICT' ? 'Parley refused to delete it.' : 'Not deleted.'}</strong> ${error.message}</p></div>` : ''}
      <p class="actions">${isAdmin()
        ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.deleteRecord(record)}>${this.busy ? 'Deleting…' : `Delete this ${spec.noun}`}</button>`
        : html`<span class="notice">Deleting needs the <code>admin</code> role; your sign-in has ${(auth.user?.roles || []).join(', ') || 'none'}.</span>`}
        <a class="button secondary" href=${pageOf(spec, record.id)}>Keep it</a></p>`;
  }
}

customElements.define('parley-record-form', RecordForm);
