// Small line charts as inline SVG, drawn from samples the page kept itself (no chart library: the page works offline
// and its policy allows scripts from this server only).
import {append, clear, el, formatDecimal, formatTime} from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 480;
const HEIGHT = 150;
const PAD = {top: 10, right: 10, bottom: 20, left: 44};

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/**
 * @param series [{name, className, points: [{t: millis, v: number|null}]}]; null values leave a gap
 */
export function drawLineChart(container, series, {unit = ''} = {}) {
  clear(container);
  const points = series.flatMap((s) => s.points).filter((p) => p.v !== null && Number.isFinite(p.v));
  if (points.length === 0) {
    append(container, el('p', {class: 'muted chart-empty'}, 'لا قراءات بعد.'));
    return;
  }
  const t0 = Math.min(...points.map((p) => p.t));
  const t1 = Math.max(...points.map((p) => p.t), t0 + 1000);
  const top = niceMax(Math.max(...points.map((p) => p.v)));
  const x = (t) => PAD.left + ((t - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (v) => HEIGHT - PAD.bottom - (v / top) * (HEIGHT - PAD.top - PAD.bottom);

  // Time runs left to right as on any clock-face chart, also on a right-to-left page.
  const chart = svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'line-chart', role: 'img', direction: 'ltr'});
  const title = svg('title');
  title.textContent = series.map((s) => s.name).join('، ');
  chart.append(title);
  for (const value of [0, top / 2, top]) {
    chart.append(svg('line', {x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value), class: 'grid'}));
    const label = svg('text', {x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'axis'});
    label.textContent = formatDecimal(value);
    chart.append(label);
  }
  for (const [t, anchor] of [[t0, 'start'], [t1, 'end']]) {
    const label = svg('text', {x: x(t), y: HEIGHT - 4, 'text-anchor': anchor, class: 'axis'});
    label.textContent = formatTime(t);
    chart.append(label);
  }
  for (const s of series) {
    let path = '';
    let pen = false;
    for (const p of s.points) {
      if (p.v === null || !Number.isFinite(p.v)) {
        pen = false;
        continue;
      }
      path += (pen ? 'L' : 'M') + x(p.t).toFixed(1) + ' ' + y(p.v).toFixed(1) + ' ';
      pen = true;
    }
    if (path) chart.append(svg('path', {d: path.trim(), class: 'series ' + s.className}));
  }
  const legend = el('ul', {class: 'legend'}, series.map((s) => {
    const last = [...s.points].reverse().find((p) => p.v !== null && Number.isFinite(p.v));
    return el('li', {class: s.className},
      el('span', {class: 'swatch', 'aria-hidden': 'true'}),
      s.name + ': ' + (last ? formatDecimal(last.v) + (unit ? ' ' + unit : '') : '—'));
  }));
  container.append(chart, legend);
}

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}
