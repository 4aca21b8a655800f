// Importing a measures report (Word, PDF or text) in the agency view: upload → preview (the tables found, their first
// rows, the reader's reading of each column, every problem beside what it concerns) → the administrator says which
// column is which and the fiscal year → "read again" → confirm. Nothing is stored until confirm: every step before is
// a dry run of the same document with the same choices (POST measure-imports?dryRun=true&columns=…&fiscalYear=…).
import { api, failure } from '../api.js';
import { esc, thaiDate } from '../text.js';

/** The roles a column can be given, in the order of the select, with their Thai names. */
const ROLES = [
  ['MEASURE', 'มาตรการ'], ['STEPS', 'ขั้นตอน/วิธีการ'], ['UNITS', 'ผู้รับผิดชอบ'], ['PERIOD', 'ระยะเวลา'],
  ['OUTPUT', 'ผลการดำเนินการ (ผลผลิต)'], ['OUTCOME', 'ผลลัพธ์'], ['TARGET', 'ข้อคำถาม/ตัวชี้วัดเป้าหมาย'],
  ['NUMBER', 'ลำดับที่'], ['ISSUE', 'ประเด็นที่ต้องแก้ไข (ไม่บันทึก)'], ['EVIDENCE', 'หลักฐาน (ไม่บันทึก)'],
  ['NOTES', 'หมายเหตุ (ไม่บันทึก)'], ['IGNORE', 'ไม่ใช้คอลัมน์นี้']];
const ROLE_NAMES = Object.fromEntries([...ROLES, ['UNKNOWN', 'ไม่ทราบ']]);
const SOURCES = { HEADER: 'อ่านจากหัวตาราง', CONTINUES: 'อ่านตามตารางก่อนหน้า', CHOSEN: 'ตามที่ท่านระบุ', NONE: 'ยังไม่ได้อ่าน' };

const issueList = (issues, id) => (issues.length
  ? `<ul class="issues" id="${id}">${issues.map((i) => `<li class="${i.blocking ? 'error' : 'muted'}">${esc(i.messageTh)}</li>`).join('')}</ul>` : '');

/**
 * Shows the import form's preview in {@code box} for {@code file}, for agency {@code code}; {@code done(year, stored)}
 * is called after the administrator confirmed and the measures were stored.
 */
export async function importMeasures(box, code, file, done) {
  if (!file) return;
  const body = await file.arrayBuffer();
  const choices = { columns: {}, fiscalYear: null }; // table number → column → role, kept over every reading
  const query = (dryRun) => {
    const columns = Object.entries(choices.columns).flatMap(([table, roles]) => Object.entries(roles)
      .map(([column, role]) => `${table}.${column}=${role}`)).join(',');
    return `/agencies/${code}/measure-imports?dryRun=${dryRun}&fileName=${encodeURIComponent(file.name)}`
      + (columns ? `&columns=${encodeURIComponent(columns)}` : '') + (choices.fiscalYear ? `&fiscalYear=${choices.fiscalYear}` : '');
  };
  const send = (dryRun) => api(query(dryRun), { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body });

  const show = async () => {
    box.innerHTML = '<p class="muted">กำลังอ่านเอกสาร…</p>';
    let preview;
    try {
      preview = await send(true);
    } catch (error) {
      box.innerHTML = refusal(error);
      return;
    }
    box.innerHTML = render(preview, choices);
    box.querySelectorAll('select[data-table]').forEach((select) => {
      select.onchange = () => { select.closest('table').dataset.changed = 'yes'; };
    });
    document.getElementById('import-again').onclick = () => {
      // A table whose columns were changed is sent whole (a column not said is left out by the reader).
      box.querySelectorAll('table[data-changed="yes"]').forEach((table) => {
        const roles = {};
        table.querySelectorAll('select[data-table]').forEach((select) => {
          roles[select.dataset.column] = select.value === 'UNKNOWN' ? 'IGNORE' : select.value;
        });
        choices.columns[table.dataset.table] = roles;
      });
      const year = document.getElementById('import-year').value.trim();
      choices.fiscalYear = /^\d{4}$/.test(year) ? Number(year) : null;
      if (year && !choices.fiscalYear) {
        document.getElementById('import-year-problem').textContent = 'กรุณากรอกปีงบประมาณเป็นปี พ.ศ. 4 หลัก เช่น 2568';
        return;
      }
      show();
    };
    const confirm = document.getElementById('import-save');
    confirm.onclick = async () => {
      confirm.disabled = true;
      try {
        const stored = await send(false);
        await done(stored.fiscalYear, stored.stored);
      } catch (error) {
        confirm.disabled = false;
        document.getElementById('import-result').innerHTML = refusal(error);
      }
    };
  };
  await show();
}

