// The pages of outcomes, statements, trips and envoy appointments: one URL each
// (/outcomes/<id>, /statements/<id>, /trips/<id>, /envoys/<id>), with the record's facts, its
// citations with their passages, links to every record it names, and its revision history.
import { html } from 'lit';
import { query } from './graphql.js';
import { dateText, label, personLink } from './format.js';
import { CITATIONS, HISTORY, OUTCOME_EVENT, RecordView, STATEMENT_EVENT, citationList, editActions, historyList, listen, talkRow } from './views.js';
import './map.js';

const TALK_LINE = 'id title date datePrecision status';
const enc = encodeURIComponent;
const people = (list) => (list.length ? list.map((p, i) => html`${i ? ', ' : ''}${personLink(p)}`) : html`<span class="muted">none recorded</span>`);
const trackLink = (t) => (t ? html`<a href="/tracks/${enc(t.id)}">${t.name}</a>` : html`<span class="muted">none</span>`);
const talkLink = (t) => (t ? html`<a href="/talks/${enc(t.id)}">${t.title}</a> <span class="when">${dateText(t.date, t.datePrecision)}</span>` : html`<span class="muted">none recorded</span>`);
const place = (l) => (l ? [l.name, l.city !== l.name ? l.city : null, l.countryCode].filter(Boolean).join(', ') : 'not recorded');
const tripDates = (t) => [t.arrivedOn ? `arrived ${dateText(t.arrivedOn)}` : null, t.departedOn ? `left ${dateText(t.departedOn)}` : null].filter(Boolean).join(', ');
const span = (from, to) => (from || to ? `${from ? dateText(from) : '?'} – ${to ? dateText(to) : 'today'}` : 'dates not recorded');

/** A record page: reads QUERY with the id, titles the document and marks the first view. */
class Page extends RecordView {
  reload() {
    this.load(() => query(this.constructor.QUERY, { id: this.id }));
  }
  updated() {
    const record = this.state.data?.record;
    if (record) {
      document.title = `${this.heading(record)} · Parley`;
      this.firstRendered();
    }
  }
  render() {
    return this.guarded(({ record, history }) => html`${this.page(record)}
      <section aria-labelledby="record-sources"><h2 id="record-sources">Sources</h2>${citationList(record.citations)}</section>
      <section aria-labelledby="history"><h2 id="history">Revision history</h2>${historyList(history)}</section>`,
    { notFound: (d) => !d.record });
  }
}

// --------------------------------------------------------------------------------- outcome
class OutcomePage extends Page {
  static QUERY = `query OutcomePage($id: ID!) { record: outcome(id: $id) { id version kind status title description date datePrecision
    figures { label value approximate } beneficiaries { id name } creditedTo { id name }
    talks { ${TALK_LINE} } track { id name } ${CITATIONS} } ${HISTORY} }`;
  connectedCallback() {
    super.connectedCallback();
    this.stop = listen(this, [[OUTCOME_EVENT, 'outcomeRecorded']], (r) => r.id === this.id);
  }
  heading(o) {
    return o.title;
  }
  page(o) {
    return html`<p class="crumbs">Outcome${o.track ? html` · Track: ${trackLink(o.track)}` : ''}</p>
      <h1 tabindex="-1">${o.title}</h1>
      <dl class="facts">
        <div><dt>Kind</dt><dd><span class="badge">${label(o.kind)}</span></dd></div>
        <div><dt>Status</dt><dd><span class="status status-${o.status.toLowerCase()}">${label(o.status)}</span></dd></div>
        <div><dt>When</dt><dd>${o.date ? dateText(o.date, o.datePrecision) : 'not recorded'}</dd></div>
        <div><dt>Track</dt><dd>${trackLink(o.track)}</dd></div>
      </dl>
      ${editActions('outcome', o, 'outcome')}
      ${o.description ? html`<p class="lede">${o.description}</p>` : ''}
      <div class="columns">
        <section aria-labelledby="figures"><h2 id="figures">Figures</h2>
          ${o.figures.length ? html`<ul class="figures">${o.figures.map((f) => html`<li><strong>${f.approximate ? 'about ' : ''}${f.value.toLocaleString('en')}</strong> ${f.label}</li>`)}</ul>` : html`<p class="empty">No figures recorded.</p>`}
        </section>
        <section aria-labelledby="people"><h2 id="people">People</h2>
          <dl class="facts"><div><dt>For</dt><dd class="beneficiaries">${people(o.beneficiaries)}</dd></div>
            <div><dt>Credited to</dt><dd class="credited">${people(o.creditedTo)}</dd></div></dl>
        </section>
      </div>
      <section aria-labelledby="outcome-talks"><h2 id="outcome-talks">Talks it came from</h2>
        ${o.talks.length ? html`<ul class="records">${o.talks.map(talkRow)}</ul>` : html`<p class="empty">No talks recorded.</p>`}</section>`;
  }
}

