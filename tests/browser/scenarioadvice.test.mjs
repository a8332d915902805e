// Staffing advice of a scenario in the page: the advice form offers the demo's scenarios (the institution's own data by
// default); advice run on one of them is what the comparison then shows under that scenario's rota — what it would take,
// its status, uncovered person-shifts and lowest child after, as GET …/rotas/comparison gives them — and "–" under the
// hospital way, whose home has no advice for that week; a scenario's own errors stay off the form's fields; axe-core finds
// no serious issue. Its week is one no other browser test solves. Screenshots go to screenshots/scenario-advice-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { api, apiKey, baseUrl, call, executablePath, screenshots, seriousIssues } from './support.mjs';

const jobTimeout = 180_000; // a 10 s solve or advice on two cores shared with the service's other work
const week = '2026-12-21'; // after the weeks the other browser tests solve
const scenarioId = 'long-days';

/** POSTs to the institution's API and returns the JSON answer, failing on anything but the status expected. */
async function post(path, body, status) {
  const response = await call(path, { method: 'POST', body: JSON.stringify(body) });
  const text = await response.text();
  assert.equal(response.status, status, `POST ${path}: ${text}`);
  return JSON.parse(text);
}

/** Polls a job until it has ended: the condition, with a deadline. */
async function ended(jobPath) {
  const deadline = Date.now() + jobTimeout;
  while (Date.now() < deadline) {
    const job = await api(jobPath);
    if (['succeeded', 'infeasible', 'failed', 'cancelled'].includes(job.state)) return job;
    await sleep(500);
  }
  assert.fail(`${jobPath} did not end within ${jobTimeout / 1000} s`);
}

