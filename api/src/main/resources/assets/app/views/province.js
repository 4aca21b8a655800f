// The province view (platform administrators and the province's officers): key figures, trend, ranking, indicator
// matrix, weakest indicators, measure completion, movers, and the agencies that need attention (the API's rule).
import { config, view } from '../state.js';
import { api, download, exportButtons, onExport } from '../api.js';
import { change, esc, failsAsPrinted, percent, percentColumn, score, thaiDate, thaiMonth, typeName } from '../text.js';
import { lineChart, sortableTable, yearSelect } from '../widgets.js';

export async function provinceView(code, year) {
  const [province, trend, national] = await Promise.all([api(`/provinces/${code}`), api(`/provinces/${code}/ita/trend`),
    api('/ita/national/trend')]);
  const years = trend.years.map((t) => t.fiscalYear).reverse();
  year = year || years[0];
  const [ranking, passRates, matrix, weakest, completion, movers, monthly, needsAttention] = await Promise.all([
    api(`/provinces/${code}/ita/ranking?year=${year}`), api(`/provinces/${code}/ita/pass-rates?year=${year}`),
    api(`/provinces/${code}/ita/matrix?year=${year}`), api(`/provinces/${code}/ita/weakest-indicators?year=${year}`),
    api(`/provinces/${code}/measure-completion?year=${year}`), api(`/provinces/${code}/ita/movers?year=${year}&limit=5`),
    api(`/provinces/${code}/measure-completion/monthly?year=${year}`), api(`/provinces/${code}/needs-attention?year=${year}`)]);
  const nationalNow = national.years.find((t) => t.fiscalYear === year);
  const now = trend.years.find((t) => t.fiscalYear === year);
  const before = trend.years.find((t) => t.fiscalYear === year - 1);
  const attention = needsAttention.agencies;
  const types = [...new Set(ranking.ranking.map((r) => r.agencyType))].sort();
  const districts = [...new Set(ranking.ranking.map((r) => r.districtTh))].sort();
  view.innerHTML = `
    <h1>จังหวัด${esc(province.nameTh)}</h1>
    <div class="toolbar">${yearSelect(years, year)}
      <button id="pdf" type="button">ดาวน์โหลดรายงาน PDF</button>
      ${exportButtons('ranking', 'ดาวน์โหลดอันดับ')}
      ${exportButtons('matrix', 'ดาวน์โหลดตารางตัวชี้วัด')}</div>
    <section class="cards" aria-label="ตัวเลขสำคัญ">
      <div class="card"><div class="value">${province.agencyCount.toLocaleString('th-TH')}</div><div class="label">หน่วยงาน (มีผล ${now ? now.agencies : 0})</div></div>
      <div class="card"><div class="value">${score(now?.meanTotal)}</div><div class="label">คะแนนเฉลี่ย (เทียบปีก่อน ${change(now && before ? now.meanTotal - before.meanTotal : null)} · ประเทศ ${score(nationalNow?.meanTotal)})</div></div>
      <div class="card"><div class="value" id="pass-rate">${percent(passRates.passRate)}</div><div class="label">ผ่านเกณฑ์ ${config.passMark} คะแนน</div></div>
      <div class="card"><div class="value">${passRates.meetsNationalTarget ? 'บรรลุ' : 'ยังไม่บรรลุ'}</div><div class="label">เป้าหมายประเทศ ร้อยละ ${percent(passRates.nationalTarget)} ผ่านเกณฑ์</div></div>
    </section>
    <h2>แนวโน้มคะแนนของจังหวัด</h2>${lineChart([
      { name: 'คะแนนเฉลี่ย', color: '#2e6da4', points: trend.years.map((t) => ({ x: t.fiscalYear, y: Number(t.meanTotal) })) },
      { name: 'มัธยฐาน', color: '#7a8b99', dashed: true, points: trend.years.map((t) => ({ x: t.fiscalYear, y: Number(t.medianTotal) })) },
      { name: 'ค่าเฉลี่ยประเทศ', color: '#b7791f', dashed: true, points: national.years.map((t) => ({ x: t.fiscalYear, y: Number(t.meanTotal) })) }],
      { label: `คะแนนเฉลี่ยและมัธยฐานของจังหวัด${province.nameTh} เทียบกับค่าเฉลี่ยประเทศ รายปี` })}
    <p><a href="#/national?year=${year}">เทียบกับจังหวัดอื่น (ภาพรวมประเทศ)</a></p>
    <h2>อันดับหน่วยงาน ปี ${year}</h2>
    ${config.demoRegistry ? `<p class="muted" id="registry-note">ทะเบียนหน่วยงานนี้เป็นข้อมูลสาธิต: จังหวัด อำเภอ และตำบลเป็นของจริง
      แต่ประเภทของแต่ละหน่วยงาน (อบต. เทศบาลตำบล เทศบาลเมือง …) ระบบกำหนดขึ้นเอง ไม่ใช่ข้อมูลทางราชการ</p>` : ''}
    <div class="toolbar">
      <label>ประเภท <select id="f-type"><option value="">ทั้งหมด</option>${types.map((t) => `<option value="${esc(t)}">${esc(typeName(t))}</option>`).join('')}</select></label>
      <label>อำเภอ <select id="f-district"><option value="">ทั้งหมด</option>${districts.map((d) => `<option>${esc(d)}</option>`).join('')}</select></label>
      <label>ระดับ <select id="f-level"><option value="">ทั้งหมด</option>${['AA', 'A', 'B', 'C', 'D', 'E', 'F'].map((l) => `<option>${l}</option>`).join('')}</select></label>
    </div>
    <div class="scroll" id="ranking"></div>
    <h2>คะแนนรายตัวชี้วัด (ต่ำกว่า ${config.passMark} เน้นสี)</h2>
    <p class="muted">${matrix.indicators.map((name) => esc(name)).join(' · ')}</p>
    <div class="scroll heat"><table><thead><tr><th scope="col">หน่วยงาน</th>${matrix.indicators.map((_, i) => `<th scope="col" class="num">${i + 1}</th>`).join('')}</tr></thead>
      <tbody>${matrix.agencies.map((a) => `<tr><th scope="row"><a href="#/agency/${a.agencyCode}?year=${year}">${esc(a.nameTh)}</a></th>${a.indicatorScores.map((s) =>
        `<td class="num ${failsAsPrinted(s, 1) ? 'weak' : ''}">${s === null ? '–' : Number(s).toFixed(1)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>
    <h2>ตัวชี้วัดที่อ่อนที่สุด</h2>
    ${weakest.indicators.length ? `<div class="scroll" id="weakest"></div><p>${exportButtons('weakest')}</p>`
      : '<p class="muted">ยังไม่มีคะแนนรายตัวชี้วัดของปีนี้</p>'}
    <h2>ความสำเร็จของมาตรการ ณ ${thaiDate(completion.asOf)}</h2>
    <p>ทั้งจังหวัด: มาตรการ ${completion.total.planned} · แล้วเสร็จ ${completion.total.done} (${percent(completion.total.completionRate)}) · เกินกำหนด ${completion.total.overdue}</p>
    <div class="scroll" id="completion"></div>
    <p>${exportButtons('completion')}</p>
    ${monthly.months.length ? `<h3>ความคืบหน้ารายเดือน (ณ สิ้นเดือน)</h3><div class="scroll" id="completion-monthly"></div>
      <p>${exportButtons('completion-monthly')}</p>` : ''}
    <h2>คะแนนเปลี่ยนแปลงมากที่สุดเทียบกับปี ${year - 1}</h2>
    ${movers.up.length || movers.down.length ? `<div class="columns"><div><h3>ดีขึ้น</h3><div class="scroll" id="movers-up"></div></div>
      <div><h3>ลดลง</h3><div class="scroll" id="movers-down"></div></div></div>
      <p>${exportButtons('movers')}</p>` : `<p class="muted">ไม่มีหน่วยงานที่มีผลทั้งปี ${year - 1} และปี ${year}</p>`}
    <h2>หน่วยงานที่ควรติดตาม</h2>
    ${attention.length ? `<div class="scroll" id="attention"></div><p>${exportButtons('attention')}</p>` : '<p class="ok">ไม่มีหน่วยงานที่คะแนนต่ำกว่าเกณฑ์และมาตรการคืบหน้าน้อย</p>'}`;
  const link = (r) => `<a href="#/agency/${r.agencyCode}?year=${year}">${esc(r.nameTh)}</a>`;
  const rankingColumns = [
    { label: 'อันดับ', num: true, value: (r) => r.rank, text: (r) => r.rank },
    { label: 'หน่วยงาน', value: (r) => r.nameTh, html: link },
    { label: 'อำเภอ', value: (r) => r.districtTh, text: (r) => r.districtTh },
    { label: 'คะแนนรวม', num: true, value: (r) => Number(r.total), text: (r) => score(r.total) },
    { label: 'ระดับ', value: (r) => r.level, text: (r) => r.level },
    { label: 'เทียบปีก่อน', num: true, value: (r) => Number(r.change ?? -999), text: (r) => change(r.change) }];
  const filtered = () => ranking.ranking.filter((r) => (!document.getElementById('f-type').value || r.agencyType === document.getElementById('f-type').value)
    && (!document.getElementById('f-district').value || r.districtTh === document.getElementById('f-district').value)
    && (!document.getElementById('f-level').value || r.level === document.getElementById('f-level').value));
  const drawRanking = () => sortableTable('ranking', rankingColumns, filtered(), (r) => (r.passed ? '' : 'weak'));
  ['f-type', 'f-district', 'f-level'].forEach((id) => { document.getElementById(id).onchange = drawRanking; });
  drawRanking();
  if (weakest.indicators.length) sortableTable('weakest', [
    { label: 'ที่', num: true, value: (w) => w.number, text: (w) => w.number },
    { label: 'ตัวชี้วัด', value: (w) => w.nameTh, text: (w) => w.nameTh },
    { label: 'ค่าเฉลี่ย', num: true, value: (w) => Number(w.meanScore), text: (w) => score(w.meanScore) },
    { label: 'เป็นจุดอ่อนที่สุดของ (แห่ง)', num: true, value: (w) => w.weakestFor, text: (w) => w.weakestFor }],
  [...weakest.indicators].sort((a, b) => a.meanScore - b.meanScore));
  const names = Object.fromEntries(ranking.ranking.map((r) => [r.agencyCode, r.nameTh]));
  sortableTable('completion', [
    { label: 'หน่วยงาน', value: (c) => names[c.scope] || c.scope, html: (c) => `<a href="#/agency/${c.scope}?year=${year}">${esc(names[c.scope] || c.scope)}</a>` },
    { label: 'มาตรการ', num: true, value: (c) => c.planned, text: (c) => c.planned },
    { label: 'แล้วเสร็จ', num: true, value: (c) => c.done, text: (c) => c.done },
    { label: 'ตรงเวลา', num: true, value: (c) => c.doneOnTime, text: (c) => c.doneOnTime },
    { label: 'เกินกำหนด', num: true, value: (c) => c.overdue, text: (c) => c.overdue },
    { label: 'สำเร็จ', num: true, value: (c) => Number(c.completionRate ?? 0), text: (c) => percentColumn(c.completionRate) }],
  completion.agencies, (c) => (c.overdue > 0 ? 'weak' : ''));
  if (monthly.months.length) {
    const rate = (m) => (m.planned ? m.done / m.planned : null);
    sortableTable('completion-monthly', [
      { label: 'เดือน', value: (m) => m.month, text: (m) => thaiMonth(m.month) },
      { label: 'หน่วยงาน', num: true, value: (m) => m.agencies, text: (m) => m.agencies },
      { label: 'มาตรการ', num: true, value: (m) => m.planned, text: (m) => m.planned },
      { label: 'แล้วเสร็จ', num: true, value: (m) => m.done, text: (m) => m.done },
      { label: 'เกินกำหนด', num: true, value: (m) => m.overdue, text: (m) => m.overdue },
      { label: 'สำเร็จ', value: (m) => rate(m) ?? -1, html: (m) => `<span class="nowrap"><span class="meter" aria-hidden="true"><span style="width:${Math.round((rate(m) ?? 0) * 100)}%"></span></span>${percentColumn(rate(m))}</span>` }],
    monthly.months);
    onExport('completion-monthly', `/provinces/${code}/measure-completion/monthly?year=${year}`, `measure-completion-monthly-${code}-${year}`);
  }
  if (attention.length) {
    sortableTable('attention', [
      { label: 'หน่วยงาน', value: (r) => r.nameTh, html: link },
      { label: 'คะแนนรวม', num: true, value: (r) => Number(r.total), text: (r) => score(r.total) },
      { label: 'มาตรการสำเร็จ', num: true, value: (r) => Number(r.completionRate ?? -1),
        text: (r) => (r.completionRate === null ? 'ยังไม่มีมาตรการ' : percent(r.completionRate)) }], attention);
  }
  const moverColumns = [
    { label: 'หน่วยงาน', value: (m) => m.nameTh, html: (m) => `<a href="#/agency/${m.agencyCode}?year=${year}">${esc(m.nameTh)}</a>` },
    { label: `ปี ${year - 1}`, num: true, value: (m) => Number(m.previousTotal), text: (m) => score(m.previousTotal) },
    { label: `ปี ${year}`, num: true, value: (m) => Number(m.total), text: (m) => score(m.total) },
    { label: 'เปลี่ยนแปลง', num: true, value: (m) => Number(m.change), text: (m) => change(m.change) }];
  if (movers.up.length || movers.down.length) {
    sortableTable('movers-up', moverColumns, movers.up);
    sortableTable('movers-down', moverColumns, movers.down, () => 'weak');
    onExport('movers', `/provinces/${code}/ita/movers?year=${year}&limit=5`, `movers-${code}-${year}`);
  }
  document.getElementById('year').onchange = (e) => { location.hash = `#/province/${code}?year=${e.target.value}`; };
  document.getElementById('pdf').onclick = () => download(`/provinces/${code}/report.pdf?year=${year}`, `ita-province-${code}-${year}.pdf`);
  onExport('ranking', `/provinces/${code}/ita/ranking?year=${year}`, `ranking-${code}-${year}`);
  onExport('weakest', `/provinces/${code}/ita/weakest-indicators?year=${year}`, `weakest-indicators-${code}-${year}`);
  onExport('completion', `/provinces/${code}/measure-completion?year=${year}&asOf=${completion.asOf}`, `measure-completion-${code}-${year}`);
  if (attention.length) onExport('attention', `/provinces/${code}/needs-attention?year=${year}&asOf=${needsAttention.asOf}`, `attention-${code}-${year}`);
  onExport('matrix', `/provinces/${code}/ita/matrix?year=${year}`, `indicators-${code}-${year}`);
}
