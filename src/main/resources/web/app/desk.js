// The report desk (/desk), for editors: from a report to records. Paste a report and its
// source's details, or pick a bundle file; review the draft one proposed record at a time,
// each beside its passages highlighted in the report; accept, edit (a form generated from the
// bundle's JSON Schema), drop (saying what else goes with it) or link a record to the stored
// one it is; check, import, and land on the records. Loaded with import() the first time an
// editor opens it, so the first view never carries it.
import { LitElement, css, html } from 'lit';
import { idempotencyKey, mutate, readAfterHeader, rememberWrite } from './graphql.js';
import { auth } from './auth.js';
import { COLLECTIONS, NOUN, TYPE, bundleSchema, dropping, find, locate, pageOf, pathWords, storedType, summary } from './desk-bundle.js';
import './desk-editor.js';
import './desk-link.js';

const DRAFT = `mutation DeskDraft($report: ReportInput!) { draftBundle(report: $report) {
  bundle tookMs proposals { ref collection label action matchedId confidence notes passages { ref start end text } } } }`;
const LINK = `mutation DeskLink($bundle: String!, $ref: String!, $id: ID!) { linkBundleRecord(bundle: $bundle, ref: $ref, id: $id) { bundle ref notes } }`;
const KEY = 'parley.desk';
const EMPTY_REPORT = { text: '', publisher: '', title: '', url: '', publishedOn: '', language: 'en' };
const STATES = { open: 'to review', accepted: 'accepted', edited: 'edited', linked: 'linked', dropped: 'dropped' };
const OUTCOMES = { CREATED: 'would be created', UPDATED: 'would update the stored record', MATCHED: 'matches a stored record, unchanged' };
const DONE = { CREATED: 'created', UPDATED: 'updated', MATCHED: 'matched, unchanged' };

// The desk's own styles, adopted by the document when the desk first loads: the first view's
// stylesheet does not carry them either. Constructed stylesheets keep the strict CSP.
const styles = css`
  .desk-columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0 2rem; align-items: start; }
  .desk-columns > .report { position: sticky; top: 0.5rem; }
  .report-text { white-space: pre-wrap; max-height: 75vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.9rem; background: #fff; }
  .report-text mark { background: #ffe066; outline: 2px solid #b38600; }
  ol.proposals { list-style: none; padding: 0; margin: 0; }
  li.proposal { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; padding: 0.5rem 0.8rem; margin-bottom: 0.6rem; }
  li.proposal.selected { border-left-color: var(--accent); background: #f7fbff; }
  li.proposal.state-accepted, li.proposal.state-edited, li.proposal.state-linked { border-left-color: #176639; }
  li.proposal.state-dropped { opacity: 0.75; }
  li.proposal.state-dropped .what { text-decoration: line-through; }
  li.proposal.has-problems { border-left-color: var(--error); }
  .proposal-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.6rem; }
  button.proposal-summary { background: none; border: none; color: var(--ink); padding: 0; text-align: left; font-weight: 600; cursor: pointer; }
  button.proposal-summary:hover { background: none; color: var(--accent-dark); text-decoration: underline; }
  .tag { font-size: 0.8rem; border-radius: 3px; padding: 0 0.35rem; border: 1px solid; }
  .tag.create { color: #7a3406; background: #fdf0e4; }
  .tag.match, .tag.link { color: #14532d; background: #e6f4ea; }
  .tag.file { color: var(--muted); background: var(--soft); }
  .confidence, .state { font-size: 0.85rem; color: var(--muted); }
  .adds { margin: 0.3rem 0 0; font-size: 0.92rem; }
  .proposal-actions { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 0.4rem; }
  .proposal-actions button { padding: 0.15rem 0.6rem; }
  .panel { border-top: 1px dashed var(--line); margin-top: 0.6rem; padding-top: 0.4rem; }
  .desk-toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.6rem 0; }
  ul.problems li, ul.row-problems li { margin: 0.2rem 0; }
  ul.row-problems { color: var(--error); margin: 0.3rem 0 0; padding-left: 1.2rem; }
  ul.link-results { list-style: none; padding: 0; }
  ul.link-results li { margin: 0.3rem 0; }
  .ref-line { font-size: 0.85rem; color: var(--muted); margin: 0.2rem 0; }
  fieldset.invalid { border-color: var(--error); }
  .record-editor .actions { display: flex; gap: 0.5rem; margin-top: 0.6rem; }
  ul.imported { list-style: none; padding: 0; }
  ul.imported li { padding: 0.3rem 0; border-bottom: 1px solid var(--soft); }
  @media (min-width: 901px) { ol.proposals.with-text .quotes { display: none; } }
  @media (max-width: 900px) { .desk-columns { grid-template-columns: minmax(0, 1fr); } .desk-columns > .report { position: static; } }
`;
if (styles.styleSheet && !document.adoptedStyleSheets.includes(styles.styleSheet)) {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, styles.styleSheet];
}