describe('scenario advice in the page and the comparison', { concurrency: 1 }, () => {
  let browser;
  let page;
  let hospital; // the hospital-way rota of the week: the home's own data
  let scenarioRota; // the scenario's rota of the week
  const scriptErrors = [];
  const cell = (measure, rotaId) => page.locator(`#comparison-table tr[data-measure="${measure}"] td[data-rota-id="${rotaId}"]`);

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    hospital = (await post('/rotas/hospital-way', { horizon: { start: week, weeks: 1 } }, 201)).id;
    const solve = await post(`/scenarios/${scenarioId}/solve-jobs`, { horizon: { start: week, weeks: 1 }, timeLimitSeconds: 10 }, 202);
    scenarioRota = (await ended(`/solve-jobs/${solve.id}`)).rotaId;
    assert.ok(scenarioRota, 'the scenario solve gave a rota');
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    // axe-core is evaluated into the page, which the page's Content-Security-Policy would refuse.
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true })).newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.goto(baseUrl);
    await page.fill('#api-key', apiKey);
    await page.click('#connect');
    await page.locator(`#rota-list tr[data-rota-id="${scenarioRota}"]`).waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  it("offers the API's scenarios to the advice form, the institution's own data chosen", async () => {
    const scenarios = await api('/scenarios');
    await page.locator(`#advice-scenario option[value="${scenarioId}"]`).waitFor({ state: 'attached' });
    const options = await page.locator('#advice-scenario option').evaluateAll((list) => list.map((o) => o.value));
    assert.deepEqual(options, ['', ...scenarios.map((s) => s.id)]);
    assert.equal(await page.inputValue('#advice-scenario'), '');
  });

  it('shows no advice rows while no compared rota has advice', async () => {
    await page.check(`#rota-list tr[data-rota-id="${hospital}"] .compare-rota`);
    await page.check(`#rota-list tr[data-rota-id="${scenarioRota}"] .compare-rota`);
    await page.waitForFunction(() => document.querySelectorAll('#comparison-table thead th[data-rota-id]').length === 2);
    const comparison = await api(`/rotas/comparison?ids=${hospital},${scenarioRota}`);
    assert.deepEqual(comparison.columns.map((c) => c.advice), [null, null]);
    assert.equal(await page.locator('#comparison-table tr[data-measure^="advice"]').count(), 0);
  });

  it("runs advice on the scenario from the page, and the comparison shows it under the scenario's rota and '–' under the hospital way", async () => {
    const row = page.locator('#advice-candidates .candidate').first();
    const field = async (name) => `#advice-c${await row.getAttribute('data-row')}-${name}`;
    await page.selectOption('#advice-scenario', scenarioId);
    await page.fill('#advice-start', week);
    await page.fill('#advice-weeks', '1');
    await page.fill('#advice-time-limit', '10');
    await page.fill(await field('hours'), '30');
    await page.fill(await field('skills'), 'infant, night');
    await page.fill(await field('max'), '2');
    await page.click('#advice-run');
    await page.waitForFunction(() => !document.querySelector('#advice-result').hidden, null, { timeout: jobTimeout });
    const jobId = await page.getAttribute('#advice-result', 'data-job-id');
    const { job, advice } = await api(`/advice/${jobId}`);
    assert.ok(['succeeded', 'infeasible'].includes(job.state), `the advice ended: ${job.state}`);

    // The comparison redraws when the advice ends: its rows are the API's, for this job, under the scenario's rota only.
    await page.locator('#comparison-table tr[data-measure="adviceTake"]').waitFor();
    const columns = (await api(`/rotas/comparison?ids=${hospital},${scenarioRota}`)).columns;
    assert.equal(columns[0].advice, null, 'no advice of the home itself for that week');
    const shown = columns[1].advice;
    assert.equal(shown.jobId, jobId, 'the scenario column carries the advice just run on that scenario');
    assert.equal(shown.status, advice.status);
    assert.equal(shown.lowestChildAfter, advice.continuityAfter.min);
    assert.equal(await cell('adviceTake', scenarioRota).textContent(), shown.whatItWouldTake);
    assert.equal(await cell('adviceStatus', scenarioRota).textContent(), shown.status);
    assert.equal(await cell('adviceStatus', scenarioRota).getAttribute('title'), shown.statusText);
    assert.equal(await cell('adviceUncovered', scenarioRota).textContent(), String(shown.uncoveredAfter));
    assert.equal(await cell('adviceLowest', scenarioRota).textContent(), shown.lowestChildAfter.toFixed(1));
    for (const measure of ['adviceTake', 'adviceStatus', 'adviceUncovered', 'adviceLowest']) {
      assert.equal(await cell(measure, hospital).textContent(), '–', `${measure} of the hospital way`);
    }
    await page.locator('#comparison-section').screenshot({ path: join(screenshots, 'scenario-advice-comparison.png') });
  });

  it("puts a scenario's own errors (they carry a resource) in the form's error line, under none of the form's fields", async () => {
    // The service's 409 names paths in the scenario's changed document; this one shares a path with the form's start field.
    const reason = 'Not a Monday in the scenario.';
    const conflict = { type: 'about:blank', title: 'Conflict', status: 409, detail: `Scenario '${scenarioId}' does not fit the institution's data now; each error is listed.`,
      errors: [{ path: '$.horizon.start', reason, resource: `scenarios/${scenarioId}` }] };
    await page.route('**/scenarios/*/advice', (route) => route.fulfill({ status: 409, contentType: 'application/problem+json', body: JSON.stringify(conflict) }));
    try {
      await page.selectOption('#advice-scenario', scenarioId);
      await page.click('#advice-run');
      await page.locator('#advice-form-error').waitFor();
      const line = await page.textContent('#advice-form-error');
      assert.ok(line.includes(`scenarios/${scenarioId} $.horizon.start: ${reason}`), line);
      assert.equal(await page.isHidden('#advice-start-error'), true, "the start field's error line stays hidden");
      assert.equal(await page.getAttribute('#advice-start', 'aria-invalid'), null);
    } finally {
      await page.unroute('**/scenarios/*/advice');
    }
  });

  it('reports no serious or critical accessibility issue (axe-core) in the advice form or the comparison', async () => {
    assert.deepEqual(await seriousIssues(page, '#advice-section'), []);
    assert.deepEqual(await seriousIssues(page, '#comparison-section'), []);
  });

  it('raises no script error', () => {
    assert.deepEqual(scriptErrors, []);
  });
});
