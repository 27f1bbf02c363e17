// The read views: start page, search, person, talk, track and source (pages.js has outcomes,
// statements, trips and envoy appointments). Each reads through Parley's GraphQL API and
// refreshes itself when a subscription reports a change it shows.
import { html } from 'lit';
import { View } from './view.js';
import { query } from './graphql.js';
import { subscribe } from './live.js';
import { auth } from './auth.js';
import { aliasName, byLanguage, dateText, dateTimeText, foundBy, hrefFor, label, languageName, personLink, searchHref, snippet, sourceText, titleOf } from './format.js';
import './charts.js';
import './timeline.js';
import './map.js';

const TALK_LINE = 'id title date datePrecision status format';
const TIMELINE_ITEM = `__typename
  ... on Talk { id ${TALK_LINE} }
  ... on Trip { id destination { name } envoy { person { id name } } talks { id } }
  ... on Outcome { id title outcomeStatus: status talks { id } track { id } }
  ... on Statement { id quote speaker { id name } talk { id } }`;

export const talkRow = (t) => html`<li><a href="/talks/${encodeURIComponent(t.id)}">${t.title}</a>
  <span class="when">${dateText(t.date, t.datePrecision)}</span>
  <span class="status status-${t.status.toLowerCase()}">${label(t.status)}</span></li>`;

export const citationList = (citations) => citations.length
  ? html`<ul class="citations">${citations.map((c) => html`<li>
      ${c.excerpt ? html`<blockquote>${c.excerpt}</blockquote>` : html`<p class="empty">No excerpt recorded.</p>`}
      <p class="cite">— <a href="/sources/${encodeURIComponent(c.source.id)}">${sourceText(c.source)}</a>${c.source.url ? html` · <a href=${c.source.url} rel="noopener noreferrer external">original</a>` : ''}</p>
    </li>`)}</ul>`
  : html`<p class="empty">No citations.</p>`;

export const CITATIONS = 'citations { excerpt source { id publisher title publishedOn url } }';

/** The page of one record: loaded again whenever its id changes. */
export class RecordView extends View {
  static properties = { id: {} };
  willUpdate(changed) {
    if (changed.has('id')) this.reload();
  }
}

/** Refreshes a view whenever any of the live events arrives and test(data) says it matters. */
export function listen(view, events, test) {
  const stops = events.map(([document, field]) => subscribe(document, {}, (data) => {
    if (data?.[field] && test(data[field])) view.reload();
  }));
  return () => stops.forEach((stop) => stop());
}

export const TALK_EVENT = `subscription { talkRecorded { id track { id } participants { person { id } } } }`;
export const OUTCOME_EVENT = `subscription { outcomeRecorded { id track { id } talks { id } } }`;
export const STATEMENT_EVENT = `subscription { statementRecorded { id track { id } talk { id } speaker { id } } }`;

const isAdmin = () => (auth.user?.roles || []).includes('admin');

/**
 * Edit and delete for a record's page: editors and admins may edit, only admins delete (the
 * API's roles). Both open the editing views, which are loaded only then (main.js).
 */
export const editActions = (type, record, noun, more = []) => (auth.canEdit ? html`<p class="actions">
  <a class="button" href="/record/${type}?edit=${encodeURIComponent(record.id)}">Edit this ${noun}</a>
  ${more.map(([href, text]) => html`<a class="button secondary" href=${href}>${text}</a>`)}
  ${isAdmin() ? html`<a class="button secondary danger" href="/record/${type}?delete=${encodeURIComponent(record.id)}">Delete this ${noun}…</a>` : ''}</p>` : '');

/** A record's revisions, oldest first, with the fields each update changed. */
export const historyList = (history) => (history.length ? html`<ol class="history">${history.map((r) => html`<li><strong>${r.number}. ${label(r.action)}</strong> ${dateTimeText(r.at)}${r.actor ? ` by ${r.actor}` : ''}
  ${r.changes.length && r.action === 'UPDATED' ? html`<ul>${r.changes.map((c) => html`<li><code>${c.field}</code>: ${c.from ?? '—'} → ${c.to ?? '—'}</li>`)}</ul>` : ''}</li>`)}</ol>` : html`<p class="empty">No revisions recorded.</p>`);

