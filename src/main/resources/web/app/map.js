// Where a talk took place, on a world outline shipped with the app (/static/world.json, about
// 45 KB gzipped, fetched only when a map is shown): no tile server. With coordinates a pin
// marks the place; with only a country, the country is shaded and the caption says so.
import { LitElement, html, svg } from 'lit';

let world = null;
const loadWorld = () => (world ??= fetch('/static/world.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)))));

class PlaceMap extends LitElement {
  static properties = { location: { attribute: false }, world: { state: true }, failed: { state: true } };

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    loadWorld().then((w) => (this.world = w), () => (this.failed = true));
  }

  render() {
    const place = this.location;
    if (!place) return html`<p class="empty">No place recorded.</p>`;
    const hasPoint = place.latitude != null && place.longitude != null;
    const country = this.world?.countries?.[place.countryCode];
    const where = [place.name, place.city && place.city !== place.name ? place.city : null, country?.name || place.countryCode].filter(Boolean).join(', ');
    const caption = hasPoint
      ? `${where} (${place.latitude.toFixed(2)}, ${place.longitude.toFixed(2)})`
      : country ? `${where}: exact coordinates not recorded, the country is shaded` : `${where}: not on the map (no coordinates or country recorded)`;
    if (this.failed) return html`<p class="notice error" role="alert">The map could not be loaded. ${caption}</p>`;
    if (!this.world) return html`<p class="notice loading" role="status">Loading map…</p>`;
    let box;
    if (hasPoint) box = [place.longitude - 25, -place.latitude - 14, place.longitude + 25, -place.latitude + 14];
    else if (country) box = country.box;
    else box = [-180, -85, 180, 60];
    const pad = 6;
    let [x0, y0, x1, y1] = [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad];
    // Keep a 2:1 frame so the outline is not stretched.
    const w = Math.max(x1 - x0, (y1 - y0) * 2);
    const h = w / 2;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    [x0, y0] = [cx - w / 2, cy - h / 2];
    const r = w / 90;
    return html`<figure class="map">
      <svg viewBox="${x0} ${y0} ${w} ${h}" role="img" aria-label="Map: ${caption}">
        <rect class="sea" x=${x0} y=${y0} width=${w} height=${h}></rect>
        ${Object.entries(this.world.countries).map(([code, c]) => svg`<path class=${code === place.countryCode ? 'land here' : 'land'} stroke-width=${w / 900} d=${c.d}></path>`)}
        <path class="land" stroke-width=${w / 900} d=${this.world.unnamed}></path>
        ${hasPoint ? svg`<circle class="pin" cx=${place.longitude} cy=${-place.latitude} r=${r} stroke-width=${r / 3}></circle>` : ''}
      </svg>
      <figcaption>${caption}</figcaption>
    </figure>`;
  }
}

customElements.define('parley-place-map', PlaceMap);
