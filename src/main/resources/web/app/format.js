// Presentation helpers shared by the views: dates that say how precisely they are known,
// enum labels, links to each record's URL, other names with their languages, and search
// snippets that may only bring <mark>.
import { html } from 'lit';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Parses an ISO date as a UTC day (no time-zone shift). */
export function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const dayText = (date, withYear = true) => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${withYear ? ` ${date.getUTCFullYear()}` : ''}`;

/** [start, end) of the period a date with its precision stands for. */
export function period(iso, precision) {
  const start = day(iso);
  const end = new Date(start);
  if (precision === 'YEAR') end.setUTCFullYear(end.getUTCFullYear() + 1);
  else if (precision === 'MONTH') end.setUTCMonth(end.getUTCMonth() + 1);
  else if (precision === 'WEEK') end.setUTCDate(end.getUTCDate() + 7);
  else end.setUTCDate(end.getUTCDate() + 1);
  return [start, end];
}

/** A date as precisely as it is known, never more: "2025", "March 2025", "3–9 March 2025". */
export function dateText(iso, precision = 'DAY') {
  if (!iso) return 'date unknown';
  const date = day(iso);
  if (precision === 'YEAR') return `${date.getUTCFullYear()} (month unknown)`;
  if (precision === 'MONTH') return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} (day unknown)`;
  if (precision === 'WEEK') {
    const last = new Date(date);
    last.setUTCDate(last.getUTCDate() + 6);
    const sameYear = last.getUTCFullYear() === date.getUTCFullYear();
    return `some day ${dayText(date, !sameYear)} – ${dayText(last)}`;
  }
  return dayText(date);
}

export function dateTimeText(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return `${dayText(date)}, ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')} UTC`;
}

/** SCREAMING_CASE enum values as words: CAUTIOUSLY_OPTIMISTIC → "cautiously optimistic". */
export const label = (value) => (value ? value.toLowerCase().replace(/_/g, ' ') : '');

const PATHS = { Person: 'people', Talk: 'talks', Track: 'tracks', Source: 'sources', Outcome: 'outcomes', Statement: 'statements', Trip: 'trips', Envoy: 'envoys' };

/** The URL of the search for q. */
export const searchHref = (q) => `/search?${new URLSearchParams({ q })}`;

/** The URL of a record the app has a view for. */
export function hrefOf(record) {
  const path = PATHS[record?.__typename];
  return path ? `/${path}/${encodeURIComponent(record.id)}` : null;
}

export const personLink = (p) => (p ? html`<a href="/people/${encodeURIComponent(p.id)}">${p.name}</a>` : '');

let languages;

/**
 * A BCP 47 tag as the name of its language in English, the app's language ("ru" → "Russian",
 * "ru-Latn" → "Russian (Latin)"); the tag itself where the browser cannot name it.
 */
export function languageName(tag) {
  if (!tag) return 'Language not recorded';
  try {
    languages ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return languages.of(tag) || tag;
  } catch {
    return tag; // no Intl.DisplayNames, or a tag it does not take
  }
}

/**
 * Another name of a person, marked with its language (lang="" when unknown, so the page's
 * English is not claimed for it) and dir="auto", so Arabic and Hebrew run right to left
 * without turning the text around them.
 */
export const aliasName = (alias) => html`<span class="alias" lang=${alias.language || ''} dir="auto">${alias.name}</span>`;

/** Aliases as [language tag, aliases] groups, in the order their languages first appear. */
export function byLanguage(aliases) {
  const groups = new Map();
  for (const alias of aliases) {
    const tag = alias.language || '';
    if (!groups.has(tag)) groups.set(tag, []);
    groups.get(tag).push(alias);
  }
  return [...groups];
}

/** Lower case without accents or other marks, for comparing what was typed with a name. */
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The aliases a search found a person by: when the query's words are not all in the name
 * itself ("Путин" for Vladimir Putin, "Michael" for Mike Waltz), the aliases holding one of them.
 */
export function foundBy(person, q) {
  const words = fold(q).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  const name = fold(person.name);
  if (!words.length || words.every((w) => name.includes(w))) return [];
  return (person.aliasesWithLanguage || []).filter((a) => words.some((w) => fold(a.name).includes(w)));
}

export function sourceText(source) {
  return [source.publisher, source.title, source.publishedOn ? dateText(source.publishedOn) : null].filter(Boolean).join(' · ');
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#34': '"' };

/**
 * A search snippet as text with only its <mark> elements kept. The server escapes the text
 * and wraps matches in <mark>; here every other tag stays literal text and entities are
 * decoded into text nodes, so nothing in a snippet can become markup or script.
 */
export function snippet(text) {
  if (!text) return '';
  const parts = text.split(/(<mark>|<\/mark>)/);
  const out = [];
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const plain = part.replace(/&(amp|lt|gt|quot|apos|#39|#x27|#34);/g, (_, name) => ENTITIES[name]);
      out.push(marked ? html`<mark>${plain}</mark>` : plain);
    }
  }
  return out;
}

/** The one-line summary of what a search hit or timeline item is. */
export function titleOf(item) {
  switch (item?.__typename) {
    case 'Person': return item.name;
    case 'Talk': return item.title;
    case 'Track': return item.name;
    case 'Source': return [item.publisher, item.sourceTitle ?? item.title].filter(Boolean).join(': ');
    case 'Outcome': return item.title;
    case 'Statement': return `${item.speaker?.name ?? 'Someone'}: “${item.quote}”`;
    case 'Envoy': return `${item.person?.name ?? ''}, ${item.title}`;
    case 'Trip': return `${item.envoy?.person?.name ?? 'Trip'} to ${item.destination?.name ?? '?'}`;
    default: return '';
  }
}

/** The URL of a search hit or timeline item: every record type has a page of its own. */
export const hrefFor = (item) => (item?.id ? hrefOf(item) : null);