// ------------------------------------------------------------------------------- statement
class StatementPage extends Page {
  static QUERY = `query StatementPage($id: ID!) { record: statement(id: $id) { id version quote verbatim tone saidOn saidOnPrecision
    speaker { id name } talk { ${TALK_LINE} } track { id name } ${CITATIONS} } ${HISTORY} }`;
  connectedCallback() {
    super.connectedCallback();
    this.stop = listen(this, [[STATEMENT_EVENT, 'statementRecorded']], (r) => r.id === this.id);
  }
  heading(s) {
    return `${s.speaker.name}: “${s.quote.length > 60 ? `${s.quote.slice(0, 60)}…` : s.quote}”`;
  }
  page(s) {
    return html`<p class="crumbs">Statement${s.talk ? html` · Talk: <a href="/talks/${enc(s.talk.id)}">${s.talk.title}</a>` : ''}</p>
      <h1 tabindex="-1">${s.speaker.name}, ${dateText(s.saidOn, s.saidOnPrecision)}</h1>
      <blockquote class="statement ${s.verbatim ? 'verbatim' : 'reported'}">${s.verbatim ? `“${s.quote}”` : s.quote}</blockquote>
      <dl class="facts">
        <div><dt>Speaker</dt><dd>${personLink(s.speaker)}</dd></div>
        <div><dt>Said</dt><dd>${dateText(s.saidOn, s.saidOnPrecision)}</dd></div>
        <div><dt>Words</dt><dd>${s.verbatim ? 'verbatim: the speaker’s own words' : 'reported speech'}</dd></div>
        <div><dt>Tone</dt><dd><span class="badge tone">${label(s.tone)}</span></dd></div>
        <div><dt>Talk</dt><dd>${talkLink(s.talk)}</dd></div>
        <div><dt>Track</dt><dd>${trackLink(s.track)}</dd></div>
      </dl>
      ${editActions('statement', s, 'statement')}`;
  }
}

// ------------------------------------------------------------------------------------ trip
class TripPage extends Page {
  static QUERY = `query TripPage($id: ID!) { record: trip(id: $id) { id version departedOn arrivedOn purpose summary
    destination { name city countryCode latitude longitude }
    envoy { id title represents person { id name } } talks { ${TALK_LINE} } ${CITATIONS} } ${HISTORY} }`;
  heading(t) {
    return `${t.envoy.person.name} to ${t.destination.name}`;
  }
  page(t) {
    return html`<p class="crumbs">Trip</p>
      <h1 tabindex="-1">${t.envoy.person.name} to ${t.destination.name}</h1>
      <dl class="facts">
        <div><dt>Envoy</dt><dd>${personLink(t.envoy.person)}, <a href="/envoys/${enc(t.envoy.id)}">${t.envoy.title}</a> (${t.envoy.represents})</dd></div>
        <div><dt>Destination</dt><dd>${place(t.destination)}</dd></div>
        <div><dt>Arrived</dt><dd>${t.arrivedOn ? dateText(t.arrivedOn) : 'not recorded'}</dd></div>
        <div><dt>Departed</dt><dd>${t.departedOn ? dateText(t.departedOn) : 'not recorded'}</dd></div>
      </dl>
      ${editActions('trip', t, 'trip')}
      ${t.purpose ? html`<p class="lede">${t.purpose}</p>` : ''}
      ${t.summary ? html`<p>${t.summary}</p>` : ''}
      <div class="columns">
        <section aria-labelledby="trip-talks"><h2 id="trip-talks">Talks on this trip</h2>
          ${t.talks.length ? html`<ul class="records">${t.talks.map(talkRow)}</ul>` : html`<p class="empty">No talks recorded.</p>`}</section>
        <section aria-labelledby="place"><h2 id="place">Place</h2><parley-place-map .location=${t.destination}></parley-place-map></section>
      </div>`;
  }
}

