// ITA Oversight dashboard: plain ES module, no build step. Signs in with Keycloak (authorization code + PKCE with the
// public client), then shows a province (provincial officers) or an agency (agency administrators) from the API.

const view = document.getElementById('view');
const who = document.getElementById('who');
const logoutButton = document.getElementById('logout');
const redirectUri = `${location.origin}/app/`;
const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
let config;
let expiryTimer;

// ---------- text ----------
const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const score = (value) => (value === null || value === undefined ? '–' : Number(value).toLocaleString('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
/** A share as a percentage: up to one decimal ("50%"), or always one in a table column so that rates line up ("50.0%"). */
const percent = (share, { column = false } = {}) => (share === null || share === undefined ? '–'
  : `${(Number(share) * 100).toLocaleString('th-TH', { minimumFractionDigits: column ? 1 : 0, maximumFractionDigits: 1 })}%`);
const percentColumn = (share) => percent(share, { column: true });
const change = (value) => (value === null || value === undefined ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${score(Math.abs(value))}`);
/** "ต.ค. 2568" from "2025-10" or "2025-10-01". */
const thaiMonth = (iso) => { const [y, m] = iso.split('-').map(Number); return `${THAI_MONTHS[m - 1]} ${y + 543}`; };
/** "1 ต.ค. 2568" from "2025-10-01". */
const thaiDate = (iso) => (iso ? `${Number(iso.split('-')[2])} ${thaiMonth(iso)}` : '–');
/** "22 พ.ย. 2569 14:30 น." from an instant, in the browser's time zone. */
const dateTime = (iso) => { if (!iso) return '–'; const d = new Date(iso);
  return `${d.getDate()} ${THAI_MONTHS[d.getMonth()]} ${d.getFullYear() + 543} ${d.toTimeString().slice(0, 5)} น.`; };

/** A file picker whose button and "no file" text are Thai (the native input speaks the browser's language). */
const filePicker = (id, label, accept) => `<p class="file-picker"><input id="${id}" type="file" accept="${accept}" class="visually-hidden">
  <label for="${id}" class="button">${label}</label> <span id="${id}-name" class="muted">ยังไม่ได้เลือกไฟล์</span></p>`;
/** Calls {@code chosen} with each file picked, after showing its name. */
function onFileChosen(id, chosen) {
  document.getElementById(id).onchange = (event) => {
    document.getElementById(`${id}-name`).textContent = event.target.files[0]?.name || 'ยังไม่ได้เลือกไฟล์';
    chosen(event.target.files[0]);
  };
}
const TYPES = { PROVINCIAL_ADMINISTRATION: 'องค์การบริหารส่วนจังหวัด', CITY_MUNICIPALITY: 'เทศบาลนคร', TOWN_MUNICIPALITY: 'เทศบาลเมือง',
  SUBDISTRICT_MUNICIPALITY: 'เทศบาลตำบล', SUBDISTRICT_ADMINISTRATION: 'องค์การบริหารส่วนตำบล', SPECIAL: 'รูปแบบพิเศษ' };
const STATUS = { PLANNED: 'ยังไม่เริ่ม', IN_PROGRESS: 'กำลังดำเนินการ', DONE: 'ดำเนินการแล้วเสร็จ', CANCELLED: 'ยกเลิก' };

/** The Thai fiscal year (พ.ศ.) of today: it starts on 1 October. */
const currentFiscalYear = () => { const now = new Date(); return now.getFullYear() + 543 + (now.getMonth() >= 9 ? 1 : 0); };

// ---------- sign-in ----------
const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));

async function login() {
  const verifier = random(48);
  const state = random(16);
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state, returnTo: location.hash }));
  const params = new URLSearchParams({ client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri,
    state, code_challenge: challenge, code_challenge_method: 'S256', ui_locales: 'th' });
  location.assign(`${config.issuer}/protocol/openid-connect/auth?${params}`);
}

async function tokenRequest(form) {
  const response = await fetch(`${config.issuer}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  if (!response.ok) throw new Error(`token ${response.status}`);
  return keep(await response.json());
}

/**
 * Keeps the tokens of this tab. The access token is refreshed when a call needs it, never in the background, so an idle
 * dashboard lets Keycloak's idle timeout end the session; when the refresh token's own lifetime is up, the page says so.
 */
function keep(tokens) {
  const session = { access: tokens.access_token, refresh: tokens.refresh_token, id: tokens.id_token,
    expires: Date.now() + tokens.expires_in * 1000,
    refreshExpires: tokens.refresh_expires_in ? Date.now() + tokens.refresh_expires_in * 1000 : null };
  sessionStorage.setItem('session', JSON.stringify(session));
  watchExpiry(session);
  return session;
}

function watchExpiry(current) {
  clearTimeout(expiryTimer);
  if (current.refreshExpires) expiryTimer = setTimeout(expired, Math.max(0, current.refreshExpires - Date.now()));
}

async function completeSignIn(params) {
  const pkce = JSON.parse(sessionStorage.getItem('pkce') || '{}');
  sessionStorage.removeItem('pkce');
  if (!pkce.state || params.get('state') !== pkce.state) throw new Error('state');
  await tokenRequest({ grant_type: 'authorization_code', client_id: config.clientId, code: params.get('code'),
    redirect_uri: redirectUri, code_verifier: pkce.verifier });
  history.replaceState(null, '', `/app/${pkce.returnTo || ''}`);
}

function session() { return JSON.parse(sessionStorage.getItem('session') || 'null'); }

async function refresh() {
  const current = session();
  if (!current?.refresh) throw new Error('no session');
  return tokenRequest({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: current.refresh });
}

/** The session has ended (idle timeout, signed out elsewhere, revoked): say so above what is on screen, offer to sign in again. */
function expired() {
  clearTimeout(expiryTimer);
  sessionStorage.removeItem('session');
  if (document.getElementById('expired')) return;
  view.insertAdjacentHTML('afterbegin', `<div class="error" role="alert" id="expired">หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง
    (ข้อมูลที่ยังไม่ได้บันทึกจะไม่ถูกบันทึก) <button id="again" type="button">เข้าสู่ระบบอีกครั้ง</button></div>`);
  document.getElementById('again').onclick = login;
  document.getElementById('again').focus();
}

function logout() {
  const current = session();
  sessionStorage.clear();
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri });
  if (current?.id) params.set('id_token_hint', current.id);
  location.assign(`${config.issuer}/protocol/openid-connect/logout?${params}`);
}

