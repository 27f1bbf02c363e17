// What the report desk knows about report bundles, read from their JSON Schema (served at
// /import/schema.json) rather than written out per record type: which fields name other
// records, what a record is called in a list, where an import problem's JSON path points, and
// what dropping a record takes with it. Pure functions over plain JSON; no rendering here.

/** The bundle's collections in the importer's order, with what one record of each is called. */
export const COLLECTIONS = ['sources', 'people', 'tracks', 'envoyAppointments', 'talks', 'trips', 'outcomes', 'statements'];
export const NOUN = { sources: 'source', people: 'person', tracks: 'track', envoyAppointments: 'envoy appointment', talks: 'talk', trips: 'trip', outcomes: 'outcome', statements: 'statement' };
/** The GraphQL type a collection's records are stored as (ImportedRecord.type, search results). */
export const TYPE = { sources: 'Source', people: 'Person', tracks: 'Track', envoyAppointments: 'Envoy', talks: 'Talk', trips: 'Trip', outcomes: 'Outcome', statements: 'Statement' };
const PAGES = { Person: 'people', Talk: 'talks', Track: 'tracks', Source: 'sources' };

let schemaPromise;

/** The bundle's JSON Schema, fetched once per tab. */
export function bundleSchema() {
  schemaPromise ??= fetch('/import/schema.json').then((r) => {
    if (!r.ok) throw new Error(`The bundle schema could not be read (HTTP ${r.status}).`);
    return r.json();
  }).catch((error) => {
    schemaPromise = null;
    throw error;
  });
  return schemaPromise;
}

const REF = '#/$defs/ref';

/** A schema node with its $ref followed (the referring node's own description kept). */
export function resolve(schema, node) {
  if (!node?.$ref) return node || {};
  const target = schema.$defs[node.$ref.replace('#/$defs/', '')] || {};
  return node.description ? { ...target, description: node.description } : target;
}

export const isRefNode = (node) => node?.$ref === REF;

/** The schema of one record of a collection. */
export const recordSchema = (schema, collection) => resolve(schema, schema.properties[collection].items);

/**
 * The collection a reference field names, read from the schema's description of it ("ref of a
 * person", "refs of the talks it came from", "ref of a passage of that source").
 */
export function refTarget(description = '') {
  const d = description.toLowerCase();
  if (d.includes('passage')) return 'passages';
  if (d.includes('envoy appointment')) return 'envoyAppointments';
  if (d.includes('source')) return 'sources';
  if (d.includes('talk')) return 'talks';
  if (d.includes('track')) return 'tracks';
  if (d.includes('person') || d.includes('people')) return 'people';
  return null;
}

/** A stored record's ref is its Parley ID (base64url of "Type:key"); a new record's is the draft's own ("person-1"). */
export function storedType(ref) {
  if (!/^[A-Za-z0-9_-]{4,}$/.test(ref || '')) return null;
  try {
    const text = atob(ref.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(ref.length / 4) * 4, '='));
    const match = text.match(/^([A-Z][A-Za-z]+):\d+$/);
    return match && Object.values(TYPE).includes(match[1]) ? match[1] : null;
  } catch {
    return null;
  }
}

/** The page of a stored record, where the app has one (people, talks, tracks, sources). */
export function pageOf(type, id) {
  return PAGES[type] ? `/${PAGES[type]}/${encodeURIComponent(id)}` : null;
}

/** Where a record with this ref is: [collection, index, record], or null. */
export function find(bundle, ref) {
  for (const collection of COLLECTIONS) {
    const index = (bundle[collection] || []).findIndex((r) => r.ref === ref);
    if (index >= 0) return [collection, index, bundle[collection][index]];
  }
  return null;
}

/** Visits every reference of a record: its value, the collection it names and its path in the record (".participants[0].personId"). */
export function eachRef(schema, collection, record, visit) {
  const walk = (node, value, path, key, described) => {
    if (value == null) return;
    if (isRefNode(node)) {
      if (key !== 'ref') visit({ value, target: refTarget(node.description || described), path });
      return;
    }
    const n = resolve(schema, node);
    if (n.type === 'array' && Array.isArray(value)) value.forEach((v, i) => walk(n.items, v, `${path}[${i}]`, i, n.description || described));
    else if (n.type === 'object' && typeof value === 'object') Object.entries(n.properties || {}).forEach(([k, p]) => walk(p, value[k], `${path}.${k}`, k, p.description));
  };
  walk(recordSchema(schema, collection), record, '', null, '');
}

