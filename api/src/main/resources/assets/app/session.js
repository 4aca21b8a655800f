// Signing in with Keycloak: authorization code + PKCE with the public client; the tokens live in this tab's session
// storage and the access token is refreshed only when a call needs it.
import { config, redirectUri, view } from './state.js';

let expiryTimer;

const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));

export async function login() {
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
  const current = { access: tokens.access_token, refresh: tokens.refresh_token, id: tokens.id_token,
    expires: Date.now() + tokens.expires_in * 1000,
    refreshExpires: tokens.refresh_expires_in ? Date.now() + tokens.refresh_expires_in * 1000 : null };
  sessionStorage.setItem('session', JSON.stringify(current));
  watchExpiry(current);
  return current;
}

export function watchExpiry(current) {
  clearTimeout(expiryTimer);
  if (current.refreshExpires) expiryTimer = setTimeout(expired, Math.max(0, current.refreshExpires - Date.now()));
}

export async function completeSignIn(params) {
  const pkce = JSON.parse(sessionStorage.getItem('pkce') || '{}');
  sessionStorage.removeItem('pkce');
  if (!pkce.state || params.get('state') !== pkce.state) throw new Error('state');
  await tokenRequest({ grant_type: 'authorization_code', client_id: config.clientId, code: params.get('code'),
    redirect_uri: redirectUri, code_verifier: pkce.verifier });
  history.replaceState(null, '', `/app/${pkce.returnTo || ''}`);
}

export function session() { return JSON.parse(sessionStorage.getItem('session') || 'null'); }

export async function refresh() {
  const current = session();
  if (!current?.refresh) throw new Error('no session');
  return tokenRequest({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: current.refresh });
}

/** The session has ended (idle timeout, signed out elsewhere, revoked): say so above what is on screen, offer to sign in again. */
export function expired() {
  clearTimeout(expiryTimer);
  sessionStorage.removeItem('session');
  if (document.getElementById('expired')) return;
  view.insertAdjacentHTML('afterbegin', `<div class="error" role="alert" id="expired">หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง
    (ข้อมูลที่ยังไม่ได้บันทึกจะไม่ถูกบันทึก) <button id="again" type="button">เข้าสู่ระบบอีกครั้ง</button></div>`);
  document.getElementById('again').onclick = login;
  document.getElementById('again').focus();
}

export function logout() {
  const current = session();
  sessionStorage.clear();
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri });
  if (current?.id) params.set('id_token_hint', current.id);
  location.assign(`${config.issuer}/protocol/openid-connect/logout?${params}`);
}

/** The access token's claims (roles, agency_code, province_code, preferred_username). */
export function claims() {
  const token = session()?.access;
  return token ? JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) : {};
}

/** Whether the signed-in user has one of the realm roles. */
export const hasRole = (...roles) => (claims().realm_access?.roles || []).some((role) => roles.includes(role));
