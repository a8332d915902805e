// "If one caregiver left…" in the page, on the demo's first rota (the one shown after connecting): a refused time limit is
// named at its field and nothing is queued; two caregivers left out one at a time, the job followed, and the table shown
// (most harmful first) is the API's view for that job; axe-core finds no serious issue in the section.
// Screenshots go to screenshots/leave-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { api, apiKey, baseUrl, executablePath, screenshots, seriousIssues } from './support.mjs';

const jobTimeout = 180_000; // two 10 s repairs on two cores shared with the service's other work
const leavers = ['cg-003', 'cg-010']; // night-and-infant caregivers: their absence is felt

async function connect(page) {
  await page.goto(baseUrl);
  await page.fill('#api-key', apiKey);
  await page.click('#connect');
  await page.waitForFunction(() => document.querySelector('#rota-grid').dataset.rotaId); // the first rota is shown
}

describe('if one caregiver left… in the page', { concurrency: 1 }, () => {
  let browser;
  let page;
  const scriptErrors = [];

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    await connect(page);
  });

  after(async () => {
    await browser?.close();
  });

  it('names a time limit out of range at its field, and queues nothing', async () => {
    const jobsBefore = (await api('/solve-jobs')).length;
    await page.fill('#leave-time-limit', '0');
    await page.click('#leave-run');
    await page.locator('#leave-time-limit-error').waitFor({ state: 'visible' });
    assert.equal(await page.getAttribute('#leave-time-limit', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#leave-status'), /Not started/);
    assert.equal((await api('/solve-jobs')).length, jobsBefore, 'nothing queued');
  });

  it('leaves two caregivers out of the rota shown and shows the API\'s view of that job, most harmful first', async () => {
    const shownRotaId = await page.getAttribute('#rota-grid', 'data-rota-id');
    await page.fill('#leave-time-limit', '20');
    await page.selectOption('#leave-caregivers', leavers);
    await page.click('#leave-run');
    await page.waitForFunction(() => !document.querySelector('#leave-result').hidden, null, { timeout: jobTimeout });
    assert.equal(await page.getAttribute('#leave-time-limit', 'aria-invalid'), null, 'the corrected field is no longer marked');
    const jobId = await page.getAttribute('#leave-result', 'data-job-id');
    const { job, view } = await api(`/leave-one-out/${jobId}`);
    assert.equal(job.kind, 'leave-one-out');
    assert.equal(job.state, 'succeeded');
    assert.equal(view.rotaId, shownRotaId, 'the rota shown is the one left out of');
    assert.deepEqual(view.caregivers.map((c) => c.caregiverId).sort(), [...leavers].sort());

    const rows = await page.locator('#leave-table tbody tr').evaluateAll((trs) => trs.map((r) => ({ id: r.dataset.caregiverId, cells: [...r.children].map((c) => c.textContent) })));
    assert.deepEqual(rows.map((r) => r.id), view.caregivers.map((c) => c.caregiverId), 'the API\'s order, most harmful first');
    view.caregivers.forEach((c, i) => {
      const [, uncovered, group, children, mean] = rows[i].cells;
      assert.ok(uncovered.startsWith(String(c.uncovered)), `${uncovered} starts with ${c.uncovered}`);
      assert.equal(group, c.groupLosingMost ? `${c.groupLosingMost.name} ${c.groupLosingMost.before.toFixed(1)} → ${c.groupLosingMost.after.toFixed(1)}` : 'none falls');
      for (const child of c.childrenFallingMost) assert.ok(children.includes(`${child.childId}${child.underThree ? ' ▲' : ''} ${child.before.toFixed(1)} → ${child.after.toFixed(1)}`), children);
      assert.equal(mean, `${c.weightedMeanBefore.toFixed(1)} → ${c.weightedMeanAfter.toFixed(1)}`);
    });
    assert.ok((await page.textContent('#leave-before')).startsWith(view.beforeText));
    assert.equal((await api('/rotas')).some((r) => r.id === jobId), false);
    await page.locator('#leave-section').screenshot({ path: join(screenshots, 'leave-1-result.png') });
  });

  it('reports no serious or critical accessibility issue (axe-core) in the section, a refused field shown', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const checked = await context.newPage();
    try {
      await connect(checked);
      await checked.fill('#leave-time-limit', '0');
      await checked.click('#leave-run');
      await checked.locator('#leave-time-limit-error').waitFor({ state: 'visible' });
      assert.deepEqual(await seriousIssues(checked, '#leave-section'), []);
    } finally {
      await context.close();
    }
  });

  it('raises no script error', () => {
    assert.deepEqual(scriptErrors, []);
  });
});
