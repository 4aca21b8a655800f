// How the dashboard writes numbers, dates and codes in Thai. Month names and the current fiscal year come from the
// API (the server's Thai locale kit); nothing here computes a rule.
import { config } from './state.js';

export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
export const score = (value) => (value === null || value === undefined ? '–' : Number(value).toLocaleString('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
/** A share as a percentage: up to one decimal ("50%"), or always one in a table column so that rates line up ("50.0%"). */
export const percent = (share, { column = false } = {}) => (share === null || share === undefined ? '–'
  : `${(Number(share) * 100).toLocaleString('th-TH', { minimumFractionDigits: column ? 1 : 0, maximumFractionDigits: 1 })}%`);
export const percentColumn = (share) => percent(share, { column: true });
export const change = (value) => (value === null || value === undefined ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${score(Math.abs(value))}`);
/** The Buddhist-era year of a Common-Era one. */
const buddhistYear = (year) => year + 543;
/** "ต.ค. 2568" from "2025-10" or "2025-10-01". */
export const thaiMonth = (iso) => { const [y, m] = iso.split('-').map(Number); return `${config.thai.monthsShort[m - 1]} ${buddhistYear(y)}`; };
/** "1 ต.ค. 2568" from "2025-10-01". */
export const thaiDate = (iso) => (iso ? `${Number(iso.split('-')[2])} ${thaiMonth(iso)}` : '–');
/** "22 พ.ย. 2569 14:30 น." from an instant, in the browser's time zone. */
export const dateTime = (iso) => { if (!iso) return '–'; const d = new Date(iso);
  return `${d.getDate()} ${config.thai.monthsShort[d.getMonth()]} ${buddhistYear(d.getFullYear())} ${d.toTimeString().slice(0, 5)} น.`; };

/** The Thai name of an agency type, by code (from the API). */
export const typeName = (code) => config.thai.agencyTypes[code] || code;
/** The Thai label of a measure status, by code (from the API). */
export const statusName = (code) => config.thai.measureStatus[code] || code;