function refusal(error) {
  return error.status === 422 && error.body?.problems
    ? `<div class="error" role="alert" id="import-refused">${esc(error.body.message || 'นำเข้าไม่ได้ ไม่มีการบันทึกข้อมูลใด')}<ul>${error.body.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></div>`
    : failure(error);
}

function render(preview, choices) {
  const report = preview.report;
  const about = (subject) => preview.issues.filter((i) => i.subject === subject);
  const agency = report.agency;
  const candidates = agency.candidates.length
    ? `<ul id="import-candidates">${agency.candidates.map((c) => `<li>${esc(c.nameTh)} อำเภอ${esc(c.districtTh)} (รหัส ${esc(c.code)})</li>`).join('')}</ul>` : '';
  const warnings = [...report.warnings, ...report.measures.flatMap((m) => m.warnings.map((w) => `มาตรการที่ ${m.number}: ${w}`))];
  return `<p id="import-summary">พบมาตรการ <strong>${report.measures.length}</strong> รายการ ของ ${esc(report.agencyNameTh || agency.written || 'หน่วยงานที่ไม่ได้ระบุ')}
      ปีงบประมาณ ${esc(preview.fiscalYear ?? 'ยังไม่ทราบ')}</p>
    <dl class="import-facts">
      <dt>หน่วยงานในเอกสาร</dt><dd id="import-agency">${esc(agency.written || 'ไม่ได้ระบุ')}
        ${{ FOUND: '— พบในทะเบียน', AMBIGUOUS: '— ตรงกับหลายหน่วยงาน ระบบไม่เลือกแทน', NOT_FOUND: '— ไม่พบในทะเบียน', NOT_NAMED: '' }[agency.outcome] || ''}
        ${candidates}${issueList(about('AGENCY'), 'import-agency-problems')}</dd>
      <dt><label for="import-year">ปีงบประมาณ (พ.ศ.)</label></dt>
      <dd><input id="import-year" inputmode="numeric" size="6" value="${esc(choices.fiscalYear ?? report.fiscalYear ?? '')}">
        <span class="muted">${choices.fiscalYear ? 'ตามที่ท่านระบุ' : report.fiscalYear ? `เอกสารระบุปี ${report.fiscalYear}` : 'เอกสารไม่ได้ระบุปี กรุณากรอก'}</span>
        <span id="import-year-problem" role="alert"></span>${issueList(about('YEAR'), 'import-year-problems')}</dd>
      <dt>ไฟล์</dt><dd>${esc(report.source)} (${esc(report.format)})</dd>
    </dl>
    <h3>ตารางที่พบ ${report.tables.length} ตาราง</h3>
    <p class="muted">ตรวจว่าระบบอ่านแต่ละคอลัมน์ถูกต้องหรือไม่ หากไม่ถูก เลือกประเภทของคอลัมน์แล้วกด “อ่านอีกครั้ง”</p>
    ${report.tables.map((t) => tableReading(t, about('TABLE').filter((i) => i.table === t.table))).join('')}
    <h3>มาตรการที่อ่านได้ <span id="import-count">${report.measures.length}</span> รายการ</h3>
    ${report.measures.length ? `<div class="scroll"><table id="import-table"><thead><tr><th scope="col">ที่</th><th scope="col">มาตรการ</th><th scope="col">ขั้นตอน</th><th scope="col">ผู้รับผิดชอบ</th><th scope="col">ระยะเวลา</th><th scope="col">เป้าหมาย</th></tr></thead><tbody>
      ${report.measures.map((m) => `<tr><td>${m.number}</td><td>${esc(m.title)}</td><td>${esc(m.steps)}</td><td>${m.responsibleUnits.map(esc).join('<br>')}</td>
        <td>${esc(m.period.text)}<br><span class="muted">${m.period.start ? `${thaiDate(m.period.start)} – ${thaiDate(m.period.end)}` : 'อ่านวันที่ไม่ได้'}</span></td>
        <td>${m.targets.map((t) => esc(t.startsWith('indicator:') ? `ตัวชี้วัดที่ ${t.slice(10)}` : t.toUpperCase())).join(', ') || '–'}</td></tr>`).join('')}</tbody></table></div>` : ''}
    ${issueList(about('MEASURES'), 'import-measures-problems')}
    ${warnings.length ? `<details><summary>ข้อสังเกต ${warnings.length} รายการ</summary><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></details>` : ''}
    <p class="toolbar"><button type="button" id="import-again">อ่านอีกครั้ง</button>
      <button type="button" id="import-save" ${preview.storable ? '' : 'disabled'}>ยืนยันและบันทึกมาตรการ</button>
      <span class="muted" id="import-state">${preview.storable ? 'ยังไม่ได้บันทึก: ข้อมูลจะถูกบันทึกเมื่อกดยืนยัน'
        : 'ยังบันทึกไม่ได้: แก้ปัญหาที่แสดงด้วยสีแดงก่อน (ยังไม่มีการบันทึกข้อมูลใด)'}</span></p>
    <div id="import-result" aria-live="polite"></div>`;
}