const IMPORT = `mutation DeskImport($bundle: String!, $dryRun: Boolean) { importBundle(bundle: $bundle, dryRun: $dryRun) {
  created matched updated dryRun records { ref type id action } } }`;
/** Bundles up to this many characters go through importBundle; GraphQL requests are held to 256 KB, POST /import takes more. */
const GRAPHQL_BUNDLE = 200_000;

/**
 * Imports (or, as a dry run, checks) a bundle's JSON text: the result, or an error with the
 * bundle's problems at their JSON paths (error.problems). A refusal through importBundle is a
 * GraphQL answer with errors, not a failed request the browser would log as one.
 */
async function importing(text, dryRun) {
  if (text.length <= GRAPHQL_BUNDLE) {
    try {
      return (await mutate(IMPORT, { bundle: text, dryRun })).importBundle;
    } catch (error) {
      error.problems = error.errors?.[0]?.extensions?.problems || null;
      throw error;
    }
  }
  const token = auth.token;
  let response;
  try {
    response = await fetch(`/import${dryRun ? '?dryRun=true' : ''}`, { method: 'POST', body: text,
      // A key of its own, so that a proxy or browser that resends the POST cannot import twice.
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': idempotencyKey(),
        ...(token ? { Authorization: `Bearer ${token}` } : {}), ...readAfterHeader() } });
  } catch {
    throw new Error('Parley cannot be reached. Check your connection and try again.');
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    answer = null;
  }
  if (response.ok && answer && !answer.errors) {
    rememberWrite(response, null);
    return answer;
  }
  const first = answer?.errors?.[0];
  const error = new Error(first?.message || `The server answered HTTP ${response.status}.`);
  error.problems = first?.extensions?.problems || null;
  throw error;
}

/** Rows for a draft: the report's source first (to check its details), then one per proposal. */
function draftRows(bundle, proposals) {
  const sources = (bundle.sources || []).filter((s) => !storedType(s.ref)).map((s) => ({ key: `source:${s.ref}`, ref: s.ref, collection: 'sources',
    action: 'SOURCE', matchedId: null, confidence: null, notes: [], passages: [], status: 'open' }));
  return [...sources, ...proposals.map((p, i) => ({ key: `p${i}`, ref: p.ref, collection: p.collection, label: p.label, action: p.action,
    matchedId: p.matchedId, confidence: p.confidence, notes: p.notes, passages: p.passages, status: 'open' }))];
}

/** Rows for a bundle from a file: one per record, as the file has them. */
function fileRows(bundle) {
  return COLLECTIONS.flatMap((collection) => (Array.isArray(bundle[collection]) ? bundle[collection] : [])
    .filter((r) => r && typeof r === 'object')
    .map((record, i) => ({ key: `${collection}${i}`, ref: record.ref, collection, action: storedType(record.ref) ? 'STORED' : 'FILE',
      matchedId: storedType(record.ref) ? record.ref : null, confidence: null, notes: [], passages: [], status: 'open' })));
}

/** The text of a record's cited passages, from its bundle's sources (for bundles without a report text). */
function citedPassages(bundle, record) {
  return (record?.citations || []).map((c) => bundle.sources?.find((s) => s.ref === c.sourceId)?.passages?.find((p) => p.ref === c.passage)?.text)
    .filter(Boolean);
}

class Desk extends LitElement {
  static properties = { work: { state: true }, selected: { state: true }, open: { state: true }, busy: { state: true },
    message: { state: true }, formErrors: { state: true }, schema: { state: true } };

  constructor() {
    super();
    this.work = this.restore();
    this.selected = null;
    this.open = null;
    this.undo = [];
    this.formErrors = {};
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    this.replaceChildren();
    super.connectedCallback();
    this.unlisten = auth.onChange(() => this.requestUpdate());
    bundleSchema().then((schema) => (this.schema = schema), (error) => (this.message = { error: true, text: error.message }));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.unlisten?.();
  }

