// Charts, sortable tables and form pieces the views share.
import { config } from './state.js';
import { esc, score } from './text.js';

/** A file picker whose button and "no file" text are Thai (the native input speaks the browser's language). */
export const filePicker = (id, label, accept) => `<p class="file-picker"><input id="${id}" type="file" accept="${accept}" class="visually-hidden">
  <label for="${id}" class="button">${label}</label> <span id="${id}-name" class="muted">ยังไม่ได้เลือกไฟล์</span></p>`;
/** Calls {@code chosen} with each file picked, after showing its name. */
export function onFileChosen(id, chosen) {
  document.getElementById(id).onchange = (event) => {
    document.getElementById(`${id}-name`).textContent = event.target.files[0]?.name || 'ยังไม่ได้เลือกไฟล์';
    chosen(event.target.files[0]);
  };
}

/**
 * A line chart of scores over the fiscal years (พ.ศ.), one line per series. The value axis fits the data (in steps of
 * 5, the pass mark always in view) with labelled grid lines; the pass mark is a red line in the legend; only the first
 * series carries value labels, the others show theirs on hover, so close lines never print over each other.
 * series: [{ name, points: [{ x: year, y: score }], color, dashed }].
 */
export function lineChart(series, { label = 'กราฟคะแนนรายปี' } = {}) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  if (!xs.length) return '<p class="muted">ยังไม่มีข้อมูล</p>';
  const values = series.flatMap((s) => s.points.map((p) => p.y)).filter((v) => v !== null && !Number.isNaN(v));
  const passMark = Number(config.passMark);
  const min = Math.max(0, Math.floor((Math.min(passMark, ...values) - 2) / 5) * 5);
  const max = Math.min(100, Math.ceil((Math.max(passMark, ...values) + 2) / 5) * 5);
  const w = 600, h = 240, left = 40, right = 20, top = 44, bottom = 30;
  const inset = 28; // keeps the first and last value labels clear of the axis labels and the frame
  const x = (year) => left + inset + (xs.length === 1 ? (w - left - right - 2 * inset) / 2
    : xs.indexOf(year) * (w - left - right - 2 * inset) / (xs.length - 1));
  const y = (v) => h - bottom - (Math.max(min, Math.min(max, v)) - min) * (h - top - bottom) / (max - min);
  const step = max - min > 30 ? 10 : 5;
  const grid = [];
  for (let v = min; v <= max; v += step) grid.push(v);
  const legendItems = [...series.map((s) => ({ name: s.name, color: s.color, dashed: s.dashed })),
    { name: `เกณฑ์ผ่าน ${passMark}`, color: '#c0392b', dashed: true }];
  const legend = legendItems.map((s, i) => `<g transform="translate(${left + (i % 3) * 185},${14 + Math.floor(i / 3) * 18})">
    <line x1="0" x2="22" y1="0" y2="0" stroke="${s.color}" stroke-width="2.5" ${s.dashed ? 'stroke-dasharray="6 3"' : ''}/><text x="28" y="4">${esc(s.name)}</text></g>`).join('');
  const lines = series.map((s, k) => {
    const points = s.points.filter((p) => p.y !== null && !Number.isNaN(p.y));
    const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
    return `<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2.5" ${s.dashed ? 'stroke-dasharray="6 3"' : ''}/>
      ${points.map((p) => `<circle cx="${x(p.x)}" cy="${y(p.y)}" r="${k ? 3 : 4}" fill="${s.color}"><title>${esc(s.name)} ปี ${p.x}: ${score(p.y)}</title></circle>
        ${k ? '' : `<text class="value" x="${x(p.x)}" y="${y(p.y) - 9}" text-anchor="middle">${score(p.y)}</text>`}`).join('')}`;
  }).join('');
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(label)}">
    <title>${esc(label)}</title>${legend}
    ${grid.map((v) => `<line x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e8ee"/>
      <text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`).join('')}
    <line x1="${left}" x2="${w - right}" y1="${y(passMark)}" y2="${y(passMark)}" stroke="#c0392b" stroke-dasharray="6 3"/>
    ${xs.map((year) => `<text x="${x(year)}" y="${h - 8}" text-anchor="middle">${year}</text>`).join('')}
    ${lines}
  </svg>`;
}

/** A table whose columns sort on click (or Enter); rows are re-rendered from data. */
export function sortableTable(id, columns, rows, rowClass = () => '') {
  const state = { key: null, dir: 1 };
  const render = () => {
    const sorted = [...rows];
    if (state.key !== null) {
      const column = columns[state.key];
      sorted.sort((a, b) => { const va = column.value(a), vb = column.value(b); return (va > vb ? 1 : va < vb ? -1 : 0) * state.dir; });
    }
    document.getElementById(id).innerHTML = `<table><thead><tr>${columns.map((c, i) => `<th scope="col" tabindex="0" data-sort="${i}" class="${c.num ? 'num' : ''}"
      aria-sort="${state.key === i ? (state.dir > 0 ? 'ascending' : 'descending') : 'none'}">${esc(c.label)}</th>`).join('')}</tr></thead>
      <tbody>${sorted.map((r) => `<tr class="${rowClass(r)}">${columns.map((c) => `<td class="${c.num ? 'num' : ''}">${c.html ? c.html(r) : esc(c.text(r))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    document.querySelectorAll(`#${id} th[data-sort]`).forEach((th) => {
      const sort = () => { const key = Number(th.dataset.sort); state.dir = state.key === key ? -state.dir : 1; state.key = key; render(); };
      th.onclick = sort; th.onkeydown = (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } };
    });
  };
  render();
}

export function yearSelect(years, selected) {
  return `<label>ปีงบประมาณ <select id="year">${years.map((y) => `<option value="${y}" ${y === selected ? 'selected' : ''}>${y}</option>`).join('')}</select></label>`;
}
