// What every module of the dashboard shares: the page's fixed elements and the API's dashboard settings.

export const view = document.getElementById('view');
export const who = document.getElementById('who');
export const logoutButton = document.getElementById('logout');
export const redirectUri = `${location.origin}/app/`;

/**
 * GET /api/v1/dashboard/config, filled once at start: issuer, clientId, years, passMark, indicatorNames and the Thai
 * labels (thai.months, thai.monthsShort, thai.currentFiscalYear) from the server's one Thai locale kit, and
 * demoRegistry (the registry was generated: real places, assigned agency types).
 */
export const config = {};

export async function loadConfig() {
  Object.assign(config, await (await fetch('/api/v1/dashboard/config')).json());
}