function claims() {
  const token = session()?.access;
  return token ? JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) : {};
}

// ---------- API ----------
class ApiError extends Error { constructor(status, body) { super(body?.message || `HTTP ${status}`); this.status = status; this.body = body; } }

async function api(path, options = {}, retried = false) {
  let current = session();
  if (!current) { expired(); throw new ApiError(401); }
  if (Date.now() > current.expires - 5000) current = await refresh().catch(() => null);
  if (!current) { expired(); throw new ApiError(401); }
  const response = await fetch(`/api/v1${path}`, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${current.access}` } });
  if (response.status === 401) {
    if (!retried && await refresh().then(() => true, () => false)) return api(path, options, true);
    expired();
    throw new ApiError(401);
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.blob();
  if (!response.ok) throw new ApiError(response.status, type.includes('json') ? body : null);
  return body;
}

async function download(path, fileName) {
  try {
    const blob = await api(path);
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: fileName });
    document.body.append(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (error) {
    view.insertAdjacentHTML('afterbegin', failure(error));
  }
}

/** A comparison as the server exports it (CSV or XLSX, formula-safe, Thai headers): the same URL with ?format=. */
function serverExport(path, stem, format) {
  return download(`${path}${path.includes('?') ? '&' : '?'}format=${format}`, `${stem}.${format}`);
}

/** The CSV and Excel buttons of a table whose export the server builds. */
function exportButtons(id, label = 'ดาวน์โหลด') {
  return `<button type="button" id="csv-${id}">${label} (CSV)</button> <button type="button" id="xlsx-${id}">${label} (Excel)</button>`;
}

function onExport(id, path, stem) {
  ['csv', 'xlsx'].forEach((format) => {
    const button = document.getElementById(`${format}-${id}`);
    if (button) button.onclick = () => serverExport(path, stem, format);
  });
}

/** The one pass rule of the reports and exports: the figure as printed (with these decimals) decides the colour. */
function failsAsPrinted(value, decimals) {
  return value !== null && value !== undefined && Number(Number(value).toFixed(decimals)) < Number(config.passMark);
}

/** Tables the server has no export for (derived in the browser): CSV built here, formula-safe by the same rule. */
function downloadCsv(fileName, header, rows) {
  const safe = (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  const cell = (v) => (typeof v === 'number' ? String(v) : `"${safe(String(v ?? '')).replace(/"/g, '""')}"`);
  const csv = '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })), download: fileName });
  document.body.append(link); link.click(); link.remove();
}