/** A person's name by ref, as far as the bundle holds it. */
const nameOf = (bundle, ref) => bundle.people?.find((p) => p.ref === ref)?.name || ref;
const clip = (text, max = 90) => (text && text.length > max ? `${text.slice(0, max - 1)}…` : text || '');

/** One line saying which record this is, from the record as it is now (so edits show). */
export function summary(bundle, collection, record) {
  switch (collection) {
    case 'sources': return [record.publisher, record.title].filter(Boolean).join(': ');
    case 'people': return record.name;
    case 'tracks': return record.name;
    case 'envoyAppointments': return `${nameOf(bundle, record.personId)}, ${record.title}`;
    case 'talks': return record.title;
    case 'trips': {
      const envoy = bundle.envoyAppointments?.find((e) => e.ref === record.envoyId);
      return `${envoy ? nameOf(bundle, envoy.personId) : 'An envoy'} to ${record.destination?.name || '?'}`;
    }
    case 'outcomes': return record.title;
    case 'statements': return `${nameOf(bundle, record.speakerId)}: ${record.verbatim ? `“${clip(record.quote)}”` : clip(record.quote)}`;
    default: return record.ref;
  }
}

/** A field's name as words: "publishedOn" → "published on", "personId" → "person", "talkIds" → "talks". */
export function fieldName(key) {
  const words = String(key).replace(/Ids$/, 's').replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words === 'ref' ? 'ref' : words;
}

/** A path inside a record (".participants[0].personId") in words: "participants 1 › person". */
export function pathWords(path) {
  return path.split('.').filter(Boolean)
    .map((part) => part.replace(/^([^[]+)((?:\[\d+\])*)$/, (_, name, indexes) => [fieldName(name), ...[...indexes.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1)].join(' ')))
    .join(' › ');
}

/**
 * An import problem's JSON path ("$.talks[3].participants[0].personId") as the record it is in
 * (by ref, so it still finds the record after others are dropped) and the path inside it.
 */
export function locate(bundle, path) {
  const match = /^\$\.([A-Za-z]+)\[(\d+)\](.*)$/.exec(path || '');
  if (!match) return { ref: null, collection: null, inner: '' };
  const record = bundle[match[1]]?.[Number(match[2])];
  return { ref: record?.ref ?? null, collection: match[1], inner: match[3] };
}

const REMOVE = Symbol('remove');

/**
 * What dropping these refs takes with it: every record that cannot stand without them (a
 * statement without its speaker, a talk without any participant, a stored record that would
 * change: a stored record in a bundle is updated to equal it, so it is left out, untouched,
 * rather than stripped), and the records that only lose a reference (a talk loses a
 * participant, an outcome one of its talks). Returns the bundle as it would be, the refs
 * dropped, and the refs changed with the fields that change.
 */
export function dropping(schema, bundle, refs) {
  const dropped = new Set(refs);
  let changed = new Map();
  let next = bundle;
  for (let grew = true; grew;) {
    grew = false;
    changed = new Map();
    next = {};
    for (const [key, value] of Object.entries(bundle)) {
      if (!COLLECTIONS.includes(key)) {
        next[key] = value;
        continue;
      }
      next[key] = [];
      for (const record of value) {
        if (dropped.has(record.ref)) continue;
        const fields = new Set();
        const strip = (node, v, k, field) => {
          if (v == null) return v;
          if (isRefNode(node)) return k !== 'ref' && dropped.has(v) ? REMOVE : v;
          const n = resolve(schema, node);
          if (n.type === 'array' && Array.isArray(v)) {
            const kept = [];
            v.forEach((item) => {
              const out = strip(n.items, item, null, field);
              if (out === REMOVE) fields.add(field);
              else kept.push(out);
            });
            return kept.length < (n.minItems || 0) ? REMOVE : kept;
          }
          if (n.type === 'object' && typeof v === 'object' && !Array.isArray(v)) {
            const out = {};
            for (const [name, item] of Object.entries(v)) {
              const property = n.properties?.[name];
              const result = property ? strip(property, item, name, field ?? name) : item;
              if (result === REMOVE) {
                if ((n.required || []).includes(name)) return REMOVE;
                fields.add(field ?? name);
              } else {
                out[name] = result;
              }
            }
            return out;
          }
          return v;
        };
        const kept = strip(recordSchema(schema, key), record, null, null);
        if (kept === REMOVE || (fields.size && storedType(record.ref))) {
          dropped.add(record.ref);
          grew = true;
          continue;
        }
        if (fields.size) changed.set(record.ref, [...fields]);
        next[key].push(kept);
      }
    }
  }
  return { bundle: next, dropped: [...dropped].filter((r) => !refs.includes(r)), changed };
}
