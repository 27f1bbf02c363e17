// Every record type's form, as a description the one form component (record-form.js) renders,
// reads, writes and checks. Loaded only with the editing views (the leading underscore keeps
// this folder out of the Web Bundler's first-view entry point).
//
// A type:   { noun, root (the Query field reading one), page (its URL's first segment),
//             create, update, input (mutation and input type names), fields, heading(record),
//             createHeading, createButton, back(record): [href, text] (where to go after a delete),
//             prefill: { urlParam: field } (?talk=<id> fills a reference field),
//             remove: { mutation, versioned, rule, count (a query), blockers(its data): [[n, noun, nouns]],
//                       by ('referred to by'), unchecked (what the count cannot see) } (delete),
//             actions: [{ legend, when, fields, mutation, button }] (e.g. end a mandate) }
// A field:  { name (the input field), label, kind, required, hint, read (where the stored
//             record holds it, a key or a function, when not at name), select (its selection,
//             when it cannot be derived) } and by kind:
//   text | longtext | number | integer | boolean | datetime    a value
//   date        { precision: the input field saying how much of the date is known }
//   enum        { values, empty: the text of "not given" (omitted: a value is always chosen), initial }
//   ref | refs  { to: person | talk | track | envoy | source, item } one reference, or several
//   choice      { options(row): [[value, text]] } a value offered by what else the row holds
//   texts       { item } a list of plain strings
//   group       { fields, nullUnless: the subfield whose emptiness sends null }
//   list        { fields, item, rows: the rows a new record starts with }
import { dateText } from '../format.js';

export const PRECISIONS = ['DAY', 'WEEK', 'MONTH', 'YEAR'];

/** Citations with their passages: the same on every type that has them. */
const CITATIONS = {
  name: 'citations', label: 'Citations', kind: 'list', item: 'citation', rows: [{}],
  hint: 'Each fact is tied to its source, with the passage that supports it.',
  fields: [
    { name: 'sourceId', label: 'Source', kind: 'ref', to: 'source', read: 'source', required: true },
    { name: 'excerpt', label: 'Excerpt: the passage that supports it', kind: 'longtext' },
  ],
};

const LOCATION = (required) => [
  { name: 'name', label: 'Place name', kind: 'text', required, hint: required ? 'e.g. Moscow, the Kremlin' : 'leave empty when unknown' },
  { name: 'city', label: 'City', kind: 'text' },
  { name: 'countryCode', label: 'Country code', kind: 'text', hint: 'ISO 3166-1 alpha-2, e.g. RU' },
  { name: 'latitude', label: 'Latitude', kind: 'number', hint: '−90 to 90' },
  { name: 'longitude', label: 'Longitude', kind: 'number', hint: '−180 to 180' },
  { name: 'geonamesId', label: 'GeoNames ID', kind: 'integer' },
];

const SAFE_DELETE = (noun) => `Nothing else refers to ${noun}: Parley deletes it with its citations. Its revision history is kept.`;

