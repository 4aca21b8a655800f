// Platform administration: checking then loading ITA result files, the loads' history, monthly report schedules and
// their runs.
import { view } from '../state.js';
import { api, download, failure, showFieldErrors } from '../api.js';
import { dateTime, esc } from '../text.js';
import { filePicker, onFileChosen, sortableTable } from '../widgets.js';

const LAYOUTS = { WIDE: 'แบบกว้าง (คะแนนรวมและตัวชี้วัด)', LONG: 'แบบยาว (คะแนนรายข้อ)' };
const RUN_STATUS = { PENDING: 'รอส่ง', RETRYING: 'กำลังลองส่งใหม่', SENT: 'ส่งแล้ว', FAILED: 'ส่งไม่สำเร็จ' };

export async function adminView() {
  const [loads, schedules, provinces] = await Promise.all([api('/ita/loads?limit=20'), api('/report-schedules'), api('/provinces')]);
  const provinceNames = Object.fromEntries(provinces.provinces.map((p) => [p.code, p.nameTh]));
  view.innerHTML = `
    <h1>ผู้ดูแลระบบ</h1>
    <h2>นำเข้าผลการประเมิน ITA</h2>
    <p class="muted">ไฟล์ CSV หรือ XLSX (UTF-8 หรือ TIS-620) แบบกว้างหรือแบบยาว ระบบตรวจทั้งไฟล์และแสดงผลการตรวจก่อนโหลด
      ไฟล์ที่มีข้อผิดพลาดแม้แถวเดียวจะไม่ถูกโหลดเลย การโหลดปีเดิมซ้ำจะแทนที่เฉพาะหน่วยงานที่อยู่ในไฟล์</p>
    ${filePicker('load-file', 'เลือกไฟล์ผลการประเมิน…', '.csv,.xlsx,text/csv')}
    <div id="load-check" aria-live="polite"></div>
    <h2>ประวัติการโหลด (ล่าสุด ${loads.count} รายการ)</h2><div class="scroll" id="loads"></div>
    <h2>กำหนดการส่งรายงานประจำเดือน</h2>
    <div class="scroll" id="schedules"></div>
    <div id="runs" aria-live="polite"></div>
    <h3>เพิ่มกำหนดการ</h3>
    <form id="schedule-form" novalidate class="form-grid">
      <p><label for="s-scope">ขอบเขต</label><br><select id="s-scope"><option value="PROVINCE">จังหวัด</option><option value="AGENCY">หน่วยงาน</option></select></p>
      <p><label for="s-code">รหัสจังหวัดหรือหน่วยงาน</label><br><input id="s-code" inputmode="numeric" size="9"><br><span class="field-error" id="se-code" role="alert"></span></p>
      <p><label for="s-dayOfMonth">วันที่ของเดือน (1–28)</label><br><input id="s-dayOfMonth" type="number" min="1" max="28" value="1"><br><span class="field-error" id="se-dayOfMonth" role="alert"></span></p>
      <p><label for="s-timeOfDay">เวลา</label><br><input id="s-timeOfDay" value="08:00" size="6"><br><span class="field-error" id="se-timeOfDay" role="alert"></span></p>
      <p class="wide"><label for="s-recipients">อีเมลผู้รับ (บรรทัดละหนึ่งราย ต้องเป็นผู้ใช้ที่มีสิทธิ์ดูรายงานนั้น)</label><br>
        <textarea id="s-recipients" rows="2" style="width:100%"></textarea><br><span class="field-error" id="se-recipients" role="alert"></span></p>
      <p><label><input id="s-thaiDigits" type="checkbox"> ใช้เลขไทยในรายงาน</label><br><label><input id="s-enabled" type="checkbox" checked> เปิดใช้งาน</label></p>
      <p><button type="submit" id="s-save">เพิ่มกำหนดการ</button><br><span class="field-error" id="se-scope" role="alert"></span></p>
    </form>`;
  sortableTable('loads', [
    { label: 'เวลา', value: (l) => l.startedAt, text: (l) => dateTime(l.startedAt) },
    { label: 'ไฟล์', value: (l) => l.fileName, text: (l) => l.fileName },
    { label: 'ปีงบประมาณ', value: (l) => l.fiscalYears.join(','), text: (l) => l.fiscalYears.join(', ') },
    { label: 'รูปแบบ', value: (l) => l.layout, text: (l) => (l.layout === 'WIDE' ? 'กว้าง' : 'ยาว') },
    { label: 'แถว', num: true, value: (l) => l.rowsAccepted, text: (l) => l.rowsAccepted.toLocaleString('th-TH') },
    { label: 'ผู้โหลด', value: (l) => l.username, text: (l) => l.username },
    { label: 'ผล', value: (l) => l.status, text: (l) => (l.status === 'LOADED' ? 'โหลดแล้ว' : `ไม่สำเร็จ: ${l.error || ''}`) },
    { label: 'SHA-256', value: (l) => l.sha256, html: (l) => `<code title="${esc(l.sha256)}">${esc(l.sha256.slice(0, 12))}…</code>` }],
  loads.loads, (l) => (l.status === 'LOADED' ? '' : 'weak'));
  const scheduleName = (s) => (s.scope === 'PROVINCE' ? `จังหวัด${provinceNames[s.code] || s.code}` : `หน่วยงาน ${s.code}`);
  if (schedules.length) {
    sortableTable('schedules', [
      { label: 'รายงาน', value: (s) => scheduleName(s), text: (s) => scheduleName(s) },
      { label: 'ส่งทุกวันที่', num: true, value: (s) => s.dayOfMonth, text: (s) => `${s.dayOfMonth} เวลา ${s.timeOfDay.slice(0, 5)} น.` },
      { label: 'ผู้รับ', value: (s) => s.recipients.join(', '), text: (s) => s.recipients.join(', ') },
      { label: 'สถานะ', value: (s) => s.enabled, text: (s) => (s.enabled ? 'เปิดใช้งาน' : 'ปิดอยู่') },
      { label: '', value: (s) => s.id, html: (s) => `<button type="button" data-runs="${s.id}">ประวัติการส่ง</button>
        <button type="button" data-delete="${s.id}" aria-label="ลบกำหนดการ ${esc(scheduleName(s))}">ลบ</button>` }], schedules);
  } else {
    document.getElementById('schedules').innerHTML = '<p class="muted" style="padding:.5rem">ยังไม่มีกำหนดการ</p>';
  }
  document.getElementById('schedules').onclick = async (event) => {
    const runsOf = event.target.dataset.runs;
    const remove = event.target.dataset.delete;
    if (runsOf) await showRuns(runsOf);
    if (remove && confirm('ลบกำหนดการนี้? รายงานที่ส่งแล้วยังเก็บไว้')) {
      try { await api(`/report-schedules/${remove}`, { method: 'DELETE' }); await adminView(); } catch (error) { view.insertAdjacentHTML('afterbegin', failure(error)); }
    }
  };
  onFileChosen('load-file', checkLoad);
  document.getElementById('schedule-form').onsubmit = async (event) => {
    event.preventDefault();
    document.querySelectorAll('#schedule-form .field-error').forEach((e) => { e.textContent = ''; });
    const value = (name) => document.getElementById(`s-${name}`).value.trim();
    const draft = { scope: value('scope'), code: value('code'), dayOfMonth: value('dayOfMonth') === '' ? null : Number(value('dayOfMonth')),
      timeOfDay: value('timeOfDay') || null, timeZone: 'Asia/Bangkok', recipients: value('recipients').split(/[\s,]+/).filter(Boolean),
      thaiDigits: document.getElementById('s-thaiDigits').checked, enabled: document.getElementById('s-enabled').checked };
    try {
      await api('/report-schedules', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(draft) });
      await adminView();
      document.getElementById('runs').innerHTML = '<p class="ok" role="status" id="schedule-saved">เพิ่มกำหนดการแล้ว</p>';
    } catch (error) {
      if (error.status === 422 && error.body?.errors) {
        showFieldErrors(error.body.errors, 'se-', 'scope');
      } else {
        view.insertAdjacentHTML('afterbegin', failure(error));
      }
    }
  };
}