export const HISTORY = 'history(id: $id) { number action at actor changes { field from to } }';

/** Links to the streamed exports (CSV per record type, PLOVER events as JSON Lines), with a list filter. */
const downloads = (files, filter = {}) => {
  const query = new URLSearchParams(filter).toString();
  return html`<ul class="downloads">${files.map(([file, text]) => html`<li><a href=${`/export/${file}${query ? `?${query}` : ''}`} download>${text}</a></li>`)}</ul>`;
};

// ------------------------------------------------------------------------------- start page
const HOME = `query Home { talks(first: 10) { totalCount nodes { ${TALK_LINE} track { id name } } }
  tracks(first: 50) { nodes { id name status parties } } }`;

class HomeView extends View {
  connectedCallback() {
    super.connectedCallback();
    this.reload();
    this.stop = listen(this, [[TALK_EVENT, 'talkRecorded']], () => true);
  }
  reload() {
    this.load(() => query(HOME));
  }
  updated() {
    if (this.state.data) this.firstRendered();
  }
  render() {
    return this.guarded(({ talks, tracks }) => html`
      <h1 tabindex="-1">Diplomacy, sourced</h1>
      <p class="lede">Envoys, talks, trips, statements and outcomes, each tied to the report it came from. Search above, or start from a track or a recent talk.</p>
      <div class="columns">
        <section aria-labelledby="recent"><h2 id="recent">Recent talks <span class="count">${talks.totalCount}</span></h2>
          ${talks.nodes.length ? html`<ul class="records" id="recent-talks">${talks.nodes.map(talkRow)}</ul>` : html`<p class="empty">No talks recorded yet.</p>`}
        </section>
        <section aria-labelledby="tracks"><h2 id="tracks">Tracks</h2>
          ${tracks.nodes.length ? html`<ul class="records">${tracks.nodes.map((t) => html`<li><a href="/tracks/${encodeURIComponent(t.id)}">${t.name}</a>
            <span class="status status-${t.status.toLowerCase()}">${label(t.status)}</span> <span class="muted">${t.parties.join(', ')}</span></li>`)}</ul>` : html`<p class="empty">No tracks yet.</p>`}
        </section>
      </div>
      <section aria-labelledby="downloads"><h2 id="downloads">Download the data</h2>
        <p class="muted">Every record, streamed whatever the size: CSV per record type, events in PLOVER's shape as JSON Lines, or one report bundle to import into another Parley.</p>
        ${downloads([['talks.csv', 'Talks (CSV)'], ['people.csv', 'People (CSV)'], ['outcomes.csv', 'Outcomes (CSV)'],
          ['statements.csv', 'Statements (CSV)'], ['trips.csv', 'Trips (CSV)'], ['envoys.csv', 'Envoys (CSV)'],
          ['tracks.csv', 'Tracks (CSV)'], ['sources.csv', 'Sources (CSV)'], ['events.jsonl', 'Events, PLOVER (JSON Lines)'],
          ['bundle', 'Everything as a report bundle (JSON)']])}
      </section>`);
  }
}

// ---------------------------------------------------------------------------------- search
const ALIASES = 'aliasesWithLanguage { name language }';
const SEARCH = `query Search($q: String!) { search(query: $q, first: 30) { score snippet result { __typename
  ... on Person { id name ${ALIASES} } ... on Talk { id title date datePrecision } ... on Track { id name }
  ... on Source { id publisher sourceTitle: title } ... on Outcome { id title talks { id } track { id } }
  ... on Statement { id quote speaker { id name } talk { id } }
  ... on Envoy { id title person { id name } } ... on Trip { id destination { name } envoy { person { id name } } talks { id } } } } }`;
const SUGGESTIONS = `query SearchSuggestions($q: String!) { searchSuggestions(query: $q, first: 3) }`;

