// "What would it take?" in the page, on the demo with its night-and-infant caregivers off sick for a week: a refused
// candidate field is named at the field and nothing is queued; a night candidate filled in, the advice run and followed,
// and the status, hires and figures shown are the API's for that job; axe-core finds no serious issue in the section.
// Its week is one no other browser test solves. Screenshots go to screenshots/advice-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { api, apiKey, baseUrl, call, executablePath, screenshots, seriousIssues } from './support.mjs';

const jobTimeout = 180_000; // a 20 s advice on two cores shared with the service's other work
const week = '2026-12-14'; // after the weeks prepare.mjs and week.test.mjs solve

// The four caregivers with both "night" and "infant" are off sick that week: the sunflower-bluebell nights need hires.
const nightInfant = ['cg-003', 'cg-010', 'cg-015', 'cg-016'];
const absence = (caregiverId) => ({ id: `advice-test-${caregiverId}`, caregiverId, kind: 'sickness', from: week, to: '2026-12-20' });

describe('what would it take? in the page', { concurrency: 1 }, () => {
  let browser;
  let page;
  const scriptErrors = [];
  const shot = (name) => page.screenshot({ path: join(screenshots, `advice-${name}.png`), fullPage: true });
  const row = () => page.locator('#advice-candidates .candidate').first();
  const fieldId = async (field) => `#advice-c${await row().getAttribute('data-row')}-${field}`;

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    for (const caregiverId of nightInfant) {
      const response = await call(`/absences/${absence(caregiverId).id}`, { method: 'PUT', body: JSON.stringify(absence(caregiverId)) });
      assert.ok(response.ok, `absence of ${caregiverId}: ${response.status}`);
    }
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await page.goto(baseUrl);
    await page.fill('#api-key', apiKey);
    await page.click('#connect');
    await row().waitFor();
    await page.fill('#advice-start', week);
    await page.fill('#advice-weeks', '1');
    await page.fill('#advice-time-limit', '20');
  });

  after(async () => {
    await browser?.close();
    for (const caregiverId of nightInfant) await call(`/absences/${absence(caregiverId).id}`, { method: 'DELETE' });
  });

  it('names a skill the home does not know at the candidate\'s skills field, and queues nothing', async () => {
    const jobsBefore = (await api('/solve-jobs')).length;
    await page.fill(await fieldId('hours'), '37');
    await page.fill(await fieldId('skills'), 'infant, juggling');
    await page.click('#advice-run');
    const error = page.locator(`${await fieldId('skills')}-error`);
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), /juggling/);
    assert.equal(await page.getAttribute(await fieldId('skills'), 'aria-invalid'), 'true');
    assert.equal((await api('/solve-jobs')).length, jobsBefore, 'nothing queued');
    await shot('1-refused');
  });

  it('runs the advice for a candidate and shows the status, hires and figures the API gives for that job', async () => {
    await page.fill(await fieldId('hours'), '30');
    await page.fill(await fieldId('skills'), 'infant, night');
    await page.fill(await fieldId('max'), '3');
    await page.click('#advice-run');
    await page.waitForFunction(() => !document.querySelector('#advice-result').hidden, null, { timeout: jobTimeout });
    assert.equal(await page.getAttribute(await fieldId('skills'), 'aria-invalid'), null, 'the corrected field is no longer marked');
    const jobId = await page.getAttribute('#advice-result', 'data-job-id');
    const { job, advice } = await api(`/advice/${jobId}`);
    assert.equal(job.kind, 'advice');
    assert.ok(advice, 'the job ended with its advice');

    // A proven or unreachable answer says when it was proven, in the API's figures.
    assert.equal(advice.provenSeconds != null, ['proven', 'unreachable'].includes(advice.status), `${advice.status}: provenSeconds ${advice.provenSeconds}`);
    const proven = advice.provenSeconds == null ? '' : `Proven after ${advice.provenSeconds.toFixed(1)} s of ${advice.seconds.toFixed(1)} s.`;
    assert.equal(await page.textContent('#advice-status-text'), [advice.headline, advice.statusText, proven].filter(Boolean).join(' '));
    assert.match(await page.textContent('#advice-status'), new RegExp(`${job.state} \\(${advice.status}\\)`));
    assert.ok(advice.hires.length > 0, `the nights need a hire: ${advice.status} ${advice.statusText}`);
    const hires = await page.locator('#advice-hires li').allTextContents();
    assert.equal(hires.length, advice.hires.length);
    advice.hires.forEach((hire, i) => assert.ok(hires[i].startsWith(hire.text) && hires[i].includes(hire.caregiverIds.join(', ')), `${hires[i]} is ${hire.text}`));
    const figures = await page.locator('#advice-figures tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    const expected = [
      ['Uncovered person-shifts', String(advice.uncoveredBefore ?? advice.uncoveredBeforeFound), String(advice.uncoveredAfter)],
      ['Institution mean', advice.continuityBefore.mean.toFixed(1), advice.continuityAfter.mean.toFixed(1)],
      ['Lowest child', advice.continuityBefore.min.toFixed(1), advice.continuityAfter.min.toFixed(1)],
      ["Under-threes' mean", advice.continuityBefore.underThreeMean.toFixed(1), advice.continuityAfter.underThreeMean.toFixed(1)],
      ['Distinct caregivers per child per week', advice.continuityBefore.distinctPerWeek.toFixed(1), advice.continuityAfter.distinctPerWeek.toFixed(1)],
      ['Most distinct caregivers per week of one child', advice.mostDistinctPerWeekBefore.toFixed(1), advice.mostDistinctPerWeekAfter.toFixed(1)],
    ];
    assert.deepEqual(figures, expected);
    assert.deepEqual(await page.locator('#advice-diagnosis li').allTextContents(), advice.diagnosis);
    await page.locator('#advice-section').screenshot({ path: join(screenshots, 'advice-2-result.png') });
  });

  it('reports no serious or critical accessibility issue (axe-core) in the section, a refused field shown', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const checked = await context.newPage();
    try {
      await checked.goto(baseUrl);
      await checked.fill('#api-key', apiKey);
      await checked.click('#connect');
      const first = checked.locator('#advice-candidates .candidate').first();
      await first.waitFor();
      const skills = `#advice-c${await first.getAttribute('data-row')}-skills`;
      await checked.fill(skills, 'juggling');
      await checked.click('#advice-run');
      await checked.locator(`${skills}-error`).waitFor({ state: 'visible' });
      assert.deepEqual(await seriousIssues(checked, '#advice-section'), []);
    } finally {
      await context.close();
    }
  });

  it('raises no script error', () => {
    assert.deepEqual(scriptErrors, []);
  });
});