async function checkLoad(file) {
  const box = document.getElementById('load-check');
  if (!file) return;
  const body = await file.arrayBuffer();
  const send = (path) => api(`${path}?fileName=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body });
  box.innerHTML = '<p class="muted">กำลังตรวจไฟล์…</p>';
  try {
    const check = await send('/ita/load-checks');
    box.innerHTML = `<div class="card" id="load-summary"><p><strong>${esc(check.fileName)}</strong>: ${LAYOUTS[check.layout]} ·
        ${check.rows.toLocaleString('th-TH')} แถว · ${check.agencies.toLocaleString('th-TH')} หน่วยงาน ใน ${check.provinces.length} จังหวัด ·
        ปีงบประมาณ ${check.fiscalYears.join(', ')} · ${esc(check.encoding)}</p>
      ${check.alreadyLoaded ? `<p class="muted" id="already-loaded">ไฟล์ที่มีเนื้อหาเดียวกันนี้ถูกโหลดแล้วเมื่อ ${dateTime(check.alreadyLoaded.startedAt)}
        โดย ${esc(check.alreadyLoaded.username)} (${esc(check.alreadyLoaded.fileName)}) การโหลดซ้ำจะไม่เปลี่ยนข้อมูล</p>` : ''}
      ${check.warnings.length ? `<details><summary>ข้อสังเกต ${check.warnings.length} รายการ (โหลดได้)</summary><ul>${check.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></details>` : ''}
      <p><button type="button" id="load-go">โหลดเข้าระบบ</button></p></div>`;
    document.getElementById('load-go').onclick = async () => {
      const report = await send('/ita/loads').catch((error) => { box.insertAdjacentHTML('beforeend', failure(error)); return null; });
      if (!report) return;
      await adminView();
      document.getElementById('load-check').innerHTML = `<p class="ok" role="status" id="loaded">โหลดแล้ว: ${report.rowsAccepted.toLocaleString('th-TH')} แถว
        ปีงบประมาณ ${report.fiscalYears.join(', ')} ใน ${(report.millis / 1000).toLocaleString('th-TH', { maximumFractionDigits: 1 })} วินาที (รหัสการโหลด ${esc(report.loadId)})</p>`;
    };
  } catch (error) {
    box.innerHTML = error.status === 400 && error.body?.problems
      ? `<div class="error" role="alert" id="load-problems"><p>ไฟล์นี้โหลดไม่ได้ พบปัญหา ${(error.body.problemCount ?? error.body.problems.length).toLocaleString('th-TH')} รายการ${error.body.truncated ? ` (แสดง ${error.body.problems.length.toLocaleString('th-TH')} รายการแรก)` : ''} ไม่มีข้อมูลใดถูกโหลด</p>
        <div class="scroll"><table><thead><tr><th scope="col" class="num">แถว</th><th scope="col">คอลัมน์</th><th scope="col">ปัญหา</th></tr></thead><tbody>
        ${error.body.problems.map((p) => `<tr><td class="num">${p.row || '–'}</td><td>${esc(p.column || '–')}</td><td>${esc(p.reasonTh || p.reason)}</td></tr>`).join('')}</tbody></table></div></div>`
      : failure(error);
  }
}

async function showRuns(scheduleId) {
  const runs = await api(`/report-schedules/${scheduleId}/runs`);
  const box = document.getElementById('runs');
  box.innerHTML = `<h3>ประวัติการส่งของกำหนดการ ${esc(scheduleId)}</h3>${runs.length ? '<div class="scroll" id="runs-table"></div>' : '<p class="muted">ยังไม่เคยส่ง</p>'}`;
  if (!runs.length) return;
  sortableTable('runs-table', [
    { label: 'งวด', value: (r) => r.period, text: (r) => r.period },
    { label: 'สถานะ', value: (r) => r.status, text: (r) => `${RUN_STATUS[r.status] || r.status}${r.lastError ? `: ${r.lastError}` : ''}` },
    { label: 'ครั้งที่ส่ง', num: true, value: (r) => r.attempts, text: (r) => r.attempts },
    { label: 'ส่งเมื่อ', value: (r) => r.sentAt || '', text: (r) => dateTime(r.sentAt) },
    { label: 'รายงาน', value: (r) => r.id, html: (r) => (r.sha256 ? `<button type="button" data-run-pdf="${r.id}">PDF</button>` : '–') }],
  runs, (r) => (r.status === 'FAILED' ? 'weak' : ''));
  box.onclick = (event) => { const id = event.target.dataset.runPdf; if (id) download(`/report-runs/${id}/report.pdf`, `report-run-${id}.pdf`); };
}
