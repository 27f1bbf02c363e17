// A timeline that shows how precisely each date is known: an item is a bar over its whole
// period (a YEAR item spans its year, a MONTH item its month, a WEEK item its seven days, a
// DAY item one day), never a point on a made-up day. The list beside it says the same in words.
import { LitElement, html, svg } from 'lit';
import { dateText, hrefFor, label, period, titleOf } from './format.js';

const ROW = 22;
const WIDTH = 1000;
const LEFT = 8;
/** Talks and outcomes have statuses of different enums, read under different names. */
const status = (item) => item.status ?? item.outcomeStatus;
const KIND_CLASS = { Talk: 'talk', Trip: 'trip', Outcome: 'outcome', Statement: 'statement' };

class Timeline extends LitElement {
  static properties = { entries: { attribute: false } };

  createRenderRoot() {
    return this;
  }

  render() {
    const entries = this.entries || [];
    if (!entries.length) return html`<p class="empty">Nothing dated yet.</p>`;
    const spans = entries.map((e) => period(e.date, e.datePrecision));
    const min = Math.min(...spans.map((s) => s[0].getTime()));
    const max = Math.max(...spans.map((s) => s[1].getTime()));
    const x = (t) => LEFT + ((t - min) / Math.max(max - min, 1)) * (WIDTH - 2 * LEFT);
    const years = [];
    for (let y = new Date(min).getUTCFullYear(); y <= new Date(max).getUTCFullYear(); y++) years.push(y);
    const height = entries.length * ROW + 28;
    return html`
      <svg class="timeline-chart" viewBox="0 0 ${WIDTH} ${height}" preserveAspectRatio="none" aria-hidden="true">
        ${years.map((y) => {
          const t = Date.UTC(y, 0, 1);
          return t >= min && t <= max ? svg`<line class="year-line" x1=${x(t)} x2=${x(t)} y1="0" y2=${height - 18}></line>${x(t) < WIDTH - 40 ? svg`<text class="axis" x=${x(t) + 3} y=${height - 4}>${y}</text>` : ''}` : '';
        })}
        ${entries.map((e, i) => {
          const [start, end] = spans[i];
          const width = Math.max(x(end.getTime()) - x(start.getTime()), 4);
          return svg`<rect class="span ${KIND_CLASS[e.item.__typename] || ''} ${e.datePrecision.toLowerCase()}" x=${x(start.getTime())} y=${i * ROW + 4} width=${width} height=${ROW - 8} rx="3"><title>${titleOf(e.item)}: ${dateText(e.date, e.datePrecision)}</title></rect>`;
        })}
      </svg>
      <ol class="timeline-list">
        ${entries.map((e) => {
          const href = hrefFor(e.item);
          return html`<li class="kind-${KIND_CLASS[e.item.__typename] || 'other'}">
            <span class="when">${dateText(e.date, e.datePrecision)}</span>
            <span class="badge">${label(e.item.__typename)}</span>
            ${href ? html`<a href=${href}>${titleOf(e.item)}</a>` : titleOf(e.item)}
            ${status(e.item) ? html`<span class="status status-${status(e.item).toLowerCase()}">${label(status(e.item))}</span>` : ''}
          </li>`;
        })}
      </ol>`;
  }
}

customElements.define('parley-timeline', Timeline);
