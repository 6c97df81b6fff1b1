// The sidebar client. Runs in the browser inside HtmlService's iframe.
const app = document.getElementById('app');
if (app) app.querySelector('.secondary')!.textContent = 'The cohort report is on its way.';