/** The API's Thai message for each refused field (422), under its field; a field the form lacks goes under {@code fallback}. */
function showFieldErrors(errors, prefix, fallback) {
  Object.entries(errors).forEach(([name, message]) => {
    const slot = document.getElementById(`${prefix}${name}`) || document.getElementById(`${prefix}${fallback}`);
    slot.textContent = message;
    slot.classList.add('error');
  });
}

function failure(error) {
  if (error.status === 401) return ''; // the session-ended notice is already on screen
  if (error.status === 403) return '<p class="error" role="alert" data-error="403">คุณไม่มีสิทธิ์ดูข้อมูลนี้ (เห็นได้เฉพาะหน่วยงานหรือจังหวัดของตนเอง)</p>';
  if (error.status === 404) return '<p class="error" role="alert" data-error="404">ไม่พบข้อมูลที่ต้องการ</p>';
  return `<p class="error" role="alert">เกิดข้อผิดพลาด: ${esc(error.message)}</p>`;
}

// ---------- charts and tables ----------
/**
 * A line chart of scores over the fiscal years (พ.ศ.), one line per series. The value axis fits the data (in steps of
 * 5, the pass mark always in view) with labelled grid lines; the pass mark is a red line in the legend; only the first
 * series carries value labels, the others show theirs on hover, so close lines never print over each other.
 * series: [{ name, points: [{ x: year, y: score }], color, dashed }].
 */