  firstUpdated() {
    if (!this.contains(document.activeElement)) this.querySelector('h1')?.focus();
  }

  restore() {
    try {
      // A review in progress survives a reload; a finished import does not come back.
      const saved = JSON.parse(sessionStorage.getItem(KEY));
      if (saved?.mode && saved.mode !== 'imported') return saved;
    } catch {
      // Nothing usable kept: start afresh.
    }
    return { mode: 'start', report: { ...EMPTY_REPORT }, problems: [] };
  }

  /** Replaces the work in progress, kept for this tab (a reload does not lose a review). */
  change(work, { keepCheck = false } = {}) {
    this.work = { ...this.work, ...work, ...(keepCheck ? {} : { checked: null }) };
    try {
      sessionStorage.setItem(KEY, JSON.stringify(this.work));
    } catch {
      // Storage full or refused: the review goes on, it is only not kept across a reload.
    }
  }

  async focus(selector) {
    await this.updateComplete;
    this.querySelector(selector)?.focus();
  }

  say(text, error = false) {
    this.message = { text, error };
  }

  // ---------------------------------------------------------------------- starting a review

  async draft(event) {
    event.preventDefault();
    const report = this.work.report;
    const input = Object.fromEntries(Object.entries(report).map(([k, v]) => [k, v.trim?.() === '' ? null : v]));
    input.text = report.text;
    this.busy = 'Drafting…';
    this.formErrors = {};
    try {
      const { draftBundle } = await mutate(DRAFT, { report: input });
      const bundle = JSON.parse(draftBundle.bundle);
      this.undo = [];
      this.selected = null;
      this.open = null;
      this.message = null;
      this.change({ mode: 'review', origin: 'report', bundle, rows: draftRows(bundle, draftBundle.proposals), problems: [], result: null, tookMs: draftBundle.tookMs });
      await this.focus('main h1');
    } catch (error) {
      const byField = {};
      const general = [];
      for (const e of error.errors || [{ message: error.message }]) {
        const field = e.extensions?.field;
        if (field && this.querySelector(`[data-field="${CSS.escape(field)}"]`)) byField[field] = e.message;
        else general.push(e.message);
      }
      this.formErrors = { byField, general };
      await this.focus('.field.invalid textarea, .field.invalid input, .form-errors');
    } finally {
      this.busy = null;
    }
  }

  /** Reads a bundle file in the browser and checks it (a dry run): its problems, or what importing it would do. */
  async upload(event) {
    const file = event.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    let bundle = null;
    try {
      bundle = JSON.parse(text);
    } catch {
      bundle = null;
    }
    const usable = bundle && typeof bundle === 'object' && !Array.isArray(bundle);
    this.undo = [];
    this.selected = null;
    this.open = null;
    this.message = null;
    this.change({ mode: 'review', origin: 'file', fileName: file.name, bundle: usable ? bundle : {}, rows: usable ? fileRows(bundle) : [], problems: [], result: null });
    // A file that is not JSON goes to the server as it is, which says where it breaks.
    await this.check(usable ? null : text);
  }

  // --------------------------------------------------------------------------- row actions

  rowsOf(ref) {
    return this.work.rows.filter((r) => r.ref === ref);
  }

  select(key) {
    if (this.selected !== key) this.selected = key;
  }

  setStatus(ref, status, extra = {}) {
    this.change({ rows: this.work.rows.map((r) => (r.ref === ref ? { ...r, status, ...extra } : r)) });
  }

  remember(what) {
    this.undo = [...this.undo.slice(-19), { what, work: { bundle: this.work.bundle, rows: this.work.rows, problems: this.work.problems } }];
  }

  undoLast() {
    const last = this.undo.pop();
    if (!last) return;
    this.change(last.work);
    this.open = null;
    this.say(`Undone: ${last.what}.`);
  }

  accept(row) {
    this.setStatus(row.ref, 'accepted');
  }

  acceptAll() {
    this.change({ rows: this.work.rows.map((r) => (r.status === 'open' ? { ...r, status: 'accepted' } : r)) });
    this.say('Every record still to review is accepted.');
  }

  toggle(row, panel) {
    this.select(row.key);
    this.open = this.open?.key === row.key && this.open.panel === panel ? null : { key: row.key, panel };
    if (panel === 'drop' && this.open) this.open.plan = dropping(this.schema, this.work.bundle, [row.ref]);
  }

  close(row) {
    this.open = null;
    this.focus(`li[data-key="${row.key}"] .proposal-summary`);
  }