class SearchView extends View {
  static properties = { q: {} };
  willUpdate(changed) {
    if (changed.has('q')) this.reload();
  }
  reload() {
    const q = this.q?.trim();
    if (!q) {
      this.state = { loading: false, data: { search: [], suggestions: [] } };
      return;
    }
    // Only a search that finds nothing asks what may have been meant.
    this.load(async () => {
      const { search } = await query(SEARCH, { q });
      const suggestions = search.length ? [] : (await query(SUGGESTIONS, { q })).searchSuggestions;
      return { search, suggestions };
    });
  }
  updated() {
    if (this.state.data) this.firstRendered();
  }
  render() {
    return this.guarded(({ search, suggestions }) => html`
      <h1 tabindex="-1">${this.q ? html`Search: “<bdi>${this.q}</bdi>”` : 'Search'}</h1>
      ${!this.q ? html`<p class="empty">Type a name, a place or a topic in the search box. Typos, accents, nicknames and names in other scripts (Путин, بوتين) are forgiven, and the last word is completed; "quoted phrases", or, and -excluded words work too.</p>`
        : !search.length ? html`<div role="status"><p class="empty">Nothing matches “<bdi>${this.q}</bdi>”. Try fewer or other words.</p>
          ${suggestions.length ? html`<p class="did-you-mean">Did you mean: ${suggestions.map((s, i) => html`${i ? ' or ' : ''}<a href=${searchHref(s)}><bdi>${s}</bdi></a>`)}?</p>` : ''}</div>`
        : html`<p role="status" class="muted">${search.length} result${search.length === 1 ? '' : 's'}, best match first</p>
          <ol class="results">${search.map((hit) => {
            const href = hrefFor(hit.result);
            const title = titleOf(hit.result);
            const aliases = hit.result.__typename === 'Person' ? foundBy(hit.result, this.q) : [];
            return html`<li><span class="badge">${label(hit.result.__typename)}</span>
              ${href ? html`<a href=${href}>${title}</a>` : html`<span>${title}</span>`}
              ${aliases.length ? html`<p class="found-by">also written ${aliases.map((a, i) => html`${i ? ', ' : ''}${aliasName(a)} (${languageName(a.language)})`)}</p>` : ''}
              ${hit.snippet ? html`<p class="snippet">${snippet(hit.snippet)}</p>` : ''}</li>`;
          })}</ol>`}`);
  }
}

// ---------------------------------------------------------------------------------- person
const PERSON = `query Person($id: ID!) { person(id: $id) { id name summary countryCode birthDate wikidataId ${ALIASES}
    positions { title organization startDate endDate }
    envoyAppointments { id title mandate represents active startDate endDate announcedOn announcedOnPrecision appointedBy { id name } }
    ${CITATIONS} }
  counterparts(personId: $id) { person { id name } meetingsHeld meetingsExpected talks { date datePrecision status } }
  timeline(personId: $id, first: 100) { date datePrecision item { ${TIMELINE_ITEM} } } }`;

// firstMet/lastMet are bare dates; the held talks they come from say how precise each is, so a
// meeting known only to its month or year is never shown with a made-up day.
const heldTalks = (c) => c.talks.filter((t) => t.status === 'HELD' && t.date);
const metText = (talk) => (talk ? dateText(talk.date, talk.datePrecision) : '—');

/** A person's other names under their name, grouped by language; nothing when there are none. */
const otherNames = (aliases) => (aliases.length ? html`<section class="other-names" aria-labelledby="other-names"><h2 id="other-names">Other names</h2>
  <dl class="facts">${byLanguage(aliases).map(([tag, names]) => html`<div data-language=${tag}><dt>${languageName(tag)}</dt>
    <dd><ul class="names">${names.map((a) => html`<li>${aliasName(a)}</li>`)}</ul></dd></div>`)}</dl></section>` : '');

const span = (from, to) => (from || to ? `${from ? dateText(from) : '?'} – ${to ? dateText(to) : 'today'}` : '');