function lineChart(series, { label = 'กราฟคะแนนรายปี' } = {}) {
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
function sortableTable(id, columns, rows, rowClass = () => '') {
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

function yearSelect(years, selected) {
  return `<label>ปีงบประมาณ <select id="year">${years.map((y) => `<option value="${y}" ${y === selected ? 'selected' : ''}>${y}</option>`).join('')}</select></label>`;
}

// ---------- province view ----------
async function provinceView(code, year) {
  const [province, trend, national] = await Promise.all([api(`/provinces/${code}`), api(`/provinces/${code}/ita/trend`),
    api('/ita/national/trend')]);
  const years = trend.years.map((t) => t.fiscalYear).reverse();
  year = year || years[0];
  const [ranking, passRates, matrix, weakest, completion, movers, monthly] = await Promise.all([
    api(`/provinces/${code}/ita/ranking?year=${year}`), api(`/provinces/${code}/ita/pass-rates?year=${year}`),
    api(`/provinces/${code}/ita/matrix?year=${year}`), api(`/provinces/${code}/ita/weakest-indicators?year=${year}`),
    api(`/provinces/${code}/measure-completion?year=${year}`), api(`/provinces/${code}/ita/movers?year=${year}&limit=5`),
    api(`/provinces/${code}/measure-completion/monthly?year=${year}`)]);
  const nationalNow = national.years.find((t) => t.fiscalYear === year);
  const now = trend.years.find((t) => t.fiscalYear === year);
  const before = trend.years.find((t) => t.fiscalYear === year - 1);
  const rateByAgency = Object.fromEntries(completion.agencies.map((c) => [c.scope, c]));
  const attention = ranking.ranking.filter((r) => r.total < config.passMark
    && (!rateByAgency[r.agencyCode] || Number(rateByAgency[r.agencyCode].completionRate) < 0.5));
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
    <div class="toolbar">
      <label>ประเภท <select id="f-type"><option value="">ทั้งหมด</option>${types.map((t) => `<option value="${esc(t)}">${esc(TYPES[t] || t)}</option>`).join('')}</select></label>
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
    ${attention.length ? '<div class="scroll" id="attention"></div><p><button type="button" id="csv-attention">ดาวน์โหลด (CSV)</button></p>' : '<p class="ok">ไม่มีหน่วยงานที่คะแนนต่ำกว่าเกณฑ์และมาตรการคืบหน้าน้อย</p>'}`;
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
  const drawRanking = () => sortableTable('ranking', rankingColumns, filtered(), (r) => (failsAsPrinted(r.total, 2) ? 'weak' : ''));
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
      { label: 'มาตรการสำเร็จ', num: true, value: (r) => Number(rateByAgency[r.agencyCode]?.completionRate ?? -1),
        text: (r) => (rateByAgency[r.agencyCode] ? percent(rateByAgency[r.agencyCode].completionRate) : 'ยังไม่มีมาตรการ') }], attention);
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
  if (attention.length) {
    document.getElementById('csv-attention').onclick = () => downloadCsv(`attention-${code}-${year}.csv`,
      ['agency_code', 'agency_name', 'total', 'completion_rate'],
      attention.map((r) => [r.agencyCode, r.nameTh, r.total, rateByAgency[r.agencyCode]?.completionRate ?? '']));
  }
  onExport('matrix', `/provinces/${code}/ita/matrix?year=${year}`, `indicators-${code}-${year}`);
}

// ---------- national view (platform administrators and provincial officers: aggregates only) ----------
async function nationalView(year) {
  const [trend, provinces] = await Promise.all([api('/ita/national/trend'), api('/provinces')]);
  const years = trend.years.map((t) => t.fiscalYear).reverse();
  year = year || years[0];
  if (!year) { view.innerHTML = '<h1>ภาพรวมประเทศ</h1><p class="muted">ยังไม่มีผลการประเมิน</p>'; return; }
  const rates = await api(`/ita/national/pass-rates?year=${year}`);
  const claim = claims();
  const platformAdmin = (claim.realm_access?.roles || []).includes('platform_admin');
  const names = Object.fromEntries(provinces.provinces.map((p) => [p.code, p.nameTh]));
  const now = trend.years.find((t) => t.fiscalYear === year);
  const readable = (code) => platformAdmin || code === claim.province_code;
  const rows = rates.byProvince.map((g) => ({ ...g, nameTh: names[g.groupCode] || g.groupCode, passRate: g.agencies ? g.passed / g.agencies : 0 }))
    .sort((a, b) => b.meanTotal - a.meanTotal);
  const rankOf = Object.fromEntries(rows.map((g, i) => [g.groupCode, i + 1]));
  view.innerHTML = `
    <h1>ภาพรวมประเทศ</h1>
    <div class="toolbar">${yearSelect(years, year)}<button type="button" id="csv-provinces">ดาวน์โหลดรายจังหวัด (CSV)</button>
      ${platformAdmin ? `<label>ไปที่จังหวัด <select id="go-province"><option value="">เลือกจังหวัด</option>${provinces.provinces.map((p) =>
        `<option value="${p.code}">${esc(p.nameTh)}</option>`).join('')}</select></label>` : ''}</div>
    <section class="cards" aria-label="ตัวเลขสำคัญ">
      <div class="card"><div class="value">${(now?.agencies ?? 0).toLocaleString('th-TH')}</div><div class="label">หน่วยงานที่มีผล ปี ${year}</div></div>
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
    { label: 'อันดับ', num: true, value: (g) => rankOf[g.groupCode], text: (g) => rankOf[g.groupCode] },
    { label: 'จังหวัด', value: (g) => g.nameTh, html: (g) => (readable(g.groupCode) ? `<a href="#/province/${g.groupCode}?year=${year}">${esc(g.nameTh)}</a>` : esc(g.nameTh)) },
    { label: 'หน่วยงานที่มีผล', num: true, value: (g) => g.agencies, text: (g) => g.agencies.toLocaleString('th-TH') },
    { label: 'คะแนนเฉลี่ย', num: true, value: (g) => Number(g.meanTotal), text: (g) => score(g.meanTotal) },
    { label: 'ผ่านเกณฑ์', num: true, value: (g) => g.passRate, text: (g) => percentColumn(g.passRate) }],
  rows, (g) => [g.groupCode === claim.province_code ? 'mine' : '', g.passRate < Number(rates.nationalTarget) ? 'below-target' : ''].join(' '));
  sortableTable('types', [
    { label: 'ประเภท', value: (g) => TYPES[g.groupCode] || g.groupCode, text: (g) => TYPES[g.groupCode] || g.groupCode },
    { label: 'หน่วยงานที่มีผล', num: true, value: (g) => g.agencies, text: (g) => g.agencies.toLocaleString('th-TH') },
    { label: 'คะแนนเฉลี่ย', num: true, value: (g) => Number(g.meanTotal), text: (g) => score(g.meanTotal) },
    { label: 'ผ่านเกณฑ์', num: true, value: (g) => (g.agencies ? g.passed / g.agencies : 0), text: (g) => percentColumn(g.agencies ? g.passed / g.agencies : null) }],
  rates.byAgencyType);
  document.getElementById('year').onchange = (e) => { location.hash = `#/national?year=${e.target.value}`; };
  document.getElementById('csv-provinces').onclick = () => downloadCsv(`provinces-${year}.csv`,
    ['province_code', 'province_name', 'agencies', 'passed', 'pass_rate', 'mean_total'],
    rows.map((g) => [g.groupCode, g.nameTh, g.agencies, g.passed, g.passRate.toFixed(4), g.meanTotal]));
  const go = document.getElementById('go-province');
  if (go) go.onchange = (e) => { if (e.target.value) location.hash = `#/province/${e.target.value}?year=${year}`; };
}

