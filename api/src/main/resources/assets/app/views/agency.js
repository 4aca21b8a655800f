// The agency view: its results over the years, its place in the province, weakest questions, its measures, and for
// the agency's own administrators editing a measure and importing a measures report (preview, then save).
import { config, view } from '../state.js';
import { api, download, exportButtons, failure, onExport, showFieldErrors } from '../api.js';
import { claims, hasRole } from '../session.js';
import { esc, percent, score, statusName, thaiDate } from '../text.js';
import { filePicker, lineChart, onFileChosen, yearSelect } from '../widgets.js';
import { importMeasures } from './measure-import.js';

export async function agencyView(code, year) {
  const [agency, trend, standing] = await Promise.all([api(`/agencies/${code}`), api(`/agencies/${code}/ita/trend`),
    api(`/agencies/${code}/ita/standing`)]);
  // Measures are kept for any assessed year, with results or not (an agency plans before its results are out).
  const years = Object.keys(config.indicatorNames).map(Number).sort((a, b) => b - a);
  const thisYear = config.thai.currentFiscalYear;
  year = year || trend.years.map((t) => t.fiscalYear).at(-1) || (years.includes(thisYear) ? thisYear : years[0]);
  const current = trend.years.find((t) => t.fiscalYear === year);
  const claim = claims();
  const canSeeProvince = hasRole('provincial_officer', 'platform_admin');
  const [questions, measures, completion] = await Promise.all([
    year ? api(`/agencies/${code}/ita/weakest-questions?year=${year}`) : { questions: [] },
    api(`/agencies/${code}/measures?year=${year}&size=200`),
    api(`/agencies/${code}/measure-completion?year=${year}`).then((c) => c.completion)]);
  const names = Object.fromEntries((config.indicatorNames[year] || []).map((name, i) => [i + 1, name]));
  const scores = current?.indicatorScores || [];
  const lowest = Math.min(...scores.filter((s) => s !== null));
  const mine = standing.years.find((s) => s.fiscalYear === year);
  const editable = claim.agency_code === code && hasRole('agency_admin');
  view.innerHTML = `
    <h1>${esc(agency.nameTh)}</h1>
    <p class="muted">อำเภอ${esc(agency.districtTh)} · รหัส ${esc(agency.code)} ${canSeeProvince ? `· <a href="#/province/${agency.provinceCode}?year=${year}">กลับไปที่จังหวัด</a>` : ''}</p>
    <div class="toolbar">${years.length ? yearSelect(years, year) : ''}<button id="pdf" type="button">ดาวน์โหลดรายงาน PDF</button></div>
    <section class="cards">
      <div class="card"><div class="value" id="total">${score(current?.total)}</div><div class="label">คะแนนรวม ปี ${year} · ระดับ ${esc(current?.level || '–')}</div></div>
      ${mine ? `<div class="card"><div class="value" id="standing">${mine.rank.toLocaleString('th-TH')} / ${mine.agencies.toLocaleString('th-TH')}</div>
        <div class="label">อันดับในจังหวัด · ${mine.provinceMean === null ? `ค่าเฉลี่ยจังหวัดไม่แสดง (${esc(mine.note)})` : `ค่าเฉลี่ยจังหวัด ${score(mine.provinceMean)} · มัธยฐาน ${score(mine.provinceMedian)}`}</div></div>` : ''}
      <div class="card"><div class="value" id="completion-rate">${completion.planned ? percent(completion.completionRate) : '–'}</div><div class="label">มาตรการแล้วเสร็จ ${completion.done} จาก ${completion.planned} · เกินกำหนด ${completion.overdue}</div></div>
    </section>
    <h2>คะแนนรวมย้อนหลัง</h2>${lineChart([
      { name: 'คะแนนรวมของหน่วยงาน', color: '#2e6da4', points: trend.years.map((t) => ({ x: t.fiscalYear, y: Number(t.total) })) },
      { name: 'ค่าเฉลี่ยของจังหวัด', color: '#7a8b99', dashed: true, points: standing.years.filter((s) => s.provinceMean !== null).map((s) => ({ x: s.fiscalYear, y: Number(s.provinceMean) })) }],
      { label: `คะแนนรวมของ${agency.nameTh}เทียบกับค่าเฉลี่ยของจังหวัด รายปี` })}
    ${standing.years.length ? `<p class="muted" id="standing-history">อันดับในจังหวัด: ${standing.years.map((s) => `ปี ${s.fiscalYear} ที่ ${s.rank} จาก ${s.agencies}`).join(' · ')}</p>` : ''}
    <h2>คะแนนรายตัวชี้วัด ปี ${year}</h2>
    ${scores.length ? '' : '<p class="muted">ยังไม่มีผลการประเมินของปีนี้</p>'}
    <div class="scroll" ${scores.length ? '' : 'hidden'}><table><thead><tr><th scope="col">ที่</th><th scope="col">ตัวชี้วัด</th><th scope="col" class="num">คะแนน</th></tr></thead><tbody>
      ${scores.map((s, i) => `<tr class="${s === lowest ? 'weak' : ''}"><td>${i + 1}</td><td>${esc(names[i + 1] || `ตัวชี้วัดที่ ${i + 1}`)}${s === lowest ? ' (ต่ำสุด)' : ''}</td><td class="num">${score(s)}</td></tr>`).join('')}
    </tbody></table></div>
    ${scores.length ? `<p>${exportButtons('indicators')}</p>` : ''}
    <h2>ข้อคำถามที่มีคะแนนต่ำสุด</h2>
    ${questions.questions.length ? `<div class="scroll"><table><thead><tr><th scope="col">ข้อ</th><th scope="col">ตัวชี้วัด</th><th scope="col" class="num">คะแนน</th></tr></thead><tbody>
      ${questions.questions.map((q) => `<tr><td>${esc(q.code.toUpperCase())}</td><td>${esc(q.indicatorNameTh)}</td><td class="num">${score(q.score)}</td></tr>`).join('')}</tbody></table></div>
      <p>${exportButtons('questions')}</p>`
      : '<p class="muted">ไม่มีข้อคำถามที่ต่ำกว่าเกณฑ์ หรือยังไม่มีคะแนนรายข้อ</p>'}
    <h2>มาตรการ ปี ${year}</h2>
    <div class="scroll"><table id="measures"><thead><tr><th scope="col">ที่</th><th scope="col">มาตรการ</th><th scope="col">ระยะเวลา</th><th scope="col">สถานะ</th><th scope="col" class="num">ความคืบหน้า</th>${editable ? '<th scope="col"></th>' : ''}</tr></thead><tbody>
      ${measures.measures.map(({ measure: m, overdue }) => `<tr class="${overdue ? 'weak' : ''}"><td>${m.number}</td><td>${esc(m.title)}</td><td>${esc(m.periodText || `${thaiDate(m.periodStart)} – ${thaiDate(m.periodEnd)}`)}</td>
        <td>${statusName(m.status)}${overdue ? ' · เกินกำหนด' : ''}</td><td class="num">${m.progress}%</td>${editable ? `<td><button type="button" data-edit="${m.id}">แก้ไข</button></td>` : ''}</tr>`).join('') || '<tr><td colspan="5" class="muted">ยังไม่มีมาตรการ</td></tr>'}
    </tbody></table></div>
    ${measures.measures.length ? `<p>${exportButtons('measures', 'ดาวน์โหลดมาตรการ')}</p>` : ''}
    <div id="editor"></div>
    ${editable ? `<h2>นำเข้ารายงานมาตรการ</h2>
      <p class="muted">เลือกไฟล์รายงานผลการดำเนินการตามมาตรการ (Word .docx, PDF ที่มีข้อความ หรือข้อความ .txt) ระบบจะแสดงตารางที่พบ
        และการอ่านแต่ละคอลัมน์ให้ตรวจและแก้ก่อน และจะบันทึกเมื่อกดยืนยันเท่านั้น</p>
      ${filePicker('import-file', 'เลือกไฟล์รายงาน…', '.docx,.pdf,.txt,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document')}
      <div id="import-preview" aria-live="polite"></div>` : ''}`;
  if (editable) {
    onFileChosen('import-file', (file) => importMeasures(document.getElementById('import-preview'), code, file, async (storedYear, stored) => {
      await agencyView(code, storedYear);
      document.getElementById('editor').innerHTML = `<p class="ok" role="status" id="imported">นำเข้าแล้ว: เพิ่ม ${stored.created} · ปรับปรุง ${stored.updated} · ไม่เปลี่ยนแปลง ${stored.unchanged}</p>`;
    }));
    document.querySelectorAll('[data-edit]').forEach((button) => {
      button.onclick = () => editMeasure(code, measures.measures.find(({ measure }) => String(measure.id) === button.dataset.edit).measure, year);
    });
  }
  const select = document.getElementById('year');
  if (select) select.onchange = (e) => { location.hash = `#/agency/${code}?year=${e.target.value}`; };
  document.getElementById('pdf').onclick = () => download(`/agencies/${code}/report.pdf?year=${year}`, `ita-agency-${code}-${year}.pdf`);
  onExport('indicators', `/agencies/${code}/ita/indicator-scores?year=${year}`, `indicators-${code}-${year}`);
  onExport('questions', `/agencies/${code}/ita/weakest-questions?year=${year}`, `weakest-questions-${code}-${year}`);
  onExport('measures', `/agencies/${code}/measures?year=${year}&size=200`, `measures-${code}-${year}`);
}