  saveEdit(row, record) {
    const located = find(this.work.bundle, row.ref);
    if (!located) return;
    const [collection, index] = located;
    this.remember(`editing ${summary(this.work.bundle, collection, located[2])}`);
    const bundle = { ...this.work.bundle, [collection]: this.work.bundle[collection].map((r, i) => (i === index ? record : r)) };
    this.change({ bundle, problems: this.work.problems.filter((p) => p.ref !== row.ref),
      rows: this.work.rows.map((r) => (r.ref === row.ref && r.status !== 'linked' ? { ...r, status: 'edited' } : r)) });
    this.say(`Saved your changes to ${summary(bundle, collection, record)}.`);
    this.close(row);
  }

  async link(row, picked) {
    const before = this.work.bundle;
    this.busy = 'Linking…';
    try {
      const { linkBundleRecord: linked } = await mutate(LINK, { bundle: JSON.stringify(before), ref: row.ref, id: picked.id });
      this.remember(`linking ${summary(before, row.collection, find(before, row.ref)[2])}`);
      const bundle = JSON.parse(linked.bundle);
      this.change({ bundle, problems: this.work.problems.filter((p) => p.ref !== row.ref),
        rows: this.work.rows.map((r) => (r.ref === row.ref ? { ...r, ref: linked.ref, action: 'LINK', matchedId: linked.ref, notes: linked.notes, status: 'linked' } : r)) });
      this.say(`Linked: this report's ${NOUN[row.collection]} is the stored ${picked.text}.`);
      this.close(row);
    } catch (error) {
      this.say(`Not linked: ${error.message}`, true);
    } finally {
      this.busy = null;
    }
  }

  drop(row) {
    const plan = this.open?.plan || dropping(this.schema, this.work.bundle, [row.ref]);
    const gone = new Set([row.ref, ...plan.dropped]);
    this.remember(`dropping ${summary(this.work.bundle, row.collection, find(this.work.bundle, row.ref)[2])}`);
    this.change({ bundle: plan.bundle, problems: this.work.problems.filter((p) => !gone.has(p.ref)),
      rows: this.work.rows.map((r) => (gone.has(r.ref) ? { ...r, status: 'dropped' } : r)) });
    this.say(`Dropped ${gone.size === 1 ? 'it' : `${gone.size} records`}. Undo brings ${gone.size === 1 ? 'it' : 'them'} back.`);
    this.open = null;
    this.focus('.desk-toolbar .undo');
  }

  /** Asks for drop: at once when nothing else needs the record, else after saying what goes with it. */
  askDrop(row) {
    const plan = dropping(this.schema, this.work.bundle, [row.ref]);
    if (!plan.dropped.length && !plan.changed.size) {
      this.open = { key: row.key, panel: 'drop', plan };
      this.drop(row);
    } else {
      this.select(row.key);
      this.open = { key: row.key, panel: 'drop', plan };
      this.focus(`li[data-key="${row.key}"] .drop-confirm`);
    }
  }

  // --------------------------------------------------------------------- check and import

  /** Problems as the server words them, each tied to its record (by ref) and field. */
  located(problems) {
    return (problems || []).map((p) => ({ ...p, ...locate(this.work.bundle, p.path) }));
  }

  async check(rawText = null) {
    this.busy = 'Checking…';
    try {
      const result = await importing(rawText ?? JSON.stringify(this.work.bundle), true);
      this.change({ problems: [], checked: result }, { keepCheck: true });
      this.say(`Checked, nothing written: importing would create ${result.created}, update ${result.updated} and leave ${result.matched} stored record${result.matched === 1 ? '' : 's'} as they are.`);
    } catch (error) {
      this.refused(error, 'Nothing was written');
    } finally {
      this.busy = null;
    }
  }

  async importNow() {
    this.busy = 'Importing…';
    const sent = this.work.bundle;
    try {
      const result = await importing(JSON.stringify(sent), false);
      this.undo = [];
      this.message = null;
      this.change({ mode: 'imported', result, sent, problems: [] });
      await this.focus('main h1');
    } catch (error) {
      this.refused(error, 'Nothing was imported');
    } finally {
      this.busy = null;
    }
  }

  async refused(error, what) {
    if (error.problems?.length) {
      this.change({ problems: this.located(error.problems) }, { keepCheck: true });
      this.message = null;
      await this.focus('.problems');
    } else {
      this.say(`${what}: ${error.message}`, true);
    }
  }