export const TYPES = {
  person: {
    noun: 'person', root: 'person', page: 'people', create: 'createPerson', update: 'updatePerson', input: 'PersonInput',
    heading: (r) => r.name,
    createHeading: 'Add a person', createButton: 'Add person',
    fields: [
      { name: 'name', label: 'Name', kind: 'text', required: true, hint: 'as usually written in English' },
      {
        name: 'aliasesWithLanguage', label: 'Other names', kind: 'list', item: 'other name', add: 'Add another name',
        hint: 'Other spellings, transliterations and names in other scripts; search finds the person by each.',
        fields: [
          { name: 'name', label: 'Name', kind: 'text', required: true, dir: 'auto' },
          { name: 'language', label: 'Language', kind: 'text', hint: 'BCP 47 tag, e.g. ru, ar, he, ru-Latn; empty when unknown' },
        ],
      },
      { name: 'countryCode', label: 'Country code', kind: 'text', hint: 'ISO 3166-1 alpha-2, e.g. US' },
      { name: 'birthDate', label: 'Born', kind: 'date' },
      { name: 'wikidataId', label: 'Wikidata ID', kind: 'text', hint: 'e.g. Q7614318' },
      { name: 'summary', label: 'Summary', kind: 'longtext' },
      {
        name: 'positions', label: 'Positions', kind: 'list', item: 'position',
        fields: [
          { name: 'title', label: 'Title', kind: 'text', required: true, hint: 'e.g. Kremlin spokesman' },
          { name: 'organization', label: 'Organization', kind: 'text' },
          { name: 'startDate', label: 'From', kind: 'date' },
          { name: 'endDate', label: 'Until', kind: 'date' },
        ],
      },
      CITATIONS,
    ],
    remove: {
      mutation: 'deletePerson', versioned: false,
      rule: 'Parley refuses to delete a person while anything refers to them: talks they took part in, their statements, envoy appointments they hold or made, and outcomes that name them.',
      count: `query PersonReferences($id: ID!) { r: person(id: $id) { talks(first: 1) { totalCount } statements(first: 1) { totalCount } envoyAppointments { id } } }`,
      blockers: ({ r }) => [[r.talks.totalCount, 'talk', 'talks'], [r.statements.totalCount, 'statement', 'statements'],
        [r.envoyAppointments.length, 'envoy appointment held', 'envoy appointments held']],
      unchecked: 'envoy appointments they made and outcomes naming them',
    },
  },

  envoy: {
    noun: 'envoy appointment', root: 'envoy', page: 'envoys', create: 'appointEnvoy', update: 'updateEnvoy', input: 'EnvoyInput',
    heading: (r) => `${r.person.name}, ${r.title}`,
    createHeading: 'Appoint an envoy', createButton: 'Appoint envoy',
    back: (r) => [`/people/${encodeURIComponent(r.person.id)}`, r.person.name],
    fields: [
      { name: 'personId', label: 'Envoy', kind: 'ref', to: 'person', read: 'person', required: true },
      { name: 'title', label: 'Title', kind: 'text', required: true, hint: 'e.g. United States Special Envoy to the Middle East' },
      { name: 'represents', label: 'Represents', kind: 'text', required: true, hint: 'the state, as an ISO 3166-1 alpha-2 code, e.g. US' },
      { name: 'mandate', label: 'Mandate', kind: 'text', hint: 'region or portfolio, e.g. Middle East' },
      { name: 'appointedById', label: 'Appointed by', kind: 'ref', to: 'person', read: 'appointedBy' },
      { name: 'announcedOn', label: 'Announced on', kind: 'date', precision: 'announcedOnPrecision' },
      { name: 'startDate', label: 'Serving from', kind: 'date' },
      { name: 'endDate', label: 'Serving until', kind: 'date', hint: 'empty while the mandate lasts' },
      CITATIONS,
    ],
    prefill: { person: 'personId' },
    actions: [{
      id: 'end-mandate', legend: 'End the mandate', button: 'End the mandate', param: 'end',
      when: (r) => !r.endDate,
      text: 'Records the last day of the mandate; everything else stays as it is.',
      fields: [{ name: 'endDate', label: 'Last day of the mandate', kind: 'date', required: true }],
      mutation: `mutation EndEnvoyMandate($id: ID!, $endDate: Date!) { endEnvoyMandate(id: $id, endDate: $endDate) { id } }`,
    }],
    remove: {
      mutation: 'deleteEnvoy', versioned: true,
      rule: 'Parley refuses to delete an envoy appointment while a talk participant acted under it or a trip was made under it.',
      count: `query EnvoyReferences($id: ID!) { r: envoy(id: $id) { talks(first: 1) { totalCount } trips(first: 1) { totalCount } } }`,
      blockers: ({ r }) => [[r.talks.totalCount, 'talk', 'talks'], [r.trips.totalCount, 'trip', 'trips']],
    },
  },

  track: {
    noun: 'track', root: 'track', page: 'tracks', create: 'createTrack', update: 'updateTrack', input: 'TrackInput',
    heading: (r) => r.name,
    createHeading: 'Add a track', createButton: 'Add track',
    fields: [
      { name: 'name', label: 'Name', kind: 'text', required: true, hint: 'e.g. Russia-Ukraine peace talks' },
      { name: 'status', label: 'Status', kind: 'enum', values: ['ACTIVE', 'PAUSED', 'CONCLUDED'], empty: 'active (the default)' },
      { name: 'parties', label: 'Parties', kind: 'texts', item: 'party', hint: 'e.g. RU, UA' },
      { name: 'summary', label: 'Summary', kind: 'longtext' },
      CITATIONS,
    ],
    remove: {
      mutation: 'deleteTrack', versioned: true,
      rule: 'Parley refuses to delete a track while talks, outcomes or statements belong to it.',
      count: `query TrackReferences($id: ID!) { r: track(id: $id) { talks(first: 1) { totalCount } outcomes(first: 1) { totalCount } }
        statements(filter: {trackIds: [$id]}, first: 1) { totalCount } }`,
      blockers: ({ r, statements }) => [[r.talks.totalCount, 'talk', 'talks'], [r.outcomes.totalCount, 'outcome', 'outcomes'],
        [statements.totalCount, 'statement', 'statements']],
    },
  },

  talk: {
    noun: 'talk', root: 'talk', page: 'talks', create: 'recordTalk', update: 'updateTalk', input: 'TalkInput',
    heading: (r) => r.title,
    createHeading: 'Record a talk', createButton: 'Record talk',
    fields: [
      { name: 'title', label: 'Title', kind: 'text', required: true },
      { name: 'date', label: 'Date', kind: 'date', precision: 'datePrecision', required: true },
      { name: 'startsAt', label: 'Starts at (UTC)', kind: 'datetime' },
      { name: 'endsAt', label: 'Ends at (UTC)', kind: 'datetime' },
      { name: 'format', label: 'Format', kind: 'enum', values: ['IN_PERSON', 'PHONE', 'VIDEO', 'SHUTTLE'] },
      { name: 'status', label: 'Status', kind: 'enum', values: ['HELD', 'PLANNED', 'EXPECTED', 'CANCELLED'], empty: 'held if begun, else planned' },
      { name: 'closedDoor', label: 'Closed door (no press)', kind: 'boolean' },
      { name: 'trackId', label: 'Track', kind: 'ref', to: 'track', read: 'track' },
      { name: 'summary', label: 'Summary', kind: 'longtext' },
      { name: 'location', label: 'Place', kind: 'group', nullUnless: 'name', fields: LOCATION(false) },
      {
        name: 'participants', label: 'Participants', kind: 'list', item: 'participant', rows: [{ role: 'HOST' }, { role: 'VISITOR' }],
        fields: [
          { name: 'personId', label: 'Person', kind: 'ref', to: 'person', read: 'person', required: true, resets: ['envoyId'] },
          { name: 'role', label: 'Role', kind: 'enum', values: ['PARTICIPANT', 'HOST', 'VISITOR', 'MEDIATOR'] },
          {
            name: 'envoyId', label: 'As envoy', kind: 'choice', empty: 'not as an envoy', select: 'asEnvoy { id title }',
            read: (p) => p.asEnvoy?.id, options: (row) => (row.personId?.envoyAppointments || []).map((e) => [e.id, e.title]),
          },
        ],
      },
      CITATIONS,
    ],
    prefill: { track: 'trackId' },
    remove: {
      mutation: 'deleteTalk', versioned: false,
      rule: 'Parley refuses to delete a talk while trips, outcomes or statements refer to it.',
      count: `query TalkReferences($id: ID!) { r: talk(id: $id) { outcomes { id } statements { id } } }`,
      blockers: ({ r }) => [[r.outcomes.length, 'outcome', 'outcomes'], [r.statements.length, 'statement', 'statements']],
      unchecked: 'trips that took in the talk',
    },
  },

  trip: {
    noun: 'trip', root: 'trip', page: 'trips', create: 'recordTrip', update: 'updateTrip', input: 'TripInput',
    heading: (r) => `${r.envoy.person.name} to ${r.destination.name}`,
    createHeading: 'Record a trip',
    back: (r) => [`/envoys/${encodeURIComponent(r.envoy.id)}`, `${r.envoy.person.name}, ${r.envoy.title}`],
    fields: [
      { name: 'envoyId', label: 'Envoy', kind: 'ref', to: 'envoy', read: 'envoy', required: true },
      { name: 'destination', label: 'Destination', kind: 'group', fields: LOCATION(true) },
      { name: 'arrivedOn', label: 'Arrived on', kind: 'date' },
      { name: 'departedOn', label: 'Departed on', kind: 'date' },
      { name: 'purpose', label: 'Purpose', kind: 'longtext' },
      { name: 'summary', label: 'Summary', kind: 'longtext', hint: 'what the sources report beyond its purpose' },
      { name: 'talkIds', label: 'Talks on the trip', kind: 'refs', to: 'talk', read: 'talks', item: 'talk' },
      CITATIONS,
    ],
    prefill: { envoy: 'envoyId', talk: 'talkIds' },
    remove: { mutation: 'deleteTrip', versioned: false, rule: SAFE_DELETE('a trip') },
  },

  outcome: {
    noun: 'outcome', root: 'outcome', page: 'outcomes', create: 'recordOutcome', update: 'updateOutcome', input: 'OutcomeInput',
    heading: (r) => r.title,
    createHeading: 'Record an outcome',
    back: (r) => (r.talks[0] ? [`/talks/${encodeURIComponent(r.talks[0].id)}`, r.talks[0].title] : null),
    fields: [
      { name: 'kind', label: 'Kind', kind: 'enum', required: true, values: ['AGREEMENT', 'CEASEFIRE', 'COMMITMENT', 'HOSTAGE_RELEASE', 'MESSAGE_CONVEYED', 'PRISONER_EXCHANGE', 'PRISONER_RELEASE', 'OTHER'] },
      { name: 'title', label: 'Title', kind: 'text', required: true },
      { name: 'status', label: 'Status', kind: 'enum', values: ['PROPOSED', 'AGREED', 'IMPLEMENTED', 'COLLAPSED'], empty: 'agreed (the default)' },
      { name: 'date', label: 'Date', kind: 'date', precision: 'datePrecision' },
      { name: 'description', label: 'Description', kind: 'longtext' },
      { name: 'trackId', label: 'Track', kind: 'ref', to: 'track', read: 'track' },
      { name: 'talkIds', label: 'Talks it came from', kind: 'refs', to: 'talk', read: 'talks', item: 'talk' },
      {
        name: 'figures', label: 'Figures', kind: 'list', item: 'figure', hint: 'numbers the sources give, e.g. 175 prisoners',
        fields: [
          { name: 'label', label: 'What is counted', kind: 'text', required: true, hint: 'e.g. prisoners released' },
          { name: 'value', label: 'Number', kind: 'integer', required: true },
          { name: 'approximate', label: 'Approximate (e.g. “nearly 2,000”)', kind: 'boolean' },
        ],
      },
      { name: 'beneficiaryIds', label: 'For (people it freed or benefited)', kind: 'refs', to: 'person', read: 'beneficiaries', item: 'beneficiary' },
      { name: 'creditedToIds', label: 'Credited to', kind: 'refs', to: 'person', read: 'creditedTo', item: 'person credited' },
      CITATIONS,
    ],
    prefill: { talk: 'talkIds', track: 'trackId' },
    remove: { mutation: 'deleteOutcome', versioned: false, rule: SAFE_DELETE('an outcome') },
  },

  statement: {
    noun: 'statement', root: 'statement', page: 'statements', create: 'recordStatement', update: 'updateStatement', input: 'StatementInput',
    heading: (r) => `${r.speaker.name}: “${r.quote.length > 50 ? `${r.quote.slice(0, 50)}…` : r.quote}”`,
    createHeading: 'Record a statement',
    back: (r) => (r.talk ? [`/talks/${encodeURIComponent(r.talk.id)}`, r.talk.title] : [`/people/${encodeURIComponent(r.speaker.id)}`, r.speaker.name]),
    fields: [
      { name: 'speakerId', label: 'Speaker', kind: 'ref', to: 'person', read: 'speaker', required: true },
      { name: 'quote', label: 'Quote', kind: 'longtext', required: true },
      { name: 'verbatim', label: 'Verbatim: the speaker’s own words (clear for reported speech)', kind: 'boolean', initial: true },
      { name: 'tone', label: 'Tone', kind: 'enum', values: ['NEUTRAL', 'CAUTIOUSLY_OPTIMISTIC', 'OPTIMISTIC', 'PESSIMISTIC', 'SKEPTICAL'] },
      { name: 'saidOn', label: 'Said on', kind: 'date', precision: 'saidOnPrecision', required: true },
      { name: 'talkId', label: 'Talk', kind: 'ref', to: 'talk', read: 'talk' },
      { name: 'trackId', label: 'Track', kind: 'ref', to: 'track', read: 'track' },
      CITATIONS,
    ],
    prefill: { speaker: 'speakerId', talk: 'talkId' },
    remove: { mutation: 'deleteStatement', versioned: false, rule: SAFE_DELETE('a statement') },
  },

  source: {
    noun: 'source', root: 'source', page: 'sources', create: 'addSource', update: 'updateSource', input: 'SourceInput',
    heading: (r) => r.title || r.publisher,
    createHeading: 'Add a source', createButton: 'Add source',
    fields: [
      { name: 'publisher', label: 'Publisher', kind: 'text', required: true, hint: 'e.g. TASS, Reuters' },
      { name: 'title', label: 'Title', kind: 'text' },
      { name: 'url', label: 'URL', kind: 'text', type: 'url' },
      { name: 'language', label: 'Language', kind: 'text', hint: 'BCP 47 tag, e.g. en, ru' },
      { name: 'publishedOn', label: 'Published on', kind: 'date' },
    ],
    remove: {
      mutation: 'deleteSource', versioned: true,
      rule: 'Parley refuses to delete a source while any record cites it.',
      count: `query SourceReferences($id: ID!) { r: source(id: $id) { citedBy { __typename } } }`,
      blockers: ({ r }) => [[r.citedBy.length, 'record', 'records']], by: 'cited by',
    },
  },
};