class PersonView extends RecordView {
  connectedCallback() {
    super.connectedCallback();
    const mine = (records) => records.some((p) => p.person?.id === this.id || p.id === this.id);
    this.stop = listen(this, [[TALK_EVENT, 'talkRecorded'], [STATEMENT_EVENT, 'statementRecorded']],
      (r) => mine(r.participants || []) || r.speaker?.id === this.id);
  }
  reload() {
    this.load(() => query(PERSON, { id: this.id }));
  }
  updated() {
    if (this.state.data?.person) {
      document.title = `${this.state.data.person.name} · Parley`;
      this.firstRendered();
    }
  }
  render() {
    return this.guarded(({ person, counterparts, timeline }) => html`
      <h1 tabindex="-1">${person.name}</h1>
      <p class="meta">${[person.countryCode, person.birthDate ? `born ${dateText(person.birthDate)}` : null].filter(Boolean).join(' · ')}
        ${person.wikidataId ? html` · <a href="https://www.wikidata.org/wiki/${encodeURIComponent(person.wikidataId)}" rel="noopener noreferrer external">Wikidata ${person.wikidataId}</a>` : ''}</p>
      ${otherNames(person.aliasesWithLanguage)}
      ${editActions('person', person, 'person', [[`/record/envoy?person=${encodeURIComponent(person.id)}`, 'Appoint as envoy…'],
        [`/record/statement?speaker=${encodeURIComponent(person.id)}`, 'Add a statement…']])}
      ${person.summary ? html`<p class="lede">${person.summary}</p>` : ''}
      <div class="columns">
        <section aria-labelledby="positions"><h2 id="positions">Positions</h2>
          ${person.positions.length ? html`<ul>${person.positions.map((p) => html`<li>${p.title}${p.organization ? `, ${p.organization}` : ''} <span class="muted">${span(p.startDate, p.endDate)}</span></li>`)}</ul>` : html`<p class="empty">No positions recorded.</p>`}
        </section>
        <section aria-labelledby="envoy"><h2 id="envoy">Envoy appointments</h2>
          ${person.envoyAppointments.length ? html`<ul class="appointments">${person.envoyAppointments.map((e) => html`<li><a href="/envoys/${encodeURIComponent(e.id)}"><strong>${e.title}</strong></a> (${e.represents})${e.mandate ? html`, ${e.mandate}` : ''}
            <span class="status status-${e.active ? 'active' : 'ended'}">${e.active ? 'active' : 'ended'}</span>
            <div class="muted">${e.appointedBy ? html`appointed by ${personLink(e.appointedBy)}` : ''}${e.announcedOn ? ` · announced ${dateText(e.announcedOn, e.announcedOnPrecision)}` : ''}${e.startDate || e.endDate ? ` · ${span(e.startDate, e.endDate)}` : ''}</div></li>`)}</ul>` : html`<p class="empty">Not an envoy.</p>`}
        </section>
      </div>
      <section aria-labelledby="counterparts"><h2 id="counterparts">Counterparts</h2>
        ${counterparts.length ? html`
          <p class="legend"><span class="key held"></span> meetings held (thicker: more) <span class="key expected"></span> meetings expected</p>
          <parley-counterpart-graph .person=${person} .counterparts=${counterparts} label="Network of ${person.name}'s counterparts; the table below lists the same"></parley-counterpart-graph>
          <div class="table-scroll"><table class="counterparts"><caption class="visually-hidden">Counterparts of ${person.name}</caption>
            <thead><tr><th scope="col">Counterpart</th><th scope="col">Meetings held</th><th scope="col">Expected</th><th scope="col">First met</th><th scope="col">Last met</th></tr></thead>
            <tbody>${counterparts.map((c) => html`<tr data-person=${c.person.name}><th scope="row">${personLink(c.person)}</th>
              <td class="held">${c.meetingsHeld}</td><td class="expected">${c.meetingsExpected}</td>
              <td>${metText(heldTalks(c)[0])}</td><td>${metText(heldTalks(c).at(-1))}</td></tr>`)}</tbody></table></div>`
          : html`<p class="empty">No meetings recorded.</p>`}
      </section>
      <section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>
        <p class="muted">Bars span the whole period a date is known to: a year, a month, a week or a day.</p>
        <parley-timeline .entries=${timeline}></parley-timeline>
      </section>
      <section aria-labelledby="person-sources"><h2 id="person-sources">Sources</h2>${citationList(person.citations)}</section>`,
    { notFound: (d) => !d.person });
  }
}