  /** Opens the record a problem is in with its editor, the field marked. */
  showProblem(problem) {
    const row = this.work.rows.find((r) => r.ref === problem.ref && r.status !== 'dropped');
    if (!row) return;
    this.selected = row.key;
    this.open = { key: row.key, panel: 'edit' };
    this.focus(`li[data-key="${row.key}"] [aria-invalid="true"]`);
  }

  startOver() {
    sessionStorage.removeItem(KEY);
    this.undo = [];
    this.selected = null;
    this.open = null;
    this.message = null;
    this.formErrors = {};
    this.work = { mode: 'start', report: { ...EMPTY_REPORT }, problems: [] };
    this.focus('main h1');
  }

  // ------------------------------------------------------------------------------- render

  render() {
    if (!auth.canEdit) {
      return html`<h1 tabindex="-1">Report desk</h1><p class="notice">The report desk turns a report into records and imports them, which only editors may do:
        it needs a sign-in token with the <code>editor</code> role${auth.user ? html` (yours has ${auth.user.roles.join(', ') || 'no roles'})` : ''}. <a href="/sign-in">Sign in</a> as an editor.</p>`;
    }
    const { mode } = this.work;
    return html`${mode === 'start' ? this.renderStart() : mode === 'imported' ? this.renderImported() : this.renderReview()}
      ${this.busy ? html`<p class="notice loading" role="status">${this.busy}</p>` : ''}`;
  }

  field(name, text, input, hint) {
    const message = this.formErrors.byField?.[name];
    const id = `d-${name.replace(/[^A-Za-z0-9]/g, '-')}`;
    return html`<div class="field ${message ? 'invalid' : ''}" data-field=${name}>
      <label for=${id}>${text}</label>${input(id, message ? `${id}-error` : hint ? `${id}-hint` : '', message ? 'true' : 'false')}
      ${hint && !message ? html`<small id="${id}-hint" class="hint">${hint}</small>` : ''}
      ${message ? html`<p class="field-error" id="${id}-error">${message}</p>` : ''}</div>`;
  }

  renderStart() {
    const r = this.work.report;
    const set = (key) => (e) => this.change({ report: { ...this.work.report, [key]: e.target.value } });
    const text = (key, caption, type = 'text', hint) => this.field(`report.${key}`, caption, (id, describedBy, invalid) => html`<input id=${id} name=${key} type=${type}
      .value=${r[key] || ''} @input=${set(key)} aria-describedby=${describedBy} aria-invalid=${invalid}>`, hint);
    const { general = [] } = this.formErrors;
    return html`<h1 tabindex="-1">Report desk</h1>
      <p class="lede">From a report to records: Parley drafts every fact the report states, each tied to its passage; you review the draft, fix it, and import it.</p>
      <section aria-labelledby="paste-report"><h2 id="paste-report">Paste a report</h2>
        <form @submit=${(e) => this.draft(e)} novalidate>
          ${general.length ? html`<div class="notice error form-errors" role="alert" tabindex="-1">${general.map((m) => html`<p>${m}</p>`)}</div>` : ''}
          ${this.field('report.text', 'Report text (required)', (id, describedBy, invalid) => html`<textarea id=${id} name="text" rows="12"
            .value=${r.text} @input=${set('text')} aria-describedby=${describedBy} aria-invalid=${invalid}></textarea>`, 'the headline and paragraphs as published, in English')}
          <div class="row">${text('publisher', 'Publisher (required)', 'text', 'e.g. TASS, Reuters')}${text('title', 'Title')}</div>
          <div class="row">${text('url', 'URL', 'url')}${text('publishedOn', 'Published on (required)', 'date', 'relative dates in the text are read from it')}
            ${text('language', 'Language', 'text', 'en: drafting reads English')}</div>
          <button type="submit" class="draft" ?disabled=${!!this.busy}>Draft records</button>
        </form></section>
      <section aria-labelledby="bundle-file-h"><h2 id="bundle-file-h">Or import a bundle file</h2>
        <p>A report bundle (JSON, as <a href="/import/schema.json">its schema</a> describes). It is checked first: its problems are listed at their JSON paths, and nothing is written until you import it.</p>
        <div class="field"><label for="bundle-file">Bundle file</label>
          <input id="bundle-file" type="file" accept=".json,application/json" @change=${(e) => this.upload(e)}></div>
      </section>`;
  }

