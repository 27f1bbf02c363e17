// Editing, for editors: sign in with a bearer token, add a source, record (or edit) a talk
// with participants and citations. Every error Parley names a field for (extensions.field,
// e.g. input.participants[1].personId) is shown at that field; a stale version (CONFLICT) is
// explained with the record's current values.
import { html } from 'lit';
import { View } from './view.js';
import { GraphQLError, mutate, query } from './graphql.js';
import { auth } from './auth.js';
import { dateText, label } from './format.js';
import { TALK } from './views.js';

const go = (element, path) => element.dispatchEvent(new CustomEvent('navigate', { bubbles: true, detail: path }));

/** Field errors by field name, plus the messages no field on the form shows. */
function fieldErrors(error, form) {
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
function field(errors, name, text, input, hint) {
  const message = errors.byField?.[name];
  const id = `f-${name.replace(/[^A-Za-z0-9]/g, '-')}`;
  return html`<div class="field ${message ? 'invalid' : ''}" data-field=${name}>
    <label for=${id}>${text}</label>${input(id, message ? `${id}-error` : hint ? `${id}-hint` : null, !!message)}
    ${hint && !message ? html`<small id="${id}-hint" class="hint">${hint}</small>` : ''}
    ${message ? html`<p class="field-error" id="${id}-error">${message}</p>` : ''}</div>`;
}

class FormView extends View {
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

// ------------------------------------------------------------------------------- add source
const ADD_SOURCE = `mutation AddSource($input: SourceInput!) { addSource(input: $input) { id } }`;

class SourceForm extends FormView {
  connectedCallback() {
    super.connectedCallback();
    this.state = { loading: false, data: {} };
  }
  updated() {
    this.firstRendered();
  }
  async submit(event) {
    event.preventDefault();
    const value = (name) => this.querySelector(`[name="${name}"]`).value.trim() || null;
    this.busy = true;
    try {
      const input = { publisher: value('publisher') ?? '', title: value('title'), url: value('url'), language: value('language'), publishedOn: value('publishedOn') };
      const { addSource } = await mutate(ADD_SOURCE, { input });
      go(this, `/sources/${encodeURIComponent(addSource.id)}`);
    } catch (error) {
      this.showErrors(error);
    } finally {
      this.busy = false;
    }
  }
  render() {
    const refused = this.needsEditor();
    if (refused) return refused;
    const text = (name, caption, type = 'text', hint) => field(this.errors, `input.${name}`, caption, (id, describedBy, invalid) => html`<input id=${id} name=${name} type=${type} aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}>`, hint);
    return html`<h1 tabindex="-1">Add a source</h1>
      <form @submit=${(e) => this.submit(e)} novalidate>${this.errorSummary()}
        ${text('publisher', 'Publisher (required)', 'text', 'e.g. TASS, Reuters')}
        ${text('title', 'Title')}
        ${text('url', 'URL', 'url')}
        ${text('language', 'Language', 'text', 'BCP 47 tag, e.g. en, ru')}
        ${text('publishedOn', 'Published on', 'date')}
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : 'Add source'}</button>
      </form>`;
  }
}

// ------------------------------------------------------------------------------ record talk
const PERSON_CHOICE = 'id name envoyAppointments { id title }';
const CHOICES = `query Choices { people(first: 100) { nodes { ${PERSON_CHOICE} } }
  tracks(first: 100) { nodes { id name } } sources(first: 100) { nodes { id publisher title publishedOn } } }`;
const FIND_PEOPLE = `query FindPeople($name: String) { people(filter: {name: $name}, first: 20) { nodes { ${PERSON_CHOICE} } } }`;
const RECORD_TALK = `mutation RecordTalk($input: TalkInput!) { recordTalk(input: $input) { id } }`;
const UPDATE_TALK = `mutation UpdateTalk($id: ID!, $input: TalkInput!, $expectedVersion: Int) { updateTalk(id: $id, input: $input, expectedVersion: $expectedVersion) { id } }`;

const FORMATS = ['IN_PERSON', 'PHONE', 'VIDEO', 'SHUTTLE'];
const STATUSES = ['HELD', 'PLANNED', 'EXPECTED', 'CANCELLED'];
const PRECISIONS = ['DAY', 'WEEK', 'MONTH', 'YEAR'];
const ROLES = ['PARTICIPANT', 'HOST', 'VISITOR', 'MEDIATOR'];

/** The form's values from a talk as read, so an edit starts from what is stored. */
function draftOf(talk) {
  return {
    title: talk.title, date: talk.date, datePrecision: talk.datePrecision, format: talk.format, status: talk.status,
    closedDoor: talk.closedDoor, summary: talk.summary || '', trackId: talk.track?.id || '',
    location: { name: talk.location?.name || '', city: talk.location?.city || '', countryCode: talk.location?.countryCode || '', latitude: talk.location?.latitude ?? '', longitude: talk.location?.longitude ?? '' },
    participants: talk.participants.map((p) => ({ personId: p.person.id, role: p.role, envoyId: p.asEnvoy?.id || '', find: '', chosen: p.person })),
    citations: talk.citations.map((c) => ({ sourceId: c.source.id, excerpt: c.excerpt || '' })),
  };
}

const EMPTY = () => ({ title: '', date: new Date().toISOString().slice(0, 10), datePrecision: 'DAY', format: 'IN_PERSON', status: '', closedDoor: false, summary: '', trackId: '',
  location: { name: '', city: '', countryCode: '', latitude: '', longitude: '' },
  participants: [{ personId: '', role: 'HOST', envoyId: '', find: '' }, { personId: '', role: 'VISITOR', envoyId: '', find: '' }], citations: [{ sourceId: '', excerpt: '' }] });

const blank = (v) => (v === '' || v == null ? null : v);
const number = (v) => (v === '' || v == null ? null : Number(v));

class TalkForm extends FormView {
  static properties = { editId: {}, draft: { state: true }, conflict: { state: true }, matches: { state: true } };

  /**
   * People whose name or alias matches what was typed in participant row i's finder, as the API
   * matches names: the last word completed ("Witk"), typos and other scripts forgiven. Only the
   * answer to the latest text is shown: an earlier, slower answer (to "Wi") arriving after it
   * is dropped.
   */
  find(i, text) {
    this.set(`participants.${i}.find`, text);
    this.finding ??= {};
    clearTimeout(this.finding[i]?.timer);
    const asked = (this.finding[i] = {});
    const latest = () => this.finding[i] === asked;
    asked.timer = setTimeout(async () => {
      try {
        const { people } = await query(FIND_PEOPLE, { name: text.trim() || null });
        if (latest()) this.matches = { ...this.matches, [i]: people.nodes };
      } catch (error) {
        if (latest()) this.showErrors(error);
      }
    }, 200);
  }

  choose(i, personId) {
    const known = [...(this.matches?.[i] || []), ...this.state.data.people.nodes];
    this.set(`participants.${i}`, { ...this.draft.participants[i], personId, envoyId: '', chosen: known.find((p) => p.id === personId) || null });
  }

  connectedCallback() {
    super.connectedCallback();
    this.reload();
  }
  reload() {
    this.load(async () => {
      const choices = await query(CHOICES);
      let talk = null;
      if (this.editId) talk = (await query(TALK, { id: this.editId })).talk;
      this.draft = talk ? draftOf(talk) : EMPTY();
      this.version = talk?.version;
      return { ...choices, talk };
    });
  }
  updated() {
    if (this.state.data) this.firstRendered();
  }
  input() {
    const d = this.draft;
    const location = d.location.name.trim() ? { name: d.location.name.trim(), city: blank(d.location.city.trim()), countryCode: blank(d.location.countryCode.trim().toUpperCase()), latitude: number(d.location.latitude), longitude: number(d.location.longitude) } : null;
    return {
      title: d.title.trim(), date: d.date, datePrecision: d.datePrecision, format: d.format, status: blank(d.status), closedDoor: d.closedDoor,
      summary: blank(d.summary.trim()), trackId: blank(d.trackId), location,
      participants: d.participants.map((p) => ({ personId: p.personId, role: p.role, envoyId: blank(p.envoyId) })),
      citations: d.citations.filter((c) => c.sourceId || c.excerpt.trim()).map((c) => ({ sourceId: c.sourceId, excerpt: blank(c.excerpt.trim()) })),
    };
  }
  async submit(event, { overwrite = false } = {}) {
    event?.preventDefault();
    this.busy = true;
    this.conflict = null;
    try {
      const input = this.input();
      if (this.editId) {
        const expectedVersion = overwrite ? this.conflict?.version ?? this.version : this.version;
        await mutate(UPDATE_TALK, { id: this.editId, input, expectedVersion });
        go(this, `/talks/${encodeURIComponent(this.editId)}`);
      } else {
        const { recordTalk } = await mutate(RECORD_TALK, { input });
        go(this, `/talks/${encodeURIComponent(recordTalk.id)}`);
      }
    } catch (error) {
      if (error instanceof GraphQLError && error.code === 'CONFLICT' && this.editId) await this.explainConflict(error);
      else this.showErrors(error);
    } finally {
      this.busy = false;
    }
  }
  /** Someone saved the talk after it was opened here: show what is stored now, next to this draft. */
  async explainConflict(error) {
    try {
      const { talk } = await query(TALK, { id: this.editId });
      const current = draftOf(talk);
      const mine = this.draft;
      const rows = [['Title', current.title, mine.title], ['Date', dateText(current.date, current.datePrecision), dateText(mine.date, mine.datePrecision)],
        ['Status', label(current.status), label(mine.status) || '(default)'], ['Format', label(current.format), label(mine.format)],
        ['Place', current.location.name, mine.location.name], ['Summary', current.summary, mine.summary],
        ['Participants', String(current.participants.length), String(mine.participants.length)], ['Citations', String(current.citations.length), String(mine.citations.length)]];
      this.conflict = { message: error.message, version: talk.version, current, rows };
      this.errors = {};
      await this.updateComplete;
      this.querySelector('.conflict')?.focus();
    } catch (e) {
      this.showErrors(e);
    }
  }
  removeParticipant(i) {
    // Rows move up: a find still pending or on its way would land in the wrong row.
    Object.values(this.finding || {}).forEach((asked) => clearTimeout(asked.timer));
    this.finding = {};
    const matches = {};
    Object.entries(this.matches || {}).forEach(([k, v]) => {
      if (Number(k) < i) matches[k] = v;
      else if (Number(k) > i) matches[Number(k) - 1] = v;
    });
    this.matches = matches;
    this.set('participants', this.draft.participants.filter((_, j) => j !== i));
  }
  useCurrent() {
    this.draft = this.conflict.current;
    this.version = this.conflict.version;
    this.conflict = null;
  }
  async overwrite() {
    this.version = this.conflict.version;
    this.conflict = null;
    await this.submit(null);
  }
  set(path, value) {
    const draft = structuredClone(this.draft);
    let target = draft;
    const keys = path.split('.');
    keys.slice(0, -1).forEach((k) => (target = target[k]));
    target[keys[keys.length - 1]] = value;
    this.draft = draft;
  }
  render() {
    const refused = this.needsEditor();
    if (refused) return refused;
    return this.guarded(({ people, tracks, sources, talk }) => {
      if (this.editId && !talk) return html`<h1 tabindex="-1">Not found</h1><p class="notice">No such talk.</p>`;
      const d = this.draft;
      const e = this.errors;
      const text = (name, caption, path, type = 'text', hint, extra = {}) => field(e, name, caption, (id, describedBy, invalid) => html`<input id=${id} type=${type} step=${extra.step ?? ''}
        .value=${String(path.split('.').reduce((o, k) => o[k], d) ?? '')} @input=${(ev) => this.set(path, ev.target.value)} aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}>`, hint);
      const select = (name, caption, path, options, { empty } = {}) => field(e, name, caption, (id, describedBy, invalid) => html`<select id=${id} @change=${(ev) => this.set(path, ev.target.value)} aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}>
        ${empty ? html`<option value="" ?selected=${!path.split('.').reduce((o, k) => o[k], d)}>${empty}</option>` : ''}
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${path.split('.').reduce((o, k) => o[k], d) === value}>${text}</option>`)}</select>`);
      const sourceOptions = sources.nodes.map((s) => [s.id, [s.publisher, s.title].filter(Boolean).join(': ')]);
      return html`<h1 tabindex="-1">${talk ? html`Edit “${talk.title}”` : 'Record a talk'}</h1>
        ${this.conflict ? html`<div class="notice error conflict" role="alert" tabindex="-1">
          <p><strong>Someone else saved this talk after you opened it</strong> (now version ${this.conflict.version}). Nothing of yours was saved. ${this.conflict.message}</p>
          <table><caption>Stored now, and your draft</caption><thead><tr><th scope="col">Field</th><th scope="col">Current value</th><th scope="col">Your draft</th></tr></thead>
          <tbody>${this.conflict.rows.map(([f, now, mine]) => html`<tr class=${now !== mine ? 'differs' : ''}><th scope="row">${f}</th><td>${now || '—'}</td><td>${mine || '—'}</td></tr>`)}</tbody></table>
          <button type="button" @click=${() => this.useCurrent()}>Start again from the current values</button>
          <button type="button" @click=${() => this.overwrite()}>Save my draft over them</button></div>` : ''}
        <form @submit=${(ev) => this.submit(ev)} novalidate>${this.errorSummary()}
          <fieldset><legend>The talk</legend>
            ${text('input.title', 'Title (required)', 'title')}
            <div class="row">${text('input.date', 'Date (required)', 'date', 'date', 'for a month or year: its first day')}
              ${select('input.datePrecision', 'Date known to the', 'datePrecision', PRECISIONS.map((p) => [p, label(p)]))}</div>
            <div class="row">${select('input.format', 'Format', 'format', FORMATS.map((f) => [f, label(f)]))}
              ${select('input.status', 'Status', 'status', STATUSES.map((s) => [s, label(s)]), { empty: 'held if begun, else planned' })}</div>
            <div class="field checkbox" data-field="input.closedDoor"><input id="f-closed" type="checkbox" .checked=${d.closedDoor} @change=${(ev) => this.set('closedDoor', ev.target.checked)}><label for="f-closed">Closed door (no press)</label></div>
            ${select('input.trackId', 'Track', 'trackId', tracks.nodes.map((t) => [t.id, t.name]), { empty: 'none' })}
            ${field(e, 'input.summary', 'Summary', (id, describedBy, invalid) => html`<textarea id=${id} rows="3" .value=${d.summary} @input=${(ev) => this.set('summary', ev.target.value)} aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}></textarea>`)}
          </fieldset>
          <fieldset><legend>Place</legend>
            <div class="row">${text('input.location.name', 'Place name', 'location.name', 'text', 'leave empty when unknown')}${text('input.location.city', 'City', 'location.city')}
              ${text('input.location.countryCode', 'Country code', 'location.countryCode', 'text', 'ISO 3166-1 alpha-2, e.g. RU')}</div>
            <div class="row">${text('input.location.latitude', 'Latitude', 'location.latitude', 'number', '−90 to 90', { step: 'any' })}${text('input.location.longitude', 'Longitude', 'location.longitude', 'number', '−180 to 180', { step: 'any' })}</div>
          </fieldset>
          <fieldset><legend>Participants</legend>
            ${d.participants.map((p, i) => {
              const candidates = this.matches?.[i] || people.nodes;
              const options = p.chosen && !candidates.some((x) => x.id === p.chosen.id) ? [p.chosen, ...candidates] : candidates;
              const envoys = p.chosen?.envoyAppointments || [];
              return html`<div class="row repeat" data-participant=${i}>
                <div class="field"><label for="find-${i}">Find participant ${i + 1}</label>
                  <input id="find-${i}" type="search" .value=${p.find || ''} @input=${(ev) => this.find(i, ev.target.value)} placeholder="name or alias" autocomplete="off"></div>
                ${field(e, `input.participants[${i}].personId`, `Participant ${i + 1}`, (id, describedBy, invalid) => html`<select id=${id} @change=${(ev) => this.choose(i, ev.target.value)} aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}>
                  <option value="" ?selected=${!p.personId}>${options.length ? 'choose a person' : 'nobody matches'}</option>
                  ${options.map((x) => html`<option value=${x.id} ?selected=${p.personId === x.id}>${x.name}</option>`)}</select>`)}
                ${select(`input.participants[${i}].role`, 'Role', `participants.${i}.role`, ROLES.map((r) => [r, label(r)]))}
                ${select(`input.participants[${i}].envoyId`, 'As envoy', `participants.${i}.envoyId`, envoys.map((x) => [x.id, x.title]), { empty: 'not as an envoy' })}
                <button type="button" class="secondary" aria-label="Remove participant ${i + 1}" @click=${() => this.removeParticipant(i)}>Remove</button></div>`;
            })}
            <div class="field ${e.byField?.['input.participants'] ? 'invalid' : ''}" data-field="input.participants">${e.byField?.['input.participants'] ? html`<p class="field-error">${e.byField['input.participants']}</p>` : ''}</div>
            <button type="button" class="secondary" @click=${() => this.set('participants', [...d.participants, { personId: '', role: 'PARTICIPANT', envoyId: '', find: '' }])}>Add a participant</button>
          </fieldset>
          <fieldset><legend>Citations</legend>
            ${sourceOptions.length ? '' : html`<p class="empty">No sources yet: <a href="/record/source">add one</a> first.</p>`}
            ${d.citations.map((c, i) => html`<div class="repeat" data-citation=${i}>
              ${select(`input.citations[${i}].sourceId`, `Source of citation ${i + 1}`, `citations.${i}.sourceId`, sourceOptions, { empty: 'choose a source' })}
              ${field(e, `input.citations[${i}].excerpt`, 'Excerpt: the passage that supports the talk', (id, describedBy, invalid) => html`<textarea id=${id} rows="3" .value=${c.excerpt} @input=${(ev) => this.set(`citations.${i}.excerpt`, ev.target.value)} aria-describedby=${describedBy ?? ''} aria-invalid=${invalid}></textarea>`)}
              <button type="button" class="secondary" aria-label="Remove citation ${i + 1}" @click=${() => this.set('citations', d.citations.filter((_, j) => j !== i))}>Remove</button></div>`)}
            <button type="button" class="secondary" @click=${() => this.set('citations', [...d.citations, { sourceId: '', excerpt: '' }])}>Add a citation</button>
            <a href="/record/source">New source…</a>
          </fieldset>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : talk ? 'Save changes' : 'Record talk'}</button>
        </form>`;
    });
  }
}

customElements.define('parley-sign-in', SignInView);
customElements.define('parley-source-form', SourceForm);
customElements.define('parley-talk-form', TalkForm);
