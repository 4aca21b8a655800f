// The API client: bearer calls with one refresh on expiry, downloads, CSV, and the Thai messages of refusals.
import { view } from './state.js';
import { esc } from './text.js';
import { expired, refresh, session } from './session.js';

class ApiError extends Error { constructor(status, body) { super(body?.message || `HTTP ${status}`); this.status = status; this.body = body; } }

export async function api(path, options = {}, retried = false) {
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

export async function download(path, fileName) {
  try {
    const blob = await api(path);
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: fileName });
    document.body.append(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (error) {
    view.insertAdjacentHTML('afterbegin', failure(error));
  }
}

/**
 * One CSV cell, quoted. Text that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return: OWASP's CSV injection rule) gets a leading apostrophe, so an agency's own text (a measure's name) never runs
 * in the officer's spreadsheet; numbers are left as they are.
 */
export function csvCell(value) {
  let text = String(value ?? '');
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function downloadCsv(fileName, header, rows) {
  const csv = '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })), download: fileName });
  document.body.append(link); link.click(); link.remove();
}

/** The API's Thai message for each refused field (422), under its field; a field the form lacks goes under {@code fallback}. */
export function showFieldErrors(errors, prefix, fallback) {
  Object.entries(errors).forEach(([name, message]) => {
    const slot = document.getElementById(`${prefix}${name}`) || document.getElementById(`${prefix}${fallback}`);
    slot.textContent = message;
    slot.classList.add('error');
  });
}

export function failure(error) {
  if (error.status === 401) return ''; // the session-ended notice is already on screen
  if (error.status === 403) return '<p class="error" role="alert" data-error="403">คุณไม่มีสิทธิ์ดูข้อมูลนี้ (เห็นได้เฉพาะหน่วยงานหรือจังหวัดของตนเอง)</p>';
  if (error.status === 404) return '<p class="error" role="alert" data-error="404">ไม่พบข้อมูลที่ต้องการ</p>';
  return `<p class="error" role="alert">เกิดข้อผิดพลาด: ${esc(error.message)}</p>`;
}