  renderReview() {
    const { rows, bundle, origin, problems = [], checked } = this.work;
    const live = rows.filter((r) => r.status !== 'dropped');
    const open = live.filter((r) => r.status === 'open').length;
    const reviewing = new Set(rows.map((r) => r.ref));
    const alongside = COLLECTIONS.flatMap((c) => (bundle[c] || []).filter((r) => !reviewing.has(r.ref)).map((r) => [c, r]));
    const selected = rows.find((r) => r.key === this.selected);
    const source = bundle.sources?.find((s) => s.ref === 'report') || bundle.sources?.[0];
    return html`<h1 tabindex="-1">${origin === 'file' ? html`Review the bundle “${this.work.fileName}”` : 'Review the draft'}</h1>
      <p class="meta">${origin === 'file' ? `${live.length} records` : html`${source ? `${source.publisher}${source.title ? `: ${source.title}` : ''}, ${source.publishedOn || 'undated'} · ` : ''}${live.length} proposed record${live.length === 1 ? '' : 's'}, drafted in ${this.work.tookMs} ms`}
        · ${open ? `${open} still to review` : 'all reviewed'}</p>
      <div class="desk-toolbar">
        <button type="button" class="import" ?disabled=${!!this.busy || !live.length} @click=${() => this.importNow()}>Import ${live.length} record${live.length === 1 ? '' : 's'}</button>
        <button type="button" class="secondary check" ?disabled=${!!this.busy} @click=${() => this.check()}>Check without importing</button>
        ${open ? html`<button type="button" class="secondary" @click=${() => this.acceptAll()}>Accept the ${open} still to review</button>` : ''}
        ${this.undo.length ? html`<button type="button" class="secondary undo" @click=${() => this.undoLast()}>Undo ${this.undo.at(-1).what}</button>` : ''}
        <button type="button" class="secondary" @click=${() => this.startOver()}>Start over</button>
      </div>
      ${this.message ? html`<p class="notice ${this.message.error ? 'error' : ''}" role=${this.message.error ? 'alert' : 'status'}>${this.message.text}</p>` : ''}
      ${problems.length ? this.renderProblems(problems) : ''}
      <div class="desk-columns">
        <section class="review" aria-labelledby="review-h"><h2 id="review-h">${origin === 'file' ? 'Records' : 'Proposed records'} <span class="count">${live.length}</span></h2>
          <p class="muted">Choose a record to see ${origin === 'file' ? 'the passages it cites' : 'where the report says it'}. New records are created; matches add this report's citations (and what else it says) to the record Parley holds.</p>
          <ol class="proposals ${origin === 'file' ? '' : 'with-text'}">${rows.map((row) => this.renderRow(row, checked))}</ol>
          ${alongside.length ? html`<details class="alongside"><summary>${alongside.length} stored record${alongside.length === 1 ? '' : 's'} they refer to, imported as they are</summary>
            <ul>${alongside.map(([c, r]) => html`<li><span class="badge">${NOUN[c]}</span> ${summary(bundle, c, r)}</li>`)}</ul></details>` : ''}
        </section>
        <section class="report" aria-labelledby="report-h">${origin === 'file' ? this.renderCited(selected) : this.renderText(selected)}</section>
      </div>`;
  }

  renderProblems(problems) {
    const { bundle } = this.work;
    return html`<div class="notice error problems" role="alert" tabindex="-1">
      <p><strong>Nothing was written: the bundle has ${problems.length} problem${problems.length === 1 ? '' : 's'}.</strong> Each is at its JSON path; fix it here and check again.</p>
      <ul class="problems">${problems.map((p) => {
        const located = p.ref ? find(bundle, p.ref) : null;
        const where = located ? html`${NOUN[located[0]]} “${summary(bundle, located[0], located[2])}”${p.inner ? html` › ${pathWords(p.inner)}` : ''}` : '';
        return html`<li data-path=${p.path}><code>${p.path}</code>${where ? html` (${where})` : ''}: ${p.message}
          ${located ? html` <button type="button" class="secondary" @click=${() => this.showProblem(p)}>Fix it</button>` : ''}</li>`;
      })}</ul></div>`;
  }