// ---------- platform administration: loading ITA results, monthly report schedules ----------
const LAYOUTS = { WIDE: 'แบบกว้าง (คะแนนรวมและตัวชี้วัด)', LONG: 'แบบยาว (คะแนนรายข้อ)' };
const RUN_STATUS = { PENDING: 'รอส่ง', RETRYING: 'กำลังลองส่งใหม่', SENT: 'ส่งแล้ว', FAILED: 'ส่งไม่สำเร็จ' };

async function adminView() {
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
      ? `<div class="error" role="alert" id="load-problems"><p>ไฟล์นี้โหลดไม่ได้ พบปัญหา ${error.body.problems.length} รายการ ไม่มีข้อมูลใดถูกโหลด</p>
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

// ---------- agency view ----------
async function agencyView(code, year) {
  const [agency, trend, standing] = await Promise.all([api(`/agencies/${code}`), api(`/agencies/${code}/ita/trend`),
    api(`/agencies/${code}/ita/standing`)]);
  // Measures are kept for any assessed year, with results or not (an agency plans before its results are out).
  const years = Object.keys(config.indicatorNames).map(Number).sort((a, b) => b - a);
  year = year || trend.years.map((t) => t.fiscalYear).at(-1) || (years.includes(currentFiscalYear()) ? currentFiscalYear() : years[0]);
  const current = trend.years.find((t) => t.fiscalYear === year);
  const claim = claims();
  const canSeeProvince = (claim.realm_access?.roles || []).some((r) => r === 'provincial_officer' || r === 'platform_admin');
  const [questions, measures, completion] = await Promise.all([
    year ? api(`/agencies/${code}/ita/weakest-questions?year=${year}`) : { questions: [] },
    api(`/agencies/${code}/measures?year=${year}&size=200`),
    api(`/agencies/${code}/measure-completion?year=${year}`).then((c) => c.completion)]);
  const names = Object.fromEntries((config.indicatorNames[year] || []).map((name, i) => [i + 1, name]));
  const scores = current?.indicatorScores || [];
  const lowest = Math.min(...scores.filter((s) => s !== null));
  const mine = standing.years.find((s) => s.fiscalYear === year);
  const editable = claim.agency_code === code && (claim.realm_access?.roles || []).includes('agency_admin');
  view.innerHTML = `
    <h1>${esc(agency.nameTh)}</h1>
    <p class="muted">อำเภอ${esc(agency.districtTh)} · รหัส ${esc(agency.code)} ${canSeeProvince ? `· <a href="#/province/${agency.provinceCode}?year=${year}">กลับไปที่จังหวัด</a>` : ''}</p>
    <div class="toolbar">${years.length ? yearSelect(years, year) : ''}<button id="pdf" type="button">ดาวน์โหลดรายงาน PDF</button></div>
    <section class="cards">
      <div class="card"><div class="value" id="total">${score(current?.total)}</div><div class="label">คะแนนรวม ปี ${year} · ระดับ ${esc(current?.level || '–')}</div></div>
      ${mine ? `<div class="card"><div class="value" id="standing">${mine.rank.toLocaleString('th-TH')} / ${mine.agencies.toLocaleString('th-TH')}</div>
        <div class="label">อันดับในจังหวัด · ค่าเฉลี่ยจังหวัด ${score(mine.provinceMean)} · มัธยฐาน ${score(mine.provinceMedian)}</div></div>` : ''}
      <div class="card"><div class="value" id="completion-rate">${completion.planned ? percent(completion.completionRate) : '–'}</div><div class="label">มาตรการแล้วเสร็จ ${completion.done} จาก ${completion.planned} · เกินกำหนด ${completion.overdue}</div></div>
    </section>
    <h2>คะแนนรวมย้อนหลัง</h2>${lineChart([
      { name: 'คะแนนรวมของหน่วยงาน', color: '#2e6da4', points: trend.years.map((t) => ({ x: t.fiscalYear, y: Number(t.total) })) },
      { name: 'ค่าเฉลี่ยของจังหวัด', color: '#7a8b99', dashed: true, points: standing.years.map((s) => ({ x: s.fiscalYear, y: Number(s.provinceMean) })) }],
      { label: `คะแนนรวมของ${agency.nameTh}เทียบกับค่าเฉลี่ยของจังหวัด รายปี` })}
    ${standing.years.length ? `<p class="muted" id="standing-history">อันดับในจังหวัด: ${standing.years.map((s) => `ปี ${s.fiscalYear} ที่ ${s.rank} จาก ${s.agencies}`).join(' · ')}</p>` : ''}
    <h2>คะแนนรายตัวชี้วัด ปี ${year}</h2>
    ${scores.length ? '' : '<p class="muted">ยังไม่มีผลการประเมินของปีนี้</p>'}
    <div class="scroll" ${scores.length ? '' : 'hidden'}><table><thead><tr><th scope="col">ที่</th><th scope="col">ตัวชี้วัด</th><th scope="col" class="num">คะแนน</th></tr></thead><tbody>
      ${scores.map((s, i) => `<tr class="${s === lowest ? 'weak' : ''}"><td>${i + 1}</td><td>${esc(names[i + 1] || `ตัวชี้วัดที่ ${i + 1}`)}${s === lowest ? ' (ต่ำสุด)' : ''}</td><td class="num">${score(s)}</td></tr>`).join('')}
    </tbody></table></div>
    ${scores.length ? '<p><button type="button" id="csv-indicators">ดาวน์โหลด (CSV)</button></p>' : ''}
    <h2>ข้อคำถามที่มีคะแนนต่ำสุด</h2>
    ${questions.questions.length ? `<div class="scroll"><table><thead><tr><th scope="col">ข้อ</th><th scope="col">ตัวชี้วัด</th><th scope="col" class="num">คะแนน</th></tr></thead><tbody>
      ${questions.questions.map((q) => `<tr><td>${esc(q.code.toUpperCase())}</td><td>${esc(q.indicatorNameTh)}</td><td class="num">${score(q.score)}</td></tr>`).join('')}</tbody></table></div>
      <p>${exportButtons('questions')}</p>`
      : '<p class="muted">ไม่มีข้อคำถามที่ต่ำกว่าเกณฑ์ หรือยังไม่มีคะแนนรายข้อ</p>'}
    <h2>มาตรการ ปี ${year}</h2>
    <div class="scroll"><table id="measures"><thead><tr><th scope="col">ที่</th><th scope="col">มาตรการ</th><th scope="col">ระยะเวลา</th><th scope="col">สถานะ</th><th scope="col" class="num">ความคืบหน้า</th>${editable ? '<th scope="col"></th>' : ''}</tr></thead><tbody>
      ${measures.measures.map(({ measure: m, overdue }) => `<tr class="${overdue ? 'weak' : ''}"><td>${m.number}</td><td>${esc(m.title)}</td><td>${esc(m.periodText || `${thaiDate(m.periodStart)} – ${thaiDate(m.periodEnd)}`)}</td>
        <td>${STATUS[m.status]}${overdue ? ' · เกินกำหนด' : ''}</td><td class="num">${m.progress}%</td>${editable ? `<td><button type="button" data-edit="${m.id}">แก้ไข</button></td>` : ''}</tr>`).join('') || '<tr><td colspan="5" class="muted">ยังไม่มีมาตรการ</td></tr>'}
    </tbody></table></div>
    ${measures.measures.length ? `<p>${exportButtons('measures', 'ดาวน์โหลดมาตรการ')}</p>` : ''}
    <div id="editor"></div>
    ${editable ? `<h2>นำเข้ารายงานมาตรการ</h2>
      <p class="muted">เลือกไฟล์รายงานผลการดำเนินการตามมาตรการ (ข้อความ .txt, UTF-8 หรือ TIS-620) ระบบจะแสดงตัวอย่างให้ตรวจก่อนบันทึก</p>
      ${filePicker('import-file', 'เลือกไฟล์รายงาน…', '.txt,text/plain')}
      <div id="import-preview" aria-live="polite"></div>` : ''}`;
  if (editable) {
    onFileChosen('import-file', (file) => previewImport(code, file, year));
    document.querySelectorAll('[data-edit]').forEach((button) => {
      button.onclick = () => editMeasure(code, measures.measures.find(({ measure }) => String(measure.id) === button.dataset.edit).measure, year);
    });
  }
  const select = document.getElementById('year');
  if (select) select.onchange = (e) => { location.hash = `#/agency/${code}?year=${e.target.value}`; };
  document.getElementById('pdf').onclick = () => download(`/agencies/${code}/report.pdf?year=${year}`, `ita-agency-${code}-${year}.pdf`);
  const onClick = (id, handler) => { const button = document.getElementById(id); if (button) button.onclick = handler; };
  onClick('csv-indicators', () => downloadCsv(`indicators-${code}-${year}.csv`, ['indicator', 'name', 'score', 'lowest'],
    scores.map((s, i) => [i + 1, names[i + 1] || '', s ?? '', s === lowest ? 'yes' : ''])));
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
      ${field('status', `<select id="m-status">${Object.entries(STATUS).map(([k, v]) => `<option value="${k}" ${k === measure.status ? 'selected' : ''}>${v}</option>`).join('')}</select>`)}
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

// ---------- importing a measures report: preview, then save ----------
async function previewImport(code, file, year) {
  const box = document.getElementById('import-preview');
  if (!file) return;
  const body = await file.arrayBuffer();
  const send = (dryRun) => api(`/agencies/${code}/measure-imports?dryRun=${dryRun}&fileName=${encodeURIComponent(file.name)}`,
    { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body });
  box.innerHTML = '<p class="muted">กำลังอ่านเอกสาร…</p>';
  try {
    const preview = await send(true);
    const report = preview.report;
    const warnings = [...report.warnings, ...report.measures.flatMap((m) => m.warnings.map((w) => `มาตรการที่ ${m.number}: ${w}`))];
    box.innerHTML = `<p id="import-summary">พบมาตรการ <strong>${report.measures.length}</strong> รายการ ของ ${esc(report.agencyNameTh || '')} ปีงบประมาณ ${preview.fiscalYear}</p>
      <div class="scroll"><table id="import-table"><thead><tr><th scope="col">ที่</th><th scope="col">มาตรการ</th><th scope="col">ผู้รับผิดชอบ</th><th scope="col">ระยะเวลา</th><th scope="col">เป้าหมาย</th></tr></thead><tbody>
      ${report.measures.map((m) => `<tr><td>${m.number}</td><td>${esc(m.title)}</td><td>${m.responsibleUnits.map(esc).join('<br>')}</td>
        <td>${esc(m.period.text)}<br><span class="muted">${m.period.start ? `${thaiDate(m.period.start)} – ${thaiDate(m.period.end)}` : 'อ่านวันที่ไม่ได้'}</span></td>
        <td>${m.targets.map((t) => esc(t.startsWith('indicator:') ? `ตัวชี้วัดที่ ${t.slice(10)}` : t.toUpperCase())).join(', ') || '–'}</td></tr>`).join('')}</tbody></table></div>
      ${warnings.length ? `<details><summary>ข้อสังเกต ${warnings.length} รายการ</summary><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></details>` : ''}
      <p><button type="button" id="import-save">บันทึกมาตรการทั้งหมด</button></p>`;
    document.getElementById('import-save').onclick = async () => {
      const stored = (await send(false)).stored;
      await agencyView(code, preview.fiscalYear);
      document.getElementById('editor').innerHTML = `<p class="ok" role="status" id="imported">นำเข้าแล้ว: เพิ่ม ${stored.created} · ปรับปรุง ${stored.updated} · ไม่เปลี่ยนแปลง ${stored.unchanged}</p>`;
    };
  } catch (error) {
    box.innerHTML = error.status === 422 && error.body?.problems
      ? `<div class="error" role="alert">นำเข้าไม่ได้ ไม่มีการบันทึกข้อมูลใด<ul>${error.body.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></div>`
      : failure(error);
  }
}

// ---------- routing ----------
/** Shows the view of the address; after a navigation within the page, the focus moves to the new content. */
async function route(event) {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const year = Number(new URLSearchParams(query || '').get('year')) || null;
  const [, kind, code] = path.split('/');
  const claim = claims();
  view.innerHTML = '<p class="muted" id="loading">กำลังโหลด…</p>';
  try {
    if (kind === 'admin') await adminView();
    else if (kind === 'national') await nationalView(year);
    else if (kind === 'province' && code) await provinceView(code, year);
    else if (kind === 'agency' && code) await agencyView(code, year);
    else if (claim.agency_code) location.hash = `#/agency/${claim.agency_code}`;
    else if (claim.province_code) location.hash = `#/province/${claim.province_code}`;
    else location.hash = '#/national';
  } catch (error) {
    if (error.status !== 401) view.innerHTML = failure(error);
    else document.getElementById('loading')?.remove();
  }
  if (event && !document.getElementById('expired')) view.focus();
}

async function start() {
  config = await (await fetch('/api/v1/dashboard/config')).json();
  const params = new URLSearchParams(location.search);
  if (params.has('code')) {
    try { await completeSignIn(params); } catch { view.innerHTML = failure(new Error('การเข้าสู่ระบบไม่สำเร็จ กรุณาลองใหม่')); return; }
  }
  if (!session()) { await login(); return; }
  if (Date.now() > session().expires - 5000) { try { await refresh(); } catch { await login(); return; } }
  else watchExpiry(session());
  const claim = claims();
  who.textContent = `${claim.preferred_username || ''}${claim.province_code ? ` · จังหวัด ${claim.province_code}` : ''}${claim.agency_code ? ` · หน่วยงาน ${claim.agency_code}` : ''}`;
  const roles = claim.realm_access?.roles || [];
  const links = [];
  if (roles.includes('platform_admin') || roles.includes('provincial_officer')) links.push('<a href="#/national">ภาพรวมประเทศ</a>');
  if (claim.province_code) links.push(`<a href="#/province/${esc(claim.province_code)}">จังหวัดของฉัน</a>`);
  if (roles.includes('platform_admin')) links.push('<a href="#/admin" id="nav-admin">ผู้ดูแลระบบ</a>');
  document.getElementById('nav').innerHTML = links.join('');
  logoutButton.hidden = false;
  logoutButton.onclick = logout;
  document.getElementById('skip').onclick = (event) => { event.preventDefault(); view.focus(); };
  window.addEventListener('hashchange', route);
  await route();
}

start();