// ---------- editing a measure (the agency's own administrators) ----------
const FIELD_LABELS = { title: 'ชื่อมาตรการ', status: 'สถานะ', progress: 'ความคืบหน้า (%)', completedOn: 'วันที่แล้วเสร็จ',
  periodStart: 'วันเริ่มต้น', periodEnd: 'วันสิ้นสุด', periodText: 'ระยะเวลา (ตามเอกสาร)', output: 'ผลการดำเนินการ', outcome: 'ผลลัพธ์' };

function editMeasure(code, measure, year, notice = '') {
  const editor = document.getElementById('editor');
  const field = (name, input) => `<p><label for="m-${name}">${FIELD_LABELS[name]}</label><br>${input}<br><span class="field-error" id="e-${name}" role="alert"></span></p>`;
  editor.innerHTML = `<h2>แก้ไขมาตรการที่ ${measure.number}</h2>${notice}
    <form id="measure-form" novalidate>
      ${field('title', `<textarea id="m-title" rows="2" style="width:100%">${esc(measure.title)}</textarea>`)}
      ${field('status', `<select id="m-status">${Object.entries(config.thai.measureStatus).map(([k, v]) => `<option value="${k}" ${k === measure.status ? 'selected' : ''}>${v}</option>`).join('')}</select>`)}
      ${field('progress', `<input id="m-progress" type="number" min="0" max="100" value="${measure.progress}">`)}
      ${field('completedOn', `<input id="m-completedOn" type="date" value="${measure.completedOn || ''}">`)}
      ${field('periodStart', `<input id="m-periodStart" type="date" value="${measure.periodStart || ''}">`)}
      ${field('periodEnd', `<input id="m-periodEnd" type="date" value="${measure.periodEnd || ''}">`)}
      ${field('output', `<textarea id="m-output" rows="3" style="width:100%">${esc(measure.output)}</textarea>`)}
      <button type="submit" id="m-save">บันทึก</button> <button type="button" id="m-cancel">ยกเลิก</button>
    </form>`;
  const value = (name) => document.getElementById(`m-${name}`).value;
  document.getElementById('m-cancel').onclick = () => { editor.innerHTML = ''; };
  document.getElementById('measure-form').onsubmit = async (event) => {
    event.preventDefault();
    document.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    const draft = { fiscalYear: measure.fiscalYear, number: measure.number, title: value('title'), targets: measure.targets, steps: measure.steps,
      responsibleUnits: measure.responsibleUnits, periodStart: value('periodStart') || null, periodEnd: value('periodEnd') || null,
      periodText: measure.periodText, status: value('status'), progress: value('progress') === '' ? null : Number(value('progress')),
      completedOn: value('status') === 'DONE' ? (value('completedOn') || null) : null, output: value('output'), outcome: measure.outcome,
      evidenceLinks: measure.evidenceLinks, version: measure.version };
    try {
      await api(`/agencies/${code}/measures/${measure.id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(draft) });
      await agencyView(code, year);
      document.getElementById('editor').innerHTML = '<p class="ok" role="status" id="saved">บันทึกแล้ว</p>';
    } catch (error) {
      if (error.status === 422 && error.body?.errors) {
        showFieldErrors(error.body.errors, 'e-', 'title');
      } else if (error.status === 409 && error.body?.current) {
        editMeasure(code, error.body.current, year, '<p class="error" role="alert" id="conflict">มีผู้แก้ไขมาตรการนี้ก่อนคุณ ระบบแสดงข้อมูลล่าสุดแล้ว กรุณาตรวจสอบและบันทึกอีกครั้ง (การแก้ไขของคุณยังไม่ถูกบันทึก)</p>');
      } else {
        editor.insertAdjacentHTML('beforeend', failure(error));
      }
    }
  };
  document.getElementById('m-title').focus();
}