  renderRow(row, checked) {
    const { bundle } = this.work;
    const located = find(bundle, row.ref);
    const record = located?.[2];
    const what = record ? summary(bundle, row.collection, record) : row.label || row.ref;
    const selected = this.selected === row.key;
    const dropped = row.status === 'dropped';
    const problems = (this.work.problems || []).filter((p) => p.ref === row.ref && !dropped);
    const outcome = checked?.records?.find((r) => r.ref === row.ref)?.action;
    const stored = row.matchedId ? pageOf(TYPE[row.collection], row.matchedId) : null;
    const tag = { CREATE: html`<span class="tag create">new</span>`, MATCH: html`<span class="tag match">matches ${stored ? html`<a href=${stored}>a stored ${NOUN[row.collection]}</a>` : `stored ${NOUN[row.collection]} ${row.matchedId}`}</span>`,
      LINK: html`<span class="tag link">linked to ${stored ? html`<a href=${stored}>the stored ${NOUN[row.collection]}</a>` : `stored ${NOUN[row.collection]} ${row.matchedId}`}</span>`,
      SOURCE: html`<span class="tag create">the report</span>`, FILE: html`<span class="tag file">from the file</span>`,
      STORED: html`<span class="tag file">a stored record's ID</span>` }[row.action];
    const open = this.open?.key === row.key ? this.open.panel : null;
    const quotes = selected ? (row.passages.length ? row.passages.map((p) => p.text) : citedPassages(bundle, record)) : [];
    return html`<li class="proposal state-${row.status} ${selected ? 'selected' : ''} ${problems.length ? 'has-problems' : ''}" data-key=${row.key} data-ref=${row.ref}
        data-collection=${row.collection} @focusin=${() => this.select(row.key)}>
      <div class="proposal-head">
        <button type="button" class="proposal-summary" aria-pressed=${selected ? 'true' : 'false'} @click=${() => this.select(row.key)}>
          <span class="badge">${NOUN[row.collection]}</span> <span class="what">${what}</span></button>
        ${tag}
        ${row.confidence != null ? html`<span class="confidence">${Math.round(row.confidence * 100)}% sure</span>` : ''}
        <span class="state">${STATES[row.status]}${outcome && !dropped ? `, ${OUTCOMES[outcome]}` : ''}</span>
      </div>
      ${row.notes?.length && !dropped ? html`<p class="adds">${row.action === 'CREATE' ? 'Assumed' : 'Adds'}: ${row.notes.join('; ')}</p>` : ''}
      ${quotes.length ? html`<div class="quotes">${quotes.map((q) => html`<blockquote class="passage-quote">${q}</blockquote>`)}</div>` : ''}
      ${problems.length ? html`<ul class="row-problems">${problems.map((p) => html`<li>${p.inner ? pathWords(p.inner) : 'the record'}: ${p.message}</li>`)}</ul>` : ''}
      ${dropped ? '' : html`<div class="proposal-actions">
        ${row.status === 'open' ? html`<button type="button" class="secondary accept" @click=${() => this.accept(row)}>Accept</button>` : ''}
        <button type="button" class="secondary edit" aria-expanded=${open === 'edit' ? 'true' : 'false'} ?disabled=${!this.schema} @click=${() => this.toggle(row, 'edit')}>Edit</button>
        ${row.action === 'SOURCE' ? '' : html`
          <button type="button" class="secondary link-to" aria-expanded=${open === 'link' ? 'true' : 'false'} @click=${() => this.toggle(row, 'link')}>Link to a stored ${NOUN[row.collection]}</button>
          <button type="button" class="secondary drop" ?disabled=${!this.schema} @click=${() => this.askDrop(row)}>Drop</button>`}
      </div>`}
      ${open === 'edit' && record ? html`<div class="panel"><parley-record-editor .schema=${this.schema} .bundle=${bundle} collection=${row.collection} .record=${record}
          .problems=${Object.fromEntries(problems.map((p) => [p.inner, p.message]))}
          @save=${(e) => this.saveEdit(row, e.detail)} @cancel=${() => this.close(row)}></parley-record-editor></div>` : ''}
      ${open === 'link' ? html`<div class="panel"><parley-link-picker collection=${row.collection} current=${row.matchedId || ''}
          @pick=${(e) => this.link(row, e.detail)} @cancel=${() => this.close(row)}></parley-link-picker></div>` : ''}
      ${open === 'drop' && this.open.plan ? this.renderDrop(row, this.open.plan) : ''}
    </li>`;
  }

