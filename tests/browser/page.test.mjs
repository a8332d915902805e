// The web page at / in a real browser (Debian's headless Chromium driven by playwright-core), checked against the API.
// run.sh starts the service and makes two rotas first; BASE_URL, INSTITUTION_ID and API_KEY come from it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { api, apiKey, baseUrl, executablePath, institutionId, screenshots } from './support.mjs';

const timeout = 30_000;

const shiftKey = (s) => `${s.caregiverId}|${s.date}|${s.shiftType}|${s.groups}`;

describe('the web page', { concurrency: 1 }, () => {
  let browser;
  let page;
  let rotas; // the API's rotas in the page's order: horizon, then newest first
  const scriptErrors = [];

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(timeout);
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    rotas = (await api('/rotas')).sort((a, b) => a.horizonStart.localeCompare(b.horizonStart) || b.createdAt.localeCompare(a.createdAt));
  });

  after(async () => {
    await browser?.close();
  });

  it('connects with the institution and key entered once, and keeps them for the next visit', async () => {
    await page.goto(baseUrl);
    assert.equal(await page.inputValue('#institution-id'), institutionId, 'the demo institution is prefilled');
    assert.equal(await page.inputValue('#api-key'), '', 'the key is not prefilled');
    await page.fill('#api-key', apiKey);
    await page.click('#connect');
    await page.locator('#rota-list tbody tr').nth(rotas.length - 1).waitFor();
    assert.equal(await page.locator('#rota-list tbody tr').count(), rotas.length);
    assert.deepEqual(await page.locator('#rota-list tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.rotaId)), rotas.map((r) => r.id));

    await page.reload();
    await page.locator('#rota-list tbody tr').first().waitFor();
    assert.equal(await page.inputValue('#api-key'), apiKey, 'the key is kept in localStorage');
  });

  it("shows the first rota as a grid of caregivers by days, with exactly the API's shifts", async () => {
    const rota = rotas[0];
    await page.locator('#rota-list .select-rota').first().check();
    await page.locator(`#rota-grid[data-rota-id="${rota.id}"] td.cell`).first().waitFor();
    const [caregivers, view] = await Promise.all([api('/caregivers'), api(`/rotas/${rota.id}`)]);

    assert.equal(await page.locator('#rota-grid td.cell').count(), caregivers.length * rota.weeks * 7, 'one cell per caregiver and day');
    const shown = await page.locator('#rota-grid span.shift').evaluateAll((spans) => spans.map((s) => ({ ...s.dataset })));
    const expected = view.shifts.map((s) => shiftKey({ ...s, groups: s.groupIds.join(' ') })).sort();
    assert.equal(shown.length, view.shifts.length);
    assert.deepEqual(shown.map(shiftKey).sort(), expected);
    await page.locator('#rota-section').screenshot({ path: join(screenshots, 'rota-grid.png') });
  });

  it("marks each caregiver's violations on the caregiver's days, hard or soft", async () => {
    const view = await api(`/rotas/${rotas[0].id}/violations`);
    assert.equal(await page.locator('#violation-list li').count(), view.violations.length);
    const days = await page.locator('#rota-grid thead th[data-date]').evaluateAll((ths) => ths.map((th) => th.dataset.date));
    for (const violation of view.violations.filter((v) => v.caregiverId && v.to >= days[0] && v.from <= days.at(-1))) {
      const day = violation.from < days[0] ? days[0] : violation.from; // a violation may start in the history before the horizon
      const cell = page.locator(`#rota-grid td.cell[data-caregiver-id="${violation.caregiverId}"][data-date="${day}"]`);
      const marked = await cell.evaluate((td) => [...td.classList].find((c) => c.startsWith('violation-')));
      assert.ok(marked, `${violation.code} of ${violation.caregiverId} on ${day} is marked`);
      if (violation.severity === 'hard') assert.equal(marked, 'violation-hard');
    }
  });

  it("shows each child's continuity score as the API gives it, worst first", async () => {
    const continuity = await api(`/rotas/${rotas[0].id}/continuity`);
    await page.locator('#children tbody tr').first().waitFor();
    const rows = await page.locator('#children tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      childId: tr.dataset.childId,
      score: Number(tr.querySelector('td.score').dataset.score),
      text: tr.querySelector('td.score').textContent.trim(),
    })));
    assert.equal(rows.length, continuity.children.length);
    const scores = rows.map((r) => r.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => a - b), 'worst first');

    const child = continuity.children[Math.floor(continuity.children.length / 2)];
    const row = rows.find((r) => r.childId === child.childId);
    assert.equal(row.text, child.score.toFixed(1), `${child.childId}'s score as shown`);
    assert.equal(row.score, child.score);
    assert.equal(await page.locator('#institution-summary [data-measure="weightedMean"] dd').textContent(), continuity.institution.weightedMean.toFixed(1));
    assert.equal(await page.locator('#group-charts figure').count(), continuity.groups.length, 'a chart per group');
    await page.locator('#continuity-section').screenshot({ path: join(screenshots, 'continuity.png') });
  });

  it("compares the two ticked rotas side by side with the API's institution means", async () => {
    const boxes = page.locator('#rota-list .compare-rota');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.waitForFunction(() => document.querySelectorAll('#comparison-table thead th[data-rota-id]').length === 2, null, { timeout });
    for (const rota of rotas.slice(0, 2)) {
      const [continuity, violations, view] = await Promise.all([api(`/rotas/${rota.id}/continuity`), api(`/rotas/${rota.id}/violations`), api(`/rotas/${rota.id}`)]);
      const value = (measure) => page.locator(`#comparison-table tr[data-measure="${measure}"] td[data-rota-id="${rota.id}"]`).textContent();
      assert.equal(await value('mean'), continuity.institution.mean.toFixed(1), `mean of ${rota.horizonStart}`);
      assert.equal(await value('min'), continuity.institution.min.toFixed(1));
      assert.equal(await value('hardViolations'), String(violations.hardCount));
      assert.equal(await value('workingHours'), view.shifts.reduce((total, s) => total + s.workingHours, 0).toFixed(1));
    }
    const figures = (await api(`/rotas/comparison?ids=${rotas[0].id},${rotas[1].id}`)).columns.map((c) => c.figures);
    const cell = (measure, rota) => page.locator(`#comparison-table tr[data-measure="${measure}"] td[data-rota-id="${rota.id}"]`).getAttribute('data-value');
    for (const [i, rota] of rotas.slice(0, 2).entries()) {
      assert.equal(Number(await cell('cost', rota)), figures[i].cost, 'cost as the comparison endpoint gives it');
      assert.equal(Number(await cell('shortfallHours', rota)), figures[i].shortfallHours);
    }
    assert.equal(await page.locator('#comparison-chart svg rect').count(), 2 * 6, 'two bars for each of six measures');
    await page.locator('#comparison-section').screenshot({ path: join(screenshots, 'comparison.png') });
    await page.screenshot({ path: join(screenshots, 'page.png'), fullPage: true });
  });

  it('starts a solve, shows its progress every second and cancels it', async () => {
    await page.fill('#solve-start', '2026-12-14');
    await page.fill('#solve-weeks', '1');
    await page.fill('#solve-time-limit', '20');
    await page.click('#start-solve');
    await page.waitForFunction(() => ['queued', 'running'].includes(document.querySelector('#job-progress')?.dataset.state), null, { timeout });
    await page.locator('#cancel-solve:enabled').click();
    await page.waitForFunction(() => document.querySelector('#job-progress')?.dataset.state === 'cancelled', null, { timeout: 60_000 });
    const jobId = await page.locator('#job-list tbody tr').first().getAttribute('data-job-id');
    assert.equal((await api(`/solve-jobs/${jobId}`)).state, 'cancelled');
    await page.locator('#solve-section').screenshot({ path: join(screenshots, 'solve.png') });
  });

  it('makes the hospital-way rota of a horizon as the reference', async () => {
    const before = (await api('/rotas')).length;
    await page.fill('#solve-start', '2026-11-30');
    await page.fill('#solve-weeks', '1');
    await page.click('#hospital-way');
    await page.waitForFunction((count) => document.querySelectorAll('#rota-list .compare-rota').length === count, before + 1, { timeout });
    const made = (await api('/rotas')).filter((r) => r.madeBy === 'hospital-way');
    assert.equal(made.length, 1);
    assert.equal(made[0].horizonStart, '2026-11-30');
  });

  it("lists the workshop's scenarios and solves one as a job", async () => {
    await page.waitForFunction(() => document.querySelectorAll('#scenario-list li').length === 4, null, { timeout });
    const jobsBefore = (await api('/solve-jobs')).length;
    await page.fill('#solve-start', '2026-12-14');
    await page.fill('#solve-weeks', '1');
    await page.fill('#solve-time-limit', '20');
    await page.locator('#scenario-list li[data-scenario-id="one-more-caregiver"] .solve-scenario').click();
    await page.waitForFunction(() => ['queued', 'running'].includes(document.querySelector('#job-progress')?.dataset.state), null, { timeout });
    const jobs = await api('/solve-jobs');
    assert.equal(jobs.length, jobsBefore + 1, 'one job more');
    await page.locator('#cancel-solve:enabled').click();
    await page.waitForFunction(() => document.querySelector('#job-progress')?.dataset.state === 'cancelled', null, { timeout: 60_000 });
  });

  it('marks an infeasible job with a sign and words, not by colour alone', async () => {
    // The API's own answer for such a job is tested in the API tests; here the page's rendering of it.
    const job = {
      id: '00000000-0000-4000-8000-000000000001', kind: 'solve', state: 'infeasible', createdAt: '2026-12-01T06:00:00Z',
      startedAt: '2026-12-01T06:00:01Z', finishedAt: '2026-12-01T06:00:11Z', attempts: 1, cancelRequested: false,
      progress: { elapsedSeconds: 10, incumbent: 2900, bound: null, gap: null },
      result: { status: 'infeasible', objective: 2900, bound: null, gap: null, firstSolutionSeconds: 0.2, seconds: 10, hardViolations: 2, uncoveredMinimum: null,
        diagnosis: ['No rota keeps every labour rule: this is the one that breaks least (proven). It breaks:', 'contract-hours: Anna A. works 32 h against a target of 37 h (at least 37 h).'] },
      rotaId: null, error: null,
    };
    await page.route(`**/api/v1/institutions/${institutionId}/solve-jobs`, (route) => route.fulfill({ json: [job] }));
    try {
      await page.click('#connect');
      const row = page.locator(`#job-list tbody tr[data-job-id="${job.id}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-state'), 'infeasible');
      assert.match(await row.locator('td').nth(1).innerText(), /⚠ infeasible/);
    } finally {
      await page.unroute(`**/api/v1/institutions/${institutionId}/solve-jobs`);
      await page.click('#connect');
    }
  });

  it('raises no script error', () => {
    assert.deepEqual(scriptErrors, []);
  });
});
