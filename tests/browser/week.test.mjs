// A manager's week in the page, on the demo, each step checked against the API: add a caregiver and a leave, pin two days,
// solve, see the pins kept, publish, report a sickness, see the changed days, publish the repair, see how many adults the
// children met over time, print the wall rota and a caregiver's month, take the payroll CSV and a calendar feed; then an
// accessibility check and the page at laptop and tablet widths. Runs after page.test.mjs (run.sh), on the one-week rotas
// prepare.mjs made. Screenshots go to screenshots/week-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { api, apiKey, baseUrl, call, executablePath, screenshots, seriousIssues } from './support.mjs';

const timeout = 30_000;
const jobTimeout = 180_000; // a 20 s solve or repair on two cores shared with the service's other work
const week = '2026-12-07'; // the second of prepare.mjs's rotas: re-solved with pins, published, repaired

const cellKey = (s) => `${s.caregiverId}|${s.date}`;

/** Items by a key of each (Map.groupBy, which this Node may not have). */
function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
const signature = (shifts) => shifts.map((s) => `${s.demandId}|${s.shiftType}`).sort().join();

/** "caregiver|date" of every caregiver-day whose shifts differ between two rotas, computed here from the API's shifts. */
function changedCells(before, after) {
  const cells = (shifts) => groupBy(shifts, cellKey);
  const old = cells(before);
  const now = cells(after);
  return [...new Set([...old.keys(), ...now.keys()])].filter((key) => signature(old.get(key) ?? []) !== signature(now.get(key) ?? [])).sort();
}