// ----------------------------------------------------------------------- envoy appointment
class EnvoyPage extends Page {
  static QUERY = `query EnvoyPage($id: ID!) { record: envoy(id: $id) { id version title mandate represents active startDate endDate
    announcedOn announcedOnPrecision person { id name } appointedBy { id name }
    talks(first: 50) { totalCount nodes { ${TALK_LINE} } }
    trips(first: 50) { totalCount nodes { id arrivedOn departedOn destination { name } } } ${CITATIONS} } ${HISTORY} }`;
  heading(e) {
    return `${e.person.name}, ${e.title}`;
  }
  page(e) {
    return html`<p class="crumbs">Envoy appointment · ${personLink(e.person)}</p>
      <h1 tabindex="-1">${e.person.name}, ${e.title}</h1>
      <dl class="facts">
        <div><dt>Envoy</dt><dd>${personLink(e.person)}</dd></div>
        <div><dt>Represents</dt><dd>${e.represents}</dd></div>
        <div><dt>Mandate</dt><dd>${e.mandate || 'not recorded'}</dd></div>
        <div><dt>Status</dt><dd><span class="status status-${e.active ? 'active' : 'ended'}">${e.active ? 'active' : 'ended'}</span></dd></div>
        <div><dt>Serving</dt><dd>${span(e.startDate, e.endDate)}</dd></div>
        <div><dt>Appointed by</dt><dd>${e.appointedBy ? personLink(e.appointedBy) : 'not recorded'}</dd></div>
        <div><dt>Announced</dt><dd>${e.announcedOn ? dateText(e.announcedOn, e.announcedOnPrecision) : 'not recorded'}</dd></div>
      </dl>
      ${editActions('envoy', e, 'envoy appointment', [...(e.endDate ? [] : [[`/record/envoy?edit=${enc(e.id)}&end=1`, 'End the mandate…']]),
        [`/record/trip?envoy=${enc(e.id)}`, 'Record a trip…']])}
      <div class="columns">
        <section aria-labelledby="envoy-talks"><h2 id="envoy-talks">Talks as this envoy <span class="count">${e.talks.totalCount}</span></h2>
          ${e.talks.nodes.length ? html`<ul class="records">${e.talks.nodes.map(talkRow)}</ul>` : html`<p class="empty">No talks recorded.</p>`}</section>
        <section aria-labelledby="envoy-trips"><h2 id="envoy-trips">Trips <span class="count">${e.trips.totalCount}</span></h2>
          ${e.trips.nodes.length ? html`<ul class="records">${e.trips.nodes.map((t) => html`<li><a href="/trips/${enc(t.id)}">${e.person.name} to ${t.destination.name}</a>
            <span class="when">${tripDates(t)}</span></li>`)}</ul>` : html`<p class="empty">No trips recorded.</p>`}</section>
      </div>`;
  }
}

customElements.define('parley-outcome', OutcomePage);
customElements.define('parley-statement', StatementPage);
customElements.define('parley-trip', TripPage);
customElements.define('parley-envoy', EnvoyPage);