// ------------------------------------------------------------------------------------ talk
export const TALK = `query Talk($id: ID!) { talk(id: $id) { id version title date datePrecision startsAt endsAt format closedDoor status summary updatedAt
    location { name city countryCode latitude longitude }
    track { id name }
    participants { role person { id name envoyAppointments { id title } } asEnvoy { id title represents } }
    outcomes { id kind status title description date datePrecision figures { label value approximate } beneficiaries { id name } creditedTo { id name } ${CITATIONS} }
    statements { id quote verbatim tone saidOn saidOnPrecision speaker { id name } ${CITATIONS} }
    ${CITATIONS} }
  ${HISTORY} }`;

class TalkView extends RecordView {
  connectedCallback() {
    super.connectedCallback();
    this.stop = listen(this, [[TALK_EVENT, 'talkRecorded'], [OUTCOME_EVENT, 'outcomeRecorded'], [STATEMENT_EVENT, 'statementRecorded']],
      (r) => r.id === this.id || r.talk?.id === this.id || (r.talks || []).some((t) => t.id === this.id));
  }
  reload() {
    this.load(() => query(TALK, { id: this.id }));
  }
  updated() {
    if (this.state.data?.talk) {
      document.title = `${this.state.data.talk.title} · Parley`;
      this.firstRendered();
    }
  }
  render() {
    return this.guarded(({ talk, history }) => html`
      <p class="crumbs">${talk.track ? html`Track: <a href="/tracks/${encodeURIComponent(talk.track.id)}">${talk.track.name}</a>` : 'Talk'}</p>
      <h1 tabindex="-1">${talk.title}</h1>
      <dl class="facts">
        <div><dt>When</dt><dd>${dateText(talk.date, talk.datePrecision)}${talk.startsAt ? html`<br>${dateTimeText(talk.startsAt)}${talk.endsAt ? ` – ${dateTimeText(talk.endsAt)}` : ''}` : ''}</dd></div>
        <div><dt>Status</dt><dd><span class="status status-${talk.status.toLowerCase()}">${label(talk.status)}</span></dd></div>
        <div><dt>Format</dt><dd>${label(talk.format)}</dd></div>
        <div><dt>Closed door</dt><dd>${talk.closedDoor ? 'yes, closed to the press' : 'no'}</dd></div>
        <div><dt>Where</dt><dd>${talk.location ? [talk.location.name, talk.location.city !== talk.location.name ? talk.location.city : null, talk.location.countryCode].filter(Boolean).join(', ') : 'not recorded'}</dd></div>
      </dl>
      ${editActions('talk', talk, 'talk', [[`/record/outcome?talk=${encodeURIComponent(talk.id)}`, 'Add an outcome…'],
        [`/record/statement?talk=${encodeURIComponent(talk.id)}`, 'Add a statement…']])}
      ${talk.summary ? html`<p class="lede">${talk.summary}</p>` : ''}
      <div class="columns">
        <section aria-labelledby="participants"><h2 id="participants">Participants</h2>
          ${talk.participants.length ? html`<ul class="participants">${talk.participants.map((p) => html`<li>${personLink(p.person)} <span class="badge">${label(p.role)}</span>
            ${p.asEnvoy ? html`<div class="muted">as ${p.asEnvoy.title} (${p.asEnvoy.represents})</div>` : ''}</li>`)}</ul>` : html`<p class="empty">No participants recorded.</p>`}
        </section>
        <section aria-labelledby="place"><h2 id="place">Place</h2><parley-place-map .location=${talk.location}></parley-place-map></section>
      </div>
      <section aria-labelledby="outcomes"><h2 id="outcomes">Outcomes</h2>
        ${talk.outcomes.length ? html`<ul class="cards">${talk.outcomes.map((o) => html`<li><h3><a href="/outcomes/${encodeURIComponent(o.id)}">${o.title}</a></h3>
          <p><span class="badge">${label(o.kind)}</span> <span class="status status-${o.status.toLowerCase()}">${label(o.status)}</span> ${o.date ? html`<span class="when">${dateText(o.date, o.datePrecision)}</span>` : ''}</p>
          ${o.description ? html`<p>${o.description}</p>` : ''}
          ${o.figures.length ? html`<ul class="figures">${o.figures.map((f) => html`<li><strong>${f.approximate ? 'about ' : ''}${f.value.toLocaleString('en')}</strong> ${f.label}</li>`)}</ul>` : ''}
          ${o.beneficiaries.length ? html`<p>For: ${o.beneficiaries.map((p, i) => html`${i ? ', ' : ''}${personLink(p)}`)}</p>` : ''}
          ${o.creditedTo.length ? html`<p>Credited to: ${o.creditedTo.map((p, i) => html`${i ? ', ' : ''}${personLink(p)}`)}</p>` : ''}
          ${citationList(o.citations)}</li>`)}</ul>` : html`<p class="empty">No outcomes recorded.</p>`}
      </section>
      <section aria-labelledby="statements"><h2 id="statements">Statements</h2>
        ${talk.statements.length ? html`<ul class="cards">${talk.statements.map((s) => html`<li>
          <blockquote class=${s.verbatim ? 'verbatim' : 'reported'}>${s.verbatim ? `“${s.quote}”` : s.quote}</blockquote>
          <p>${personLink(s.speaker)}, ${dateText(s.saidOn, s.saidOnPrecision)} · <span class="badge tone">tone: ${label(s.tone)}</span> · ${s.verbatim ? 'verbatim' : 'reported speech'} · <a href="/statements/${encodeURIComponent(s.id)}">the statement's page</a></p>
          ${citationList(s.citations)}</li>`)}</ul>` : html`<p class="empty">No statements recorded.</p>`}
      </section>
      <section aria-labelledby="talk-sources"><h2 id="talk-sources">Sources</h2>${citationList(talk.citations)}</section>
      <section aria-labelledby="history"><h2 id="history">Revision history</h2>${historyList(history)}</section>`,
    { notFound: (d) => !d.talk });
  }
}

