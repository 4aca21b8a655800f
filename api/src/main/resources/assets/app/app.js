// ITA Oversight dashboard: plain ES modules, no build step. Signs in with Keycloak (authorization code + PKCE with the
// public client), then shows the view of the address from the API: national, province, agency or administration.
// Modules: state (page and settings), text (Thai formatting), session (sign-in), api (client), widgets (charts,
// tables), views/* (one per view).
import { loadConfig, logoutButton, view, who } from './state.js';
import { failure } from './api.js';
import { claims, completeSignIn, hasRole, login, logout, refresh, session, watchExpiry } from './session.js';
import { esc } from './text.js';
import { adminView } from './views/admin.js';
import { agencyView } from './views/agency.js';
import { nationalView } from './views/national.js';
import { provinceView } from './views/province.js';

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
  await loadConfig();
  const params = new URLSearchParams(location.search);
  if (params.has('code')) {
    try { await completeSignIn(params); } catch { view.innerHTML = failure(new Error('การเข้าสู่ระบบไม่สำเร็จ กรุณาลองใหม่')); return; }
  }
  if (!session()) { await login(); return; }
  if (Date.now() > session().expires - 5000) { try { await refresh(); } catch { await login(); return; } }
  else watchExpiry(session());
  const claim = claims();
  who.textContent = `${claim.preferred_username || ''}${claim.province_code ? ` · จังหวัด ${claim.province_code}` : ''}${claim.agency_code ? ` · หน่วยงาน ${claim.agency_code}` : ''}`;
  const links = [];
  if (hasRole('platform_admin', 'provincial_officer')) links.push('<a href="#/national">ภาพรวมประเทศ</a>');
  if (claim.province_code) links.push(`<a href="#/province/${esc(claim.province_code)}">จังหวัดของฉัน</a>`);
  if (hasRole('platform_admin')) links.push('<a href="#/admin" id="nav-admin">ผู้ดูแลระบบ</a>');
  document.getElementById('nav').innerHTML = links.join('');
  logoutButton.hidden = false;
  logoutButton.onclick = logout;
  document.getElementById('skip').onclick = (event) => { event.preventDefault(); view.focus(); };
  window.addEventListener('hashchange', route);
  await route();
}

start();
