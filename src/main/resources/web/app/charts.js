// ECharts, with only the parts used (graph and bar series, canvas): about half the size of
// the whole library. Each chart has a text equivalent next to it in its view.
import { LitElement, html } from 'lit';
import * as echarts from 'echarts/core';
import { GraphChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([GraphChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const INK = '#1b2a3a';
const ACCENT = '#0b5cad';
const EXPECTED = '#a4470b';

/** Plain text for tooltips: ECharts puts formatter output in as HTML. */
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

class Chart extends LitElement {
  static properties = { label: {} };

  createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="chart" role="img" aria-label=${this.label || ''}></div>`;
  }

  option() {
    return {};
  }

  updated() {
    const element = this.querySelector('.chart');
    if (!this.chart) {
      this.chart = echarts.init(element, null, { renderer: 'canvas' });
      this.resizer = new ResizeObserver(() => this.chart?.resize());
      this.resizer.observe(element);
      this.chart.on('click', (event) => this.clicked(event));
    }
    this.chart.setOption(this.option(), true);
  }

  clicked() {}

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }
}

/**
 * A person and everyone they met: line width grows with meetings held; meetings expected are
 * drawn as a separate dashed, orange line, so they are never mistaken for ones that happened.
 */
class CounterpartGraph extends Chart {
  static properties = { person: { attribute: false }, counterparts: { attribute: false } };

  option() {
    const people = this.counterparts || [];
    const nodes = [{ id: this.person.id, name: this.person.name, symbolSize: 46, itemStyle: { color: ACCENT }, label: { show: true, position: 'bottom', fontWeight: 'bold', color: INK, backgroundColor: '#fff', padding: [1, 3] } }];
    const edges = [];
    people.forEach((c) => {
      nodes.push({ id: c.person.id, name: c.person.name, symbolSize: 30, itemStyle: { color: '#5b6b7d' }, label: { show: true, position: 'bottom', color: INK, backgroundColor: '#fff', padding: [1, 3] } });
      if (c.meetingsHeld > 0) {
        edges.push({ source: this.person.id, target: c.person.id, value: c.meetingsHeld, name: `${c.meetingsHeld} held`, lineStyle: { width: 1.5 + 2.5 * c.meetingsHeld, color: ACCENT, opacity: 0.85, type: 'solid', curveness: c.meetingsExpected > 0 ? 0.15 : 0 }, label: { show: true, formatter: `${c.meetingsHeld} held`, color: INK } });
      }
      if (c.meetingsExpected > 0) {
        edges.push({ source: this.person.id, target: c.person.id, value: c.meetingsExpected, name: `${c.meetingsExpected} expected`, lineStyle: { width: 2.5, color: EXPECTED, opacity: 1, type: [8, 6], curveness: c.meetingsHeld > 0 ? -0.15 : 0 }, label: { show: true, formatter: `${c.meetingsExpected} expected`, color: EXPECTED } });
      }
    });
    return {
      animation: false,
      tooltip: { formatter: (p) => escape(p.dataType === 'edge' ? `${p.data.name}` : p.data.name) },
      // Circular: deterministic, and nodes never overlap however many counterparts there are.
      series: [{ type: 'graph', layout: 'circular', circular: { rotateLabel: false }, roam: true, data: nodes, links: edges,
        edgeLabel: { fontSize: 13, fontWeight: 'bold', backgroundColor: '#fff', padding: [1, 3] }, label: { fontSize: 13 }, left: 90, right: 90, top: 40, bottom: 50 }],
    };
  }

  clicked(event) {
    if (event.dataType === 'node' && event.data.id !== this.person.id) {
      this.dispatchEvent(new CustomEvent('navigate', { bubbles: true, detail: `/people/${encodeURIComponent(event.data.id)}` }));
    }
  }
}

/** Talks per month (talkActivity): months without talks are shown as zero, not skipped. */
class ActivityChart extends Chart {
  static properties = { months: { attribute: false } };

  option() {
    const counts = new Map((this.months || []).map((m) => [m.month, m.count]));
    const keys = [...counts.keys()].sort();
    const all = [];
    if (keys.length) {
      let [y, m] = keys[0].split('-').map(Number);
      const [ly, lm] = keys[keys.length - 1].split('-').map(Number);
      while (y < ly || (y === ly && m <= lm)) {
        all.push(`${y}-${String(m).padStart(2, '0')}`);
        if (++m > 12) { m = 1; y++; }
      }
    }
    return {
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis', formatter: (p) => escape(`${p[0].name}: ${p[0].value} talk(s)`) },
      xAxis: { type: 'category', data: all, axisLabel: { color: INK } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: INK } },
      series: [{ type: 'bar', data: all.map((k) => counts.get(k) || 0), itemStyle: { color: ACCENT }, barMaxWidth: 36 }],
    };
  }
}

customElements.define('parley-counterpart-graph', CounterpartGraph);
customElements.define('parley-activity-chart', ActivityChart);