// ----------------------------------------------------------------------------------- track
const TRACK = `query Track($id: ID!) { track(id: $id) { id name status parties summary ${CITATIONS} }
  talkActivity(filter: {trackIds: [$id]}) { month count }
  timeline(trackId: $id, first: 100) { date datePrecision item { ${TIMELINE_ITEM} } } }`;

class TrackView extends RecordView {
  connectedCallback() {
    super.connectedCallback();
    this.stop = listen(this, [[TALK_EVENT, 'talkRecorded'], [OUTCOME_EVENT, 'outcomeRecorded']], (r) => r.track?.id === this.id);
  }
  reload() {
    this.load(() => query(TRACK, { id: this.id }));
  }
  updated() {
    if (this.state.data?.track) {
      document.title = `${this.state.data.track.name} · Parley`;
      this.firstRendered();
    }
  }
  render() {
    return this.guarded(({ track, talkActivity, timeline }) => {
      const talksAndOutcomes = timeline.filter((e) => e.item.__typename === 'Talk' || e.item.__typename === 'Outcome');
      return html`
      <h1 tabindex="-1">${track.name}</h1>
      <p class="meta"><span class="status status-${track.status.toLowerCase()}">${label(track.status)}</span> ${track.parties.length ? `Parties: ${track.parties.join(', ')}` : ''}</p>
      ${editActions('track', track, 'track', [[`/record/talk?track=${encodeURIComponent(track.id)}`, 'Record a talk on this track…'],
        [`/record/outcome?track=${encodeURIComponent(track.id)}`, 'Record an outcome…']])}
      ${track.summary ? html`<p class="lede">${track.summary}</p>` : ''}
      <section aria-labelledby="activity"><h2 id="activity">Talks per month</h2>
        ${talkActivity.length ? html`<parley-activity-chart .months=${talkActivity} label=${`Talks per month: ${talkActivity.map((m) => `${m.month}: ${m.count}`).join(', ')}`}></parley-activity-chart>
          <p class="muted">Talks dated only to the year belong to no month and are not counted here.</p>`
          : html`<p class="empty">No talk dated to a month yet.</p>`}
      </section>
      <section aria-labelledby="over-time"><h2 id="over-time">Talks and outcomes over time</h2>
        <parley-timeline .entries=${talksAndOutcomes}></parley-timeline></section>
      <section aria-labelledby="track-sources"><h2 id="track-sources">Sources</h2>${citationList(track.citations)}</section>
      <section aria-labelledby="track-downloads"><h2 id="track-downloads">Download this track</h2>
        ${downloads([['talks.csv', 'Its talks (CSV)'], ['outcomes.csv', 'Its outcomes (CSV)'], ['statements.csv', 'Its statements (CSV)'],
          ['events.jsonl', 'Its events, PLOVER (JSON Lines)']], { trackIds: track.id })}
      </section>`;
    }, { notFound: (d) => !d.track });
  }
}