/** The number of pages of a PDF the browser printed (its page objects, not the page tree). */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describe("a manager's week in the page", { concurrency: 1 }, () => {
  let browser;
  let page;
  let pinnedRota; // the rota solved with the pins, then published
  let repairedRota; // the repair of it, then published
  let sick; // { caregiverId, from, to }
  const scriptErrors = [];

  const shot = (name) => page.screenshot({ path: join(screenshots, `week-${name}.png`), fullPage: true });
  const newestJob = () => page.locator('#job-list tbody tr').first().getAttribute('data-job-id').catch(() => null);
  /** Waits for a job newer than the one given to be listed, then for the page to show it finished; its id. */
  async function finishedJobAfter(previous) {
    await page.waitForFunction((id) => { const first = document.querySelector('#job-list tbody tr'); return first && first.dataset.jobId !== id; }, previous);
    const jobId = await newestJob();
    await page.waitForFunction((id) => { const progress = document.querySelector('#job-progress');
      return progress?.dataset.jobId === id && ['succeeded', 'infeasible', 'failed', 'cancelled'].includes(progress.dataset.state); }, jobId, { timeout: jobTimeout });
    return jobId;
  }

  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page.setDefaultTimeout(timeout);
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    page.on('dialog', (dialog) => dialog.accept()); // the page's "are you sure?" questions
    await page.goto(baseUrl);
    await page.fill('#api-key', apiKey);
    await page.click('#connect');
    await page.locator('#master-data-table tbody tr').first().waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  it('adds a caregiver: a value the service refuses is named next to its field and nothing is stored, then the corrected one is', async () => {
    await page.click('#master-data-kinds button[data-kind="caregivers"]');
    await page.click('#master-data-add');
    await page.fill('#md-id', 'cg 900');
    await page.fill('#md-name', 'Nina New');
    await page.fill('#md-contract-hoursPerWeek', '20');
    await page.selectOption('#md-contract-employmentType', 'relief');
    await page.fill('#md-skills', 'infant');
    await page.check('#master-data-form input[name="allowedGroups"][value="sunflower"]');
    await page.click('#master-data-save');
    const error = page.locator('#md-id-error');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), /is not an id/);
    assert.equal(await page.getAttribute('#md-id', 'aria-invalid'), 'true');
    assert.ok(!(await api('/caregivers')).some((c) => c.name === 'Nina New'), 'nothing stored');
    await shot('1-caregiver-refused');

    await page.fill('#md-id', 'cg-900');
    await page.click('#master-data-save');
    await page.locator('#master-data-table tr[data-key="cg-900"]').waitFor();
    const stored = await api('/caregivers/cg-900');
    assert.deepEqual(stored, { id: 'cg-900', name: 'Nina New', contract: { hoursPerWeek: 20, employmentType: 'relief' }, skills: ['infant'], allowedGroups: ['sunflower'] });

    // Adding another with her id replaces nobody: the page creates only.
    await page.click('#master-data-add');
    await page.fill('#md-id', 'cg-900');
    await page.fill('#md-name', 'Someone Else');
    await page.fill('#md-contract-hoursPerWeek', '10');
    await page.click('#master-data-save');
    await page.locator('#master-data-form-error').waitFor({ state: 'visible' });
    assert.match(await page.locator('#master-data-form-error').textContent(), /exists already/);
    assert.deepEqual(await api('/caregivers/cg-900'), stored, 'she is unchanged');
    await page.click('#master-data-cancel');
  });

  it('adds a leave for her, after the service names a reversed period at its end date', async () => {
    await page.click('#master-data-kinds button[data-kind="absences"]');
    await page.click('#master-data-add');
    await page.selectOption('#md-caregiverId', 'cg-900');
    await page.selectOption('#md-kind', 'leave');
    await page.fill('#md-from', '2026-12-10');
    await page.fill('#md-to', '2026-12-09');
    await page.click('#master-data-save');
    await page.locator('#md-to-error').waitFor({ state: 'visible' });
    assert.match(await page.locator('#md-to-error').textContent(), /before it starts/);
    assert.ok(!(await api('/absences')).some((a) => a.caregiverId === 'cg-900'), 'nothing stored');

    await page.fill('#md-to', '2026-12-11');
    await page.click('#master-data-save');
    await page.locator('#master-data-table tr[data-key="cg-900-leave-2026-12-10"]').waitFor();
    assert.deepEqual(await api('/absences/cg-900-leave-2026-12-10'), { id: 'cg-900-leave-2026-12-10', caregiverId: 'cg-900', kind: 'leave', from: '2026-12-10', to: '2026-12-11' });
    await shot('2-leave');
  });

  it("refuses a stale edit with a clear message, keeps the other person's change, and takes the manager's after Reload", async () => {
    await page.click('#master-data-kinds button[data-kind="caregivers"]');
    await page.locator('#master-data-table tr[data-key="cg-900"] button.edit').click();
    await page.locator('#md-name').waitFor();
    // Someone else (the HR system) renames her meanwhile, with the ETag they read.
    const read = await call('/caregivers/cg-900');
    const theirs = { ...(await read.json()), name: 'Nina Renamed' };
    const put = await call('/caregivers/cg-900', { method: 'PUT', body: JSON.stringify(theirs), headers: { 'Content-Type': 'application/json', 'If-Match': read.headers.get('etag') } });
    assert.equal(put.status, 200);

    await page.fill('#md-contract-hoursPerWeek', '24');
    await page.click('#master-data-save');
    await page.locator('#master-data-form-error').waitFor({ state: 'visible' });
    assert.match(await page.locator('#master-data-form-error').textContent(), /412.*not saved/);
    assert.deepEqual((await api('/caregivers/cg-900')).contract.hoursPerWeek, 20, 'the stale edit was not stored');
    assert.equal((await api('/caregivers/cg-900')).name, 'Nina Renamed', "and theirs was kept");
    await shot('3-stale-edit');

    await page.click('#master-data-reload');
    await page.waitForFunction(() => document.querySelector('#md-name')?.value === 'Nina Renamed');
    await page.fill('#md-contract-hoursPerWeek', '24');
    await page.click('#master-data-save');
    await page.locator('#master-data-editor #master-data-add').waitFor();
    const now = await api('/caregivers/cg-900');
    assert.equal(now.contract.hoursPerWeek, 24);
    assert.equal(now.name, 'Nina Renamed');
  });

  it('pins two days from the grid, one by mouse and one by keyboard, solves, and the new rota keeps both', async () => {
    const base = (await api('/rotas')).filter((r) => r.horizonStart === week && r.madeBy === 'solver').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    const shifts = (await api(`/rotas/${base.id}`)).shifts;
    // A caregiver working on Wednesday is to be free that day (the solver must change it); another keeps Thursday's post.
    const free = shifts.find((s) => s.date === '2026-12-09');
    const kept = shifts.find((s) => s.date === '2026-12-10' && s.caregiverId !== free.caregiverId);
    await page.locator(`#rota-list tr[data-rota-id="${base.id}"] .select-rota`).check();
    await page.locator(`#rota-grid[data-rota-id="${base.id}"]`).waitFor();

    await page.locator(`#rota-grid td[data-caregiver-id="${free.caregiverId}"][data-date="${free.date}"] .cell-button`).click();
    await page.locator('#pin-dialog[open]').waitFor();
    await page.check('input[name="pin-kind"][value="forbid"]');
    await page.click('#pin-save');

    await page.locator(`#rota-grid td[data-caregiver-id="${kept.caregiverId}"][data-date="${kept.date}"] .cell-button`).focus();
    await page.keyboard.press('Enter');
    await page.locator('#pin-dialog[open]').waitFor();
    assert.equal(await page.inputValue('#pin-demand'), kept.demandId, 'the post worked now is offered first');
    await page.check('input[name="pin-kind"][value="require"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#pin-list li').length === 2);
    await shot('4-pins');

    await page.fill('#solve-start', week);
    await page.fill('#solve-weeks', '1');
    await page.fill('#solve-time-limit', '20');
    const previous = await newestJob();
    await page.click('#start-solve');
    const job = await api(`/solve-jobs/${await finishedJobAfter(previous)}`);
    assert.equal(job.state, 'succeeded', 'the solve gave a rota keeping every hard rule');
    await page.locator(`#rota-grid[data-rota-id="${job.rotaId}"]`).waitFor();
    pinnedRota = await api(`/rotas/${job.rotaId}`);

    // The API's word: the solve was given exactly these pins, and its rota keeps them (no pins violation; the shifts themselves).
    const problem = await api(`/rotas/${job.rotaId}/problem`);
    assert.deepEqual(problem.pins.map((p) => `${p.kind}|${p.caregiverId}|${p.date}|${p.demandId ?? ''}`).sort(),
      [`forbid|${free.caregiverId}|${free.date}|`, `require|${kept.caregiverId}|${kept.date}|${kept.demandId}`].sort());
    assert.ok(!pinnedRota.shifts.some((s) => s.caregiverId === free.caregiverId && s.date === free.date), 'the forbidden day is free');
    assert.ok(pinnedRota.shifts.some((s) => s.caregiverId === kept.caregiverId && s.date === kept.date && s.demandId === kept.demandId), 'the required post is kept');
    assert.ok(!(await api(`/rotas/${job.rotaId}/violations`)).violations.some((v) => v.code === 'pins'));
    // And the page marks both pinned days of the new rota.
    assert.equal(await page.locator(`#rota-grid td[data-caregiver-id="${free.caregiverId}"][data-date="${free.date}"]`).getAttribute('data-pin'), 'forbid');
    assert.equal(await page.locator(`#rota-grid td[data-caregiver-id="${kept.caregiverId}"][data-date="${kept.date}"]`).getAttribute('data-pin'), 'require');
    await shot('5-solved-with-pins');
  });

  it('publishes the new rota after a summary with the API\'s figures', async () => {
    const violations = await api(`/rotas/${pinnedRota.rota.id}/violations`);
    await page.click('#publish-rota');
    await page.locator('#publish-dialog[open]').waitFor();
    assert.equal(await page.locator('#publish-summary [data-measure="hard"] dd').textContent(), String(violations.hardCount));
    assert.equal(await page.locator('#publish-summary [data-measure="uncovered"] dd').textContent(), String(violations.violations.filter((v) => v.code === 'coverage' && v.severity === 'hard').length));
    // Hours against contract: each caregiver listed with the hours the API's shifts add up to.
    // The rows are the caregivers whose hours differ from contract × weeks (relief and agency: only above it), counted here from the API.
    const caregivers = await api('/caregivers');
    const differing = caregivers.filter((c) => {
      const worked = pinnedRota.shifts.filter((s) => s.caregiverId === c.id).reduce((total, s) => total + s.workingHours, 0);
      const difference = worked - c.contract.hoursPerWeek * pinnedRota.rota.weeks;
      return ['relief', 'agency'].includes(c.contract.employmentType) ? difference >= 0.05 : Math.abs(difference) >= 0.05;
    });
    assert.equal(await page.locator('#publish-hours tbody tr').count(), differing.length);
    const flagged = new Set(violations.violations.filter((v) => v.code === 'contract-hours' && v.severity === 'hard').map((v) => v.caregiverId));
    assert.equal(await page.locator('#publish-hours tbody tr', { hasText: 'contract-hours' }).count(), differing.filter((c) => flagged.has(c.id)).length, 'outside tolerance as the validator says');
    for (const row of await page.locator('#publish-hours tbody tr').all()) {
      const caregiverId = await row.getAttribute('data-caregiver-id');
      const worked = pinnedRota.shifts.filter((s) => s.caregiverId === caregiverId).reduce((total, s) => total + s.workingHours, 0);
      assert.equal(await row.locator('td').first().textContent(), worked.toFixed(1), `${caregiverId}'s worked hours`);
    }
    assert.equal(await page.locator('#publish-confirm-label').isVisible(), violations.hardCount > 0, 'a confirmation only when a hard rule is broken');
    await page.locator('#publish-dialog').screenshot({ path: join(screenshots, 'week-6-publish-summary.png') });
    if (violations.hardCount > 0) await page.check('#publish-confirm');
    await page.click('#publish-go');
    await page.locator('#publish-dialog').waitFor({ state: 'hidden' });
    await page.waitForFunction((id) => document.querySelector(`#rota-list tr[data-rota-id="${id}"]`)?.textContent.includes('published'), pinnedRota.rota.id);
    assert.equal((await api(`/rotas/${pinnedRota.rota.id}`)).rota.status, 'published');
  });

  it('repairs a sick call: the proposed rota marks every changed day and names who is asked to change', async () => {
    // Someone working on two days running in the published rota calls in sick for both.
    const byCaregiver = groupBy(pinnedRota.shifts, (s) => s.caregiverId);
    const [caregiverId, mine] = [...byCaregiver].find(([, list]) => list.some((a) => list.some((b) => Date.parse(b.date) - Date.parse(a.date) === 86400000)));
    const from = mine.map((s) => s.date).sort().find((d) => mine.some((s) => Date.parse(s.date) - Date.parse(d) === 86400000));
    const to = new Date(Date.parse(`${from}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
    sick = { caregiverId, from, to };

    await page.click('#sick-call');
    await page.locator('#sick-dialog[open]').waitFor();
    await page.selectOption('#sick-caregiver', caregiverId);
    await page.fill('#sick-from', from);
    await page.fill('#sick-to', to);
    await page.fill('#sick-time-limit', '20');
    const previous = await newestJob();
    await page.click('#sick-go');
    await page.locator('#sick-dialog').waitFor({ state: 'hidden' });
    assert.equal((await api(`/solve-jobs/${await finishedJobAfter(previous)}`)).kind, 'repair');
    await page.locator('#rota-changes:not([hidden])').waitFor({ timeout: jobTimeout });
    const rotaId = await page.locator('#rota-grid').getAttribute('data-rota-id');
    assert.notEqual(rotaId, pinnedRota.rota.id, 'the proposed rota is shown');
    repairedRota = await api(`/rotas/${rotaId}`);
    assert.equal(repairedRota.rota.status, 'draft');

    assert.ok(!repairedRota.shifts.some((s) => s.caregiverId === caregiverId && s.date >= from && s.date <= to), 'the sick caregiver works neither day');
    const expected = changedCells(pinnedRota.shifts, repairedRota.shifts);
    assert.ok(expected.length >= 2, 'at least the two sick days changed');
    const marked = await page.locator('#rota-grid td.cell.changed').evaluateAll((tds) => tds.map((td) => `${td.dataset.caregiverId}|${td.dataset.date}`).sort());
    assert.deepEqual(marked, expected, 'the changed days marked are exactly those the API shows changed');
    assert.equal(await page.locator('#rota-grid td.cell.changed .change-mark').count(), expected.length, 'each with a sign, not colour alone');
    const asked = [...new Set(expected.map((k) => k.split('|')[0]))].filter((id) => id !== caregiverId).sort();
    const listed = await page.locator('#rota-changes-list li[data-asked="true"]').evaluateAll((lis) => lis.map((li) => li.dataset.caregiverId).sort());
    assert.deepEqual(listed, asked, 'who is asked to change');
    const absence = await api(`/absences/${caregiverId}-sickness-${from}`);
    assert.deepEqual([absence.kind, absence.from, absence.to], ['sickness', from, to], 'the sickness is recorded for later solves');
    await shot('7-repair-proposed');
  });

  it('publishes the repair, which supersedes the rota it repaired', async () => {
    await page.click('#publish-repair');
    await page.locator('#publish-dialog[open]').waitFor();
    if (await page.locator('#publish-confirm-label').isVisible()) await page.check('#publish-confirm');
    await page.click('#publish-go');
    await page.locator('#publish-dialog').waitFor({ state: 'hidden' });
    await page.waitForFunction((id) => document.querySelector(`#rota-list tr[data-rota-id="${id}"]`)?.textContent.includes('published'), repairedRota.rota.id);
    assert.equal((await api(`/rotas/${repairedRota.rota.id}`)).rota.status, 'published');
    assert.equal((await api(`/rotas/${pinnedRota.rota.id}`)).rota.status, 'superseded');
    await shot('8-repair-published');
  });

  it('refuses to publish a rota that changed after its summary was made, and says so', async () => {
    const other = (await api('/rotas')).find((r) => r.status === 'draft' && r.horizonStart === '2026-11-30' && r.madeBy === 'solver');
    await page.locator(`#rota-list tr[data-rota-id="${other.id}"] .select-rota`).check();
    await page.locator(`#rota-grid[data-rota-id="${other.id}"]`).waitFor();
    await page.click('#publish-rota');
    await page.locator('#publish-dialog[open]').waitFor();
    // Someone else publishes it meanwhile (the HR system, another manager).
    assert.equal((await call(`/rotas/${other.id}/publish?confirm=true`, { method: 'POST' })).status, 200);
    if (await page.locator('#publish-confirm-label').isVisible()) await page.check('#publish-confirm');
    await page.click('#publish-go');
    await page.locator('#publish-error').waitFor({ state: 'visible' });
    assert.match(await page.locator('#publish-error').textContent(), /changed since this summary.*412/);
    await page.locator('#publish-dialog').screenshot({ path: join(screenshots, 'week-8a-publish-refused.png') });
    await page.keyboard.press('Escape');
    await page.locator(`#rota-list tr[data-rota-id="${repairedRota.rota.id}"] .select-rota`).check();
    await page.locator(`#rota-grid[data-rota-id="${repairedRota.rota.id}"]`).waitFor();
  });

  it('shows how many different adults the children met, week by week, against the hospital way, as the API gives it', async () => {
    await page.selectOption('#history-scope', 'home');
    await page.selectOption('#history-by', 'weeks');
    await page.click('#show-history');
    await page.locator('#history-view[data-scope="home"][data-by="weeks"] #history-table').waitFor();
    const home = await api('/history');
    const shown = (column) => page.locator(`#history-table tbody td[data-column="${column}"]`).allTextContents();
    assert.deepEqual(await page.locator('#history-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.start)), home.published.weeks.map((w) => w.start));
    assert.deepEqual(await shown('published'), home.published.weeks.map((w) => w.meanDistinct.toFixed(1)));
    assert.deepEqual(await shown('hospitalWay'), home.hospitalWay.weeks.map((w) => w.meanDistinct.toFixed(1)));
    assert.equal(await page.locator('#history-children tbody tr').count(), home.published.children.length);
    assert.equal(await page.locator('#history-view svg.history-chart rect[data-side]').count(), 2 * home.published.weeks.length, 'two bars a week');

    // A child's own history, from the link in the children's table.
    const childId = home.published.children[0].childId;
    await page.locator(`#children tr[data-child-id="${childId}"] .child-history`).click();
    await page.locator(`#history-view[data-scope="child:${childId}"] #history-table`).waitFor();
    const child = await api(`/children/${childId}/history`);
    assert.deepEqual(await shown('published'), child.published.weeks.map((w) => String(w.distinct)));
    assert.deepEqual(await shown('hospitalWay'), child.hospitalWay.weeks.map((w) => String(w.distinct)));
    assert.deepEqual(await page.locator('#history-most-present li').evaluateAll((lis) => lis.map((li) => li.dataset.caregiverId)), child.published.mostPresent.map((m) => m.caregiverId));
    await page.locator('#history-section').screenshot({ path: join(screenshots, 'week-8b-history.png') });
  });

  it("sets each ticked published rota's year beside the hospital way's in the comparison, as the API gives it", async () => {
    const published = await api('/rotas?status=published');
    for (const rota of published) await page.locator(`#rota-list tr[data-rota-id="${rota.id}"] .compare-rota`).check();
    await page.waitForFunction((n) => document.querySelectorAll('#comparison-table thead th[data-rota-id]').length === n, published.length, { timeout });
    await page.locator('#comparison-table tr[data-measure="yearDistinct"]').waitFor({ timeout });
    const { columns } = await api(`/rotas/comparison?ids=${published.map((r) => r.id).join(',')}`);
    for (const column of columns) {
      const cell = (measure) => page.locator(`#comparison-table tr[data-measure="${measure}"] td[data-rota-id="${column.rotaId}"]`).textContent();
      assert.equal(await cell('yearDistinct'), column.year.published.meanDistinct.toFixed(1), `the year up to ${column.horizonStart}`);
      assert.equal(await cell('yearDistinctPerWeek'), column.year.published.meanDistinctPerWeek.toFixed(1));
      assert.equal(await cell('yearHospitalWay'), column.year.hospitalWay.meanDistinct.toFixed(1));
      assert.equal(await cell('yearHospitalWayPerWeek'), column.year.hospitalWay.meanDistinctPerWeek.toFixed(1));
    }
    await page.locator('#comparison-section').screenshot({ path: join(screenshots, 'week-9a-comparison-year.png') });
    for (const rota of published) await page.locator(`#rota-list tr[data-rota-id="${rota.id}"] .compare-rota`).uncheck();
    await page.locator('#comparison').waitFor({ state: 'hidden' });
  });

  it('prints the wall rota: one A4 landscape page per group and week, names as the API gives them, no child named', async () => {
    const [groups, caregivers, children] = await Promise.all([api('/groups'), api('/caregivers'), api('/children')]);
    const name = new Map(caregivers.map((c) => [c.id, c.name ?? c.id]));
    await page.click('#show-wall-rota');
    await page.waitForFunction((count) => document.querySelectorAll('#print-area .wall-page').length === count, groups.length * repairedRota.rota.weeks);
    for (const group of groups) {
      const expected = [...new Set(repairedRota.shifts.filter((s) => s.groupIds.includes(group.id)).map((s) => name.get(s.caregiverId)))].sort((a, b) => a.localeCompare(b));
      const shown = await page.locator(`#print-area .wall-page[data-group-id="${group.id}"] tbody th`).allTextContents();
      assert.deepEqual(shown, expected, `the caregivers of ${group.id}`);
    }
    const text = await page.locator('#print-area').textContent();
    for (const child of children) assert.ok(!text.includes(child.id), `${child.id} is not named on the wall`);

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(screenshots, 'week-9-wall-rota.pdf'), pdf);
    assert.equal(pdfPages(pdf), groups.length * repairedRota.rota.weeks, 'one page per group-week');
    const mediaBox = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    assert.ok(mediaBox && Number(mediaBox[1]) > Number(mediaBox[2]), 'landscape');
    assert.ok(Math.abs(Number(mediaBox[1]) - 841.9) < 2 && Math.abs(Number(mediaBox[2]) - 595.3) < 2, `A4 (${mediaBox?.[1]} × ${mediaBox?.[2]} pt)`);
    await page.locator('#print-area .wall-page').first().screenshot({ path: join(screenshots, 'week-9-wall-rota.png') });
  });

  it("shows a caregiver's month from the published rotas, on one page", async () => {
    const published = (await api('/rotas?status=published')).filter((r) => r.horizonStart.startsWith('2026-12') || r.horizonStart.startsWith('2026-11'));
    const shifts = (await Promise.all(published.map((r) => api(`/rotas/${r.id}`)))).flatMap((v) => v.shifts).filter((s) => s.date.startsWith('2026-12'));
    const caregiverId = repairedRota.shifts.find((s) => s.caregiverId !== sick.caregiverId).caregiverId;
    await page.selectOption('#month-caregiver', caregiverId);
    await page.fill('#month-month', '2026-12');
    await page.click('#show-month');
    await page.locator(`#print-area .month-page[data-caregiver-id="${caregiverId}"]`).waitFor();
    const expected = shifts.filter((s) => s.caregiverId === caregiverId).map((s) => `${s.date}|${s.shiftType}`).sort();
    const shown = await page.locator('#print-area td[data-date]').evaluateAll((tds) => tds.flatMap((td) => [...td.querySelectorAll('.month-shift')].map((d) => `${td.dataset.date}|${d.dataset.shiftType}`)).sort());
    assert.deepEqual(shown, expected);
    assert.ok(expected.length > 0);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    assert.equal(pdfPages(pdf), 1);
    await page.locator('#print-area').screenshot({ path: join(screenshots, 'week-10-month.png') });
  });

  it("downloads the payroll CSV and a caregiver's calendar as the API gives them, and makes a feed address that answers without a key", async () => {
    await page.locator('#rota-section').scrollIntoViewIfNeeded();
    const [payroll] = await Promise.all([page.waitForEvent('download'), page.click('#payroll-csv')]);
    assert.equal(readFileSync(await payroll.path(), 'utf8'), await (await call(`/rotas/${repairedRota.rota.id}/payroll.csv`)).text());

    await page.click('#master-data-kinds button[data-kind="caregivers"]');
    const row = page.locator('#master-data-table tr[data-key="cg-001"]');
    const [calendar] = await Promise.all([page.waitForEvent('download'), row.locator('button.calendar-ics').click()]);
    const events = (text) => (text.match(/BEGIN:VEVENT/g) ?? []).length;
    const ics = readFileSync(await calendar.path(), 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR/);
    assert.equal(events(ics), events(await (await call('/caregivers/cg-001/calendar.ics')).text()));

    await row.locator('button.calendar-feed').click();
    const address = await page.locator('input.feed-address[data-caregiver-id="cg-001"]').inputValue();
    assert.match(address, /\/api\/v1\/calendar-feeds\/[^/]+$/);
    assert.ok(events(ics) > 0, 'cg-001 works in the published rotas');
    const feed = await fetch(address);
    assert.equal(feed.status, 200, 'the secret address needs no key');
    assert.equal(events(await feed.text()), events(ics));
  });

  it('reports no serious or critical accessibility issue (axe-core) on the page, the pin dialog and a form', async () => {
    // axe runs in its own context that may inject the script; the page's own Content-Security-Policy stays on in the others.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const checked = await context.newPage();
    checked.on('pageerror', (error) => scriptErrors.push(error.message));
    const serious = async (what) => (await seriousIssues(checked)).map((issue) => `${what}: ${issue}`);
    try {
      await checked.goto(baseUrl);
      await checked.fill('#api-key', apiKey);
      await checked.click('#connect');
      await checked.locator('#rota-grid td.cell').first().waitFor();
      const issues = await serious('page');
      await checked.locator('#rota-grid td.cell .cell-button').first().click();
      await checked.locator('#pin-dialog[open]').waitFor();
      issues.push(...await serious('pin dialog'));
      await checked.keyboard.press('Escape');
      await checked.click('#master-data-add');
      await checked.locator('#master-data-form').waitFor();
      issues.push(...await serious('caregiver form'));
      assert.deepEqual(issues, []);
    } finally {
      await context.close();
    }
  });

  it('fits a laptop (1280×800) and a tablet (768×1024) without the page scrolling sideways', async () => {
    for (const [width, height, name] of [[1280, 800, 'laptop'], [768, 1024, 'tablet']]) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the window`);
      await page.screenshot({ path: join(screenshots, `week-11-${name}.png`) });
    }
  });

  it('raises no script error', () => {
    assert.deepEqual(scriptErrors, []);
  });
});