  renderDrop(row, plan) {
    const { bundle } = this.work;
    const name = (ref) => {
      const located = find(bundle, ref);
      return located ? html`${NOUN[located[0]]} “${summary(bundle, located[0], located[2])}”` : ref;
    };
    return html`<div class="panel drop-confirm notice error" role="alertdialog" aria-labelledby="drop-${row.key}" tabindex="-1">
      <p id="drop-${row.key}"><strong>Other records need this ${NOUN[row.collection]}.</strong></p>
      ${plan.dropped.length ? html`<p>Dropping it drops these too (they cannot stand without it, or are stored records that would change):</p>
        <ul class="also-dropped">${plan.dropped.map((ref) => html`<li>${name(ref)}</li>`)}</ul>` : ''}
      ${plan.changed.size ? html`<p>and takes it out of:</p>
        <ul class="also-changed">${[...plan.changed].map(([ref, fields]) => html`<li>${name(ref)} (${fields.map((f) => pathWords(`.${f}`)).join(', ')})</li>`)}</ul>` : ''}
      <button type="button" class="confirm-drop" @click=${() => this.drop(row)}>Drop ${plan.dropped.length ? `all ${plan.dropped.length + 1}` : 'it'}</button>
      <button type="button" class="secondary" @click=${() => this.close(row)}>Keep it</button></div>`;
  }

  renderText(selected) {
    const text = this.work.report.text || '';
    const spans = (selected?.passages || []).map((p) => [p.start, p.end]).sort((a, b) => a[0] - b[0]);
    const parts = [];
    let at = 0;
    for (const [start, end] of spans) {
      if (end <= at) continue;
      const from = Math.max(start, at);
      parts.push(text.slice(at, from), html`<mark>${text.slice(from, end)}</mark>`);
      at = end;
    }
    parts.push(text.slice(at));
    return html`<h2 id="report-h">The report</h2>
      <p class="muted">${selected ? (spans.length ? `Highlighted: where the report says it (${spans.length} passage${spans.length === 1 ? '' : 's'}).` : 'This row cites no passage.') : 'Choose a record on the left to highlight its passages.'}</p>
      <div class="report-text" id="report-text" tabindex="0" role="region" aria-label="Report text, with the chosen record's passages highlighted">${parts}</div>`;
  }

  renderCited(selected) {
    const located = selected ? find(this.work.bundle, selected.ref) : null;
    const quotes = located ? citedPassages(this.work.bundle, located[2]) : [];
    return html`<h2 id="report-h">Passages</h2>
      ${!selected ? html`<p class="muted">Choose a record to see the passages of its sources it cites.</p>`
        : quotes.length ? quotes.map((q) => html`<blockquote>${q}</blockquote>`) : html`<p class="empty">It cites no passage.</p>`}`;
  }

  updated(changed) {
    if (changed.has('selected') && this.selected) this.querySelector('#report-text mark')?.scrollIntoView({ block: 'nearest' });
  }

  renderImported() {
    const { result, sent } = this.work;
    const ids = new Map(result.records.map((r) => [r.ref, r]));
    const href = (ref) => {
      const done = ids.get(ref);
      const own = done && pageOf(done.type, done.id);
      if (own) return own;
      const located = find(sent, ref);
      const record = located?.[2] || {};
      const via = [record.talkId, record.talkIds?.[0], record.speakerId, record.personId].find((r) => r && pageOf(ids.get(r)?.type, ids.get(r)?.id));
      if (via) return pageOf(ids.get(via).type, ids.get(via).id);
      if (record.envoyId) return href(find(sent, record.envoyId)?.[2]?.personId);
      return null;
    };
    const newSource = result.records.find((r) => r.type === 'Source' && r.ref === 'report');
    const order = ['CREATED', 'UPDATED', 'MATCHED'];
    const records = [...result.records].sort((a, b) => order.indexOf(a.action) - order.indexOf(b.action));
    return html`<h1 tabindex="-1">Imported</h1>
      <p class="notice" role="status">${result.created} created, ${result.updated} updated, ${result.matched} already held as they are.
        ${newSource ? html`<a href=${pageOf('Source', newSource.id)}>The report's source</a> lists everything that cites it.` : ''}</p>
      <ul class="imported">${records.map((r) => {
        const located = find(sent, r.ref);
        const text = located ? summary(sent, located[0], located[2]) : r.ref;
        const link = href(r.ref);
        return html`<li data-type=${r.type} data-action=${r.action}><span class="badge">${NOUN[located?.[0]] || r.type}</span>
          ${link ? html`<a href=${link}>${text}</a>` : text} <span class="muted">${DONE[r.action]}</span></li>`;
      })}</ul>
      <button type="button" @click=${() => this.startOver()}>Review another report</button>`;
  }
}

customElements.define('parley-desk', Desk);