/** What a reference picker offers for each target: the fields read, the text shown, and how it finds. */
export const TARGETS = {
  person: {
    fields: 'id name envoyAppointments { id title }', list: 'people', text: (p) => p.name, placeholder: 'name or other name',
    find: `query FindPeople($q: String) { found: people(filter: {name: $q}, first: 20) { nodes { id name envoyAppointments { id title } } } }`,
  },
  talk: {
    fields: 'id title date datePrecision', list: 'talks', text: (t) => `${t.title} (${dateText(t.date, t.datePrecision)})`, placeholder: 'words of the title or place',
    find: `query FindTalks($q: String) { found: talks(filter: {text: $q}, first: 20) { nodes { id title date datePrecision } } }`,
  },
  envoy: {
    fields: 'id title represents person { id name }', list: 'envoys', text: (e) => `${e.person.name}, ${e.title} (${e.represents})`, placeholder: 'the envoy’s name',
    find: `query FindEnvoys($q: String) { found: envoys(filter: {name: $q}, first: 20) { nodes { id title represents person { id name } } } }`,
  },
  track: { fields: 'id name', list: 'tracks', text: (t) => t.name, placeholder: 'words of the name' },
  source: { fields: 'id publisher title publishedOn', list: 'sources', text: (s) => [s.publisher, s.title].filter(Boolean).join(': '), placeholder: 'publisher or title' },
};
