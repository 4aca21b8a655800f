// The national view (platform administrators and provincial officers): aggregates only, by province and agency type.
import { config, view } from '../state.js';
import { api, exportButtons, onExport } from '../api.js';
import { claims, hasRole } from '../session.js';
import { esc, percent, percentColumn, score, typeName } from '../text.js';
import { lineChart, sortableTable, yearSelect } from '../widgets.js';

export async function nationalView(year) {
  const [trend, provinces] = await Promise.all([api('/ita/national/trend'), api('/provinces')]);
  // Years of too few agencies come without figures (withheldYears): they are offered, their groups show no figure.
  const years = [...trend.years, ...(trend.withheldYears || [])].map((t) => t.fiscalYear).sort((a, b) => b - a);
  year = year || years[0];
  if (!year) { view.innerHTML = '<h1>ภาพรวมประเทศ</h1><p class="muted">ยังไม่มีผลการประเมิน</p>'; return; }
  const rates = await api(`/ita/national/pass-rates?year=${year}`);
  const claim = claims();
  const platformAdmin = hasRole('platform_admin');
  const names = Object.fromEntries(provinces.provinces.map((p) => [p.code, p.nameTh]));
  const now = trend.years.find((t) => t.fiscalYear === year);
  const readable = (code) => platformAdmin || code === claim.province_code;
  // A group of fewer than minimumGroupSize agencies comes withheld (no figures, its note instead), last in the ranking.
  const rows = rates.byProvince.map((g) => ({ ...g, nameTh: names[g.groupCode] || g.groupCode, passRate: g.withheld ? null : Number(g.passRate) }))
    .sort((a, b) => (a.withheld - b.withheld) || (b.meanTotal - a.meanTotal));
  const agenciesText = (g) => (g.withheld ? g.note : g.agencies.toLocaleString('th-TH'));
  const rankOf = Object.fromEntries(rows.map((g, i) => [g.groupCode, i + 1]));
  view.innerHTML = `
    <h1>ภาพรวมประเทศ</h1>
    <div class="toolbar">${yearSelect(years, year)}${exportButtons('provinces', 'ดาวน์โหลดรายจังหวัด')}
      ${platformAdmin ? `<label>ไปที่จังหวัด <select id="go-province"><option value="">เลือกจังหวัด</option>${provinces.provinces.map((p) =>
        `<option value="${p.code}">${esc(p.nameTh)}</option>`).join('')}</select></label>` : ''}</div>
    <section class="cards" aria-label="ตัวเลขสำคัญ">
      <div class="card"><div class="value">${now ? now.agencies.toLocaleString('th-TH') : '–'}</div><div class="label">หน่วยงานที่มีผล ปี ${year}</div></div>
      <div class="card"><div class="value">${score(now?.meanTotal)}</div><div class="label">คะแนนเฉลี่ยประเทศ · มัธยฐาน ${score(now?.medianTotal)}</div></div>
      <div class="card"><div class="value" id="national-pass-rate">${percent(now?.passRate)}</div><div class="label">ผ่านเกณฑ์ ${config.passMark} คะแนน (เป้าหมาย ${percent(rates.nationalTarget)})</div></div>
    </section>
    <h2>แนวโน้มคะแนนของประเทศ</h2>${lineChart([
      { name: 'คะแนนเฉลี่ย', color: '#2e6da4', points: trend.years.map((t) => ({ x: t.fiscalYear, y: Number(t.meanTotal) })) },
      { name: 'มัธยฐาน', color: '#7a8b99', dashed: true, points: trend.years.map((t) => ({ x: t.fiscalYear, y: Number(t.medianTotal) })) }],
      { label: 'คะแนนเฉลี่ยและมัธยฐานของประเทศ รายปี' })}
    <h2>รายจังหวัด ปี ${year}</h2>
    <p class="muted">ตัวเลขรวมของแต่ละจังหวัดเท่านั้น ${platformAdmin ? '' : 'รายละเอียดหน่วยงานดูได้เฉพาะจังหวัดของท่าน'}</p>
    <div class="scroll" id="provinces"></div>
    <h2>ตามประเภทหน่วยงาน ปี ${year}</h2><div class="scroll" id="types"></div>`;
  sortableTable('provinces', [
    { label: 'อันดับ', num: true, value: (g) => rankOf[g.groupCode], text: (g) => (g.withheld ? '–' : rankOf[g.groupCode]) },
    { label: 'จังหวัด', value: (g) => g.nameTh, html: (g) => (readable(g.groupCode) ? `<a href="#/province/${g.groupCode}?year=${year}">${esc(g.nameTh)}</a>` : esc(g.nameTh)) },
    { label: 'หน่วยงานที่มีผล', num: true, value: (g) => g.agencies ?? 0, text: agenciesText },
    { label: 'คะแนนเฉลี่ย', num: true, value: (g) => Number(g.meanTotal ?? 0), text: (g) => score(g.meanTotal) },
    { label: 'ผ่านเกณฑ์', num: true, value: (g) => g.passRate ?? 0, text: (g) => percentColumn(g.passRate) }],
  rows, (g) => [g.groupCode === claim.province_code ? 'mine' : '', g.withheld ? 'withheld' : '',
    g.passRate !== null && g.passRate < Number(rates.nationalTarget) ? 'below-target' : ''].join(' '));
  sortableTable('types', [
    { label: 'ประเภท', value: (g) => typeName(g.groupCode), text: (g) => typeName(g.groupCode) },
    { label: 'หน่วยงานที่มีผล', num: true, value: (g) => g.agencies ?? 0, text: agenciesText },
    { label: 'คะแนนเฉลี่ย', num: true, value: (g) => Number(g.meanTotal ?? 0), text: (g) => score(g.meanTotal) },
    { label: 'ผ่านเกณฑ์', num: true, value: (g) => Number(g.passRate ?? 0), text: (g) => percentColumn(g.withheld || !g.agencies ? null : g.passRate) }],
  rates.byAgencyType);
  document.getElementById('year').onchange = (e) => { location.hash = `#/national?year=${e.target.value}`; };
  // The server's export keeps the same withholding: a group of too few agencies has no figure there either.
  onExport('provinces', `/ita/national/pass-rates?year=${year}`, `provinces-${year}`);
  const go = document.getElementById('go-province');
  if (go) go.onchange = (e) => { if (e.target.value) location.hash = `#/province/${e.target.value}?year=${year}`; };
}