// ---------------------------------------------------------------------------------- source
const SOURCE = `query Source($id: ID!) { source(id: $id) { id publisher title url language publishedOn version updatedAt
  citedBy { __typename id
    ... on Person { name citations { excerpt source { id } } }
    ... on Track { name citations { excerpt source { id } } }
    ... on Talk { title date datePrecision citations { excerpt source { id } } }
    ... on Outcome { title talks { id } track { id } citations { excerpt source { id } } }
    ... on Statement { quote speaker { id name } talk { id } citations { excerpt source { id } } }
    ... on Envoy { title person { id name } citations { excerpt source { id } } }
    ... on Trip { destination { name } envoy { person { id name } } talks { id } citations { excerpt source { id } } } } } }`;

class SourceView extends RecordView {
  reload() {
    this.load(() => query(SOURCE, { id: this.id }));
  }
  updated() {
    if (this.state.data?.source) {
      document.title = `${this.state.data.source.publisher} · Parley`;
      this.firstRendered();
    }
  }
  render() {
    return this.guarded(({ source }) => html`
      <p class="crumbs">Source</p>
      <h1 tabindex="-1">${source.title || source.publisher}</h1>
      <dl class="facts">
        <div><dt>Publisher</dt><dd>${source.publisher}</dd></div>
        <div><dt>Published</dt><dd>${source.publishedOn ? dateText(source.publishedOn) : 'date not recorded'}</dd></div>
        <div><dt>Language</dt><dd>${source.language || 'not recorded'}</dd></div>
        <div><dt>Link</dt><dd>${source.url ? html`<a href=${source.url} rel="noopener noreferrer external">${source.url}</a>` : 'none recorded'}</dd></div>
      </dl>
      ${editActions('source', source, 'source')}
      <section aria-labelledby="cited-by"><h2 id="cited-by">Cited by <span class="count">${source.citedBy.length}</span></h2>
        ${source.citedBy.length ? html`<ul class="cards">${source.citedBy.map((record) => {
          const href = hrefFor(record);
          const excerpts = record.citations.filter((c) => c.source.id === source.id);
          return html`<li><span class="badge">${label(record.__typename)}</span> ${href ? html`<a href=${href}>${titleOf(record)}</a>` : titleOf(record)}
            ${excerpts.map((c) => (c.excerpt ? html`<blockquote>${c.excerpt}</blockquote>` : ''))}</li>`;
        })}</ul>` : html`<p class="empty">Nothing cites this source yet.</p>`}
      </section>`,
    { notFound: (d) => !d.source });
  }
}

customElements.define('parley-home', HomeView);
customElements.define('parley-search', SearchView);
customElements.define('parley-person', PersonView);
customElements.define('parley-talk', TalkView);
customElements.define('parley-track', TrackView);
customElements.define('parley-source', SourceView);