function tableReading(table, issues) {
  const width = Math.max(table.columns.length, ...table.firstRows.map((r) => r.length));
  const reading = (c) => table.columns.find((col) => col.column === c) || { column: c, role: 'UNKNOWN', confidence: 0, why: '' };
  const cells = (row) => Array.from({ length: width }, (_, c) => `<td>${esc(row[c] ?? '')}</td>`).join('');
  return `<section class="import-reading" id="import-table-${table.table}">
    <h4>ตารางที่ ${table.table} <span class="muted">(${esc(table.where)}) · ${SOURCES[table.source] || esc(table.source)} · อ่านได้ ${table.measures} มาตรการ</span></h4>
    ${issueList(issues, `import-table-${table.table}-problems`)}
    <div class="scroll"><table data-table="${table.table}"><thead><tr>${Array.from({ length: width }, (_, c) => {
      const col = reading(c);
      return `<th scope="col"><label class="visually-hidden" for="role-${table.table}-${c}">คอลัมน์ที่ ${c + 1} คือ</label>
        <select id="role-${table.table}-${c}" data-table="${table.table}" data-column="${c}">
        ${[...ROLES, ...(ROLES.some(([r]) => r === col.role) ? [] : [[col.role, ROLE_NAMES[col.role] || col.role]])]
          .map(([role, name]) => `<option value="${role}" ${role === col.role ? 'selected' : ''}>${esc(name)}</option>`).join('')}</select>
        <div class="muted small">${table.source === 'CHOSEN' ? (col.confidence === 1 && col.role !== 'IGNORE' ? 'ตามที่ท่านระบุ' : esc(col.why))
          : col.role === 'UNKNOWN' ? `ระบบอ่านไม่ได้${col.why ? `: ${esc(col.why)}` : ''}`
            : `ระบบอ่านเป็น “${esc(ROLE_NAMES[col.role] || col.role)}” (ความมั่นใจ ${Math.round(col.confidence * 100)}%)${col.why ? `: ${esc(col.why)}` : ''}`}</div></th>`;
    }).join('')}</tr></thead>
    <tbody>${table.firstRows.map((row, i) => `<tr class="${i < table.headerRows ? 'header-row' : ''}">${cells(row)}</tr>`).join('')}</tbody></table></div>
  </section>`;
}
