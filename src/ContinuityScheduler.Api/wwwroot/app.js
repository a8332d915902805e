// The ContinuityScheduler web page: plain JavaScript modules against the REST API (docs/api.md), no framework, so it works offline.
import { $, el, svg, gridLines, sum, formatScore, formatShare, formatNumber, formatHours, formatInteger, shortId, formatInstant, horizonDays, daysFrom, dayHeading, isWeekend, weekdayOf, localToday, busy, showMessage } from './dom.js';
import { state, api, loadRotaDetails, groupIds, groupColour, groupName, caregiverName, groupLetter } from './session.js';
import { pinAt, pinsWithin, describePin, openPinDialog, loadPins, renderPinList, setUpPins } from './pins.js';
import { repairBaseOf, cellChanges, renderChanges, noteRepairResult, setUpSickCall } from './repairs.js';
import { setUpPublish, updatePublishButton } from './publish.js';
import { setUpMasterData, loadMasterData } from './masterdata.js';
import { setUpPrint, fillPrintChoices } from './print.js';
import { setUpDownloads } from './downloads.js';
import { setUpHistory, fillHistoryScopes, showChildHistory } from './history.js';
import { setUpAdvice, resetAdvice, setAdviceScenarios } from './advice.js';
import { setUpLeaveOneOut, resetLeaveOneOut } from './leaveoneout.js';
import { finishedJobStates } from './jobs.js';

const storageKeys = { institutionId: 'continuity.institutionId', apiKey: 'continuity.apiKey' };
const demoInstitutionId = 'baby-home';
const pollMilliseconds = 1000;
const recentJobsShown = 10;
// Darker colours for the columns of the comparison chart, one per compared rota.
const rotaPalette = ['#33658a', '#f26419', '#2a9d8f', '#8e5572', '#86bbd8', '#f6ae2d', '#55a630', '#6d597a'];

// ---------- connecting ----------

function restoreCredentials() {
  $('#institution-id').value = localStorage.getItem(storageKeys.institutionId) ?? demoInstitutionId;
  $('#api-key').value = localStorage.getItem(storageKeys.apiKey) ?? '';
}

async function connect(event) {
  event?.preventDefault();
  state.institutionId = $('#institution-id').value.trim();
  state.apiKey = $('#api-key').value.trim();
  if (!state.institutionId || !state.apiKey) return;
  localStorage.setItem(storageKeys.institutionId, state.institutionId);
  localStorage.setItem(storageKeys.apiKey, state.apiKey);
  state.rotaDetails.clear();
  state.comparedRotaIds.clear();
  state.selectedRotaId = null;
  stopWatching();
  showMessage('');
  try {
    await reloadMasterData();
    resetAdvice();
    resetLeaveOneOut();
    loadPins();
    renderPinList();
    await Promise.all([refreshRotas(), loadScenarios()]);
    await refreshJobs(); // after the rotas, whose horizons label the jobs' rotas
    renderComparison();
    if (state.rotas.length > 0) await selectRota(state.rotas[0].id);
  } catch (error) {
    showMessage(error.status === 401 ? 'The API key was refused (401): check the institution and the key.' : `Could not load: ${error.message}`);
  }
}

/** Loads the groups, caregivers, shift types and posts that the grid, the pins and the forms name. */
export async function reloadMasterData() {
  [state.groups, state.caregivers, state.shiftTypes, state.demands] = await Promise.all([api('/groups'), api('/caregivers'), api('/shift-types'), api('/demands')]);
  fillPrintChoices();
  await Promise.all([loadMasterData(), fillHistoryScopes()]);
}

function forget() {
  localStorage.removeItem(storageKeys.institutionId);
  localStorage.removeItem(storageKeys.apiKey);
  restoreCredentials();
}

// ---------- the rota list ----------

export async function refreshRotas() {
  const rotas = await api('/rotas');
  // Horizons in date order; of two rotas for one horizon the newer first, as it is usually the one to look at.
  state.rotas = rotas.sort((a, b) => a.horizonStart.localeCompare(b.horizonStart) || b.createdAt.localeCompare(a.createdAt));
  renderRotaList();
  suggestHorizonStart();
}

const rotaLabel = (rota) => `${rota.horizonStart} · ${rota.weeks} wk · ${rota.madeBy} · ${rota.status} · ${shortId(rota.id)}`;

function renderRotaList() {
  const rows = state.rotas.map((rota) => el('tr', { dataset: { rotaId: rota.id }, class: rota.id === state.selectedRotaId ? 'selected' : undefined },
    el('td', {}, el('input', { type: 'radio', name: 'rota', class: 'select-rota', 'aria-label': `Show ${rotaLabel(rota)}`, checked: rota.id === state.selectedRotaId, onchange: () => selectRota(rota.id) })),
    el('td', {}, el('input', { type: 'checkbox', class: 'compare-rota', 'aria-label': `Compare ${rotaLabel(rota)}`, checked: state.comparedRotaIds.has(rota.id), onchange: (e) => toggleCompared(rota.id, e.target.checked) })),
    el('td', {}, rota.horizonStart), el('td', {}, rota.weeks), el('td', {}, rota.status), el('td', {}, rota.madeBy),
    el('td', { class: 'number' }, rota.assignments), el('td', {}, formatInstant(rota.createdAt))));
  $('#rota-list tbody').replaceChildren(...rows);
  $('#rota-list-empty').hidden = state.rotas.length > 0;
}

export async function selectRota(rotaId) {
  state.selectedRotaId = rotaId;
  for (const row of document.querySelectorAll('#rota-list tbody tr')) {
    row.classList.toggle('selected', row.dataset.rotaId === rotaId);
    row.querySelector('.select-rota').checked = row.dataset.rotaId === rotaId;
  }
  try {
    const details = await loadRotaDetails(rotaId);
    const base = repairBaseOf(rotaId);
    const baseDetails = base ? await loadRotaDetails(base.baseRotaId).catch(() => null) : null;
    if (state.selectedRotaId !== rotaId) return; // the user chose another rota meanwhile
    const changes = baseDetails ? cellChanges(baseDetails.rota.shifts, details.rota.shifts) : null;
    renderRota(details, changes);
    renderChanges(details, baseDetails, base, changes);
    updatePublishButton(details.rota.rota);
    renderContinuity(details.continuity);
  } catch (error) {
    showMessage(`Could not load the rota: ${error.message}`);
  }
}

// ---------- the rota grid ----------

/** A shift of several groups (a night post covering two) shows each group's colour in a stripe. */
function shiftBackground(groupIdsOfShift) {
  const colours = (groupIdsOfShift.length ? groupIdsOfShift : ['']).map(groupColour);
  if (colours.length === 1) return colours[0];
  const step = 100 / colours.length;
  return `linear-gradient(135deg, ${colours.map((c, i) => `${c} ${i * step}% ${(i + 1) * step}%`).join(', ')})`;
}

/** Caregivers in the order of the group they work in most, so each group's team shows as one block of colour. */
function caregiverRows(shifts) {
  const ids = new Set([...state.caregivers.map((c) => c.id), ...shifts.map((s) => s.caregiverId)]);
  const order = groupIds();
  const mainGroup = new Map();
  for (const id of ids) {
    const counts = new Map();
    for (const shift of shifts.filter((s) => s.caregiverId === id)) {
      for (const g of shift.groupIds) counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))[0];
    mainGroup.set(id, best ? order.indexOf(best[0]) : order.length); // caregivers without shifts go last
  }
  return [...ids].sort((a, b) => mainGroup.get(a) - mainGroup.get(b) || a.localeCompare(b));
}

/** Violations by "caregiver|date" and, for those of nobody in particular (coverage), by date. */
function indexViolations(violations, days) {
  const byCell = new Map();
  const byDay = new Map();
  for (const violation of violations) {
    for (const day of days.filter((d) => d >= violation.from && d <= violation.to)) {
      const key = violation.caregiverId ? `${violation.caregiverId}|${day}` : day;
      const index = violation.caregiverId ? byCell : byDay;
      if (!index.has(key)) index.set(key, []);
      index.get(key).push(violation);
    }
  }
  return { byCell, byDay };
}

const worstSeverity = (violations) => (violations.some((v) => v.severity === 'hard') ? 'hard' : 'soft');

function renderRota({ rota, violations }, changes) {
  const summary = rota.rota;
  const days = horizonDays(summary.horizonStart, summary.weeks);
  const marks = indexViolations(violations.violations, days);
  $('#rota-title').textContent = `Rota ${rotaLabel(summary)}`;
  renderLegend();

  const header = el('tr', {}, el('th', { class: 'caregiver' }, 'Caregiver'),
    days.map((day) => {
      const dayViolations = marks.byDay.get(day) ?? [];
      return el('th', { class: [isWeekend(day) && 'weekend', dayViolations.length && `violation-${worstSeverity(dayViolations)}`].filter(Boolean).join(' ') || undefined,
        title: dayViolations.map((v) => v.message).join('\n') || undefined, dataset: { date: day } },
      dayHeading(day), dayViolations.length ? el('span', { class: 'mark' }, ` ⚠${dayViolations.length}`) : null);
    }),
    el('th', { class: 'number' }, 'Hours'));

  const body = caregiverRows(rota.shifts).map((caregiverId) => {
    const mine = rota.shifts.filter((s) => s.caregiverId === caregiverId);
    return el('tr', { dataset: { caregiverId } },
      el('th', { class: 'caregiver', scope: 'row' }, caregiverName(caregiverId), el('span', { class: 'id' }, ` ${caregiverId}`)),
      days.map((day) => gridCell(caregiverId, day, mine.filter((s) => s.date === day), marks.byCell.get(`${caregiverId}|${day}`) ?? [], changes?.get(`${caregiverId}|${day}`))),
      el('td', { class: 'number hours' }, formatHours(sum(mine, (s) => s.workingHours))));
  });

  const grid = $('#rota-grid');
  grid.replaceChildren(el('thead', {}, header), el('tbody', {}, body));
  grid.dataset.rotaId = summary.id;
  markPins();
  renderViolations(violations);
  $('#rota-section').hidden = false;
}

/** One caregiver-day: a button (so the keyboard reaches it) that opens the pin dialog; marks say violations, pins and changes in signs and words. */
function gridCell(caregiverId, day, shifts, violations, change) {
  const classes = ['cell', isWeekend(day) && 'weekend', violations.length && `violation-${worstSeverity(violations)}`, change && 'changed'].filter(Boolean);
  const shiftTitles = shifts.map((s) => `${s.shiftType} ${s.start.slice(11, 16)}–${s.end.slice(11, 16)} · ${s.groupIds.map(groupName).join(' + ')} · ${s.demandId}`);
  // The visible shift code starts the button's name; the hidden words after it say the rest for screen readers.
  const hard = violations.filter((v) => v.severity === 'hard').length;
  const words = [`, ${caregiverName(caregiverId)}, ${dayHeading(day)}:`, shiftTitles.length ? shiftTitles.join('; ') : 'free',
    violations.length ? `, ${hard} hard and ${violations.length - hard} soft violation(s)` : '', change ? `, changed (${change})` : ''].filter(Boolean).join(' ');
  return el('td', { class: classes.join(' '), dataset: { caregiverId, date: day }, title: [...shiftTitles, ...violations.map((v) => `${v.severity}: ${v.message}`), change ? `changed: ${change}` : ''].filter(Boolean).join('\n') || undefined },
    el('button', { type: 'button', class: 'cell-button', onclick: () => openPinDialog(caregiverId, day, shifts) },
      shifts.map((s) => el('span', { class: 'shift', style: `background: ${shiftBackground(s.groupIds)}`, dataset: { caregiverId, date: s.date, shiftType: s.shiftType, groups: s.groupIds.join(' '), demandId: s.demandId } },
        s.shiftType, el('span', { class: 'group-letter' }, s.groupIds.map(groupLetter).join('')))),
      el('span', { class: 'pin-mark', 'aria-hidden': 'true' }),
      change ? el('span', { class: 'change-mark', 'aria-hidden': 'true' }, '✎') : null,
      violations.length ? el('span', { class: 'mark', 'aria-hidden': 'true' }, hard ? '!!' : '!') : null,
      el('span', { class: 'visually-hidden cell-words' }, words),
      el('span', { class: 'visually-hidden pin-words' })));
}

/** Marks the grid's pinned cells (⚑ or ⊘, and the pin in the cell's words) from the page's pins. */
function markPins() {
  for (const cell of document.querySelectorAll('#rota-grid td.cell')) {
    const pin = pinAt(cell.dataset.caregiverId, cell.dataset.date);
    cell.classList.toggle('pinned', Boolean(pin));
    cell.dataset.pin = pin ? pin.kind : '';
    cell.querySelector('.pin-mark').textContent = pin ? (pin.kind === 'require' ? '⚑' : '⊘') : '';
    cell.querySelector('.pin-words').textContent = pin ? `, pinned: ${describePin(pin)}` : '';
  }
}

function renderLegend() {
  const groups = [...state.groups].sort((a, b) => a.id.localeCompare(b.id)).map((g) =>
    el('span', { class: 'legend-item', dataset: { groupId: g.id } }, el('span', { class: 'swatch', style: `background: ${groupColour(g.id)}` }), el('b', {}, groupLetter(g.id)), ` ${g.name ?? g.id}`));
  const shiftTypes = state.shiftTypes.map((t) => el('span', { class: 'legend-item' }, el('b', {}, t.code), ` ${t.name ?? ''} ${t.start}–${t.end}`));
  const marks = [el('span', { class: 'legend-item' }, el('span', { class: 'swatch violation-hard' }), '!! hard violation'),
    el('span', { class: 'legend-item' }, el('span', { class: 'swatch violation-soft' }), '! soft violation'),
    el('span', { class: 'legend-item' }, '⚑ required by a pin'), el('span', { class: 'legend-item' }, '⊘ kept free by a pin'),
    el('span', { class: 'legend-item' }, el('span', { class: 'swatch changed' }), '✎ changed by the repair')];
  $('#legend').replaceChildren(el('div', {}, 'Groups: ', groups), el('div', {}, 'Shift types: ', shiftTypes), el('div', {}, marks));
}

function renderViolations(view) {
  $('#violation-counts').textContent = `${view.hardCount} hard, ${view.softCount} soft`;
  const bySeverity = [...view.violations].sort((a, b) => (a.severity === b.severity ? a.from.localeCompare(b.from) : a.severity === 'hard' ? -1 : 1));
  $('#violation-list').replaceChildren(...bySeverity.map((v) => el('li', { class: `violation ${v.severity}` },
    el('span', { class: 'severity' }, v.severity), ' ', el('code', {}, v.code), ' ',
    v.caregiverId ? `${caregiverName(v.caregiverId)} · ` : '', v.from === v.to ? v.from : `${v.from} – ${v.to}`, ': ', v.message)));
}

// ---------- continuity ----------

const summaryMeasures = [
  { key: 'weightedMean', label: 'Score (under-threes count twice)', format: formatScore },
  { key: 'mean', label: 'Plain mean', format: formatScore },
  { key: 'min', label: "Lowest child's score", format: formatScore },
  { key: 'underThreeMean', label: "Under-threes' mean", format: formatScore },
  { key: 'distinctPerWeek', label: 'Distinct caregivers per child per week', format: formatNumber },
  { key: 'keyPersonDays', label: 'Key-person days', format: formatShare },
  { key: 'keyMoments', label: 'Key moments', format: formatShare },
  { key: 'sameAdultNights', label: 'Same adult from bedtime to waking', format: formatShare },
];

function renderContinuity(continuity) {
  const institution = continuity.institution;
  $('#institution-summary').replaceChildren(el('div', {}, el('dt', {}, 'Children'), el('dd', {}, institution.children)),
    ...summaryMeasures.map((m) => el('div', { dataset: { measure: m.key } }, el('dt', {}, m.label), el('dd', {}, m.format(institution[m.key])))));
  const worstFirst = [...continuity.children].sort((a, b) => a.score - b.score || a.childId.localeCompare(b.childId));
  $('#group-charts').replaceChildren(...continuity.groups.map((g) => groupCard(g, worstFirst.filter((c) => c.groupId === g.groupId))));
  $('#children tbody').replaceChildren(...worstFirst.map(childRow));
  $('#continuity-section').hidden = false;
}

function childRow(child) {
  return el('tr', { dataset: { childId: child.childId } },
    el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link child-history', 'aria-label': `Caregivers over time of ${child.childId}`, onclick: () => showChildHistory(child.childId) }, child.childId)),
    el('td', {}, el('span', { class: 'swatch', style: `background: ${groupColour(child.groupId)}` }), groupName(child.groupId)),
    el('td', {}, child.underThree ? 'yes' : ''),
    el('td', { class: 'number score', dataset: { score: child.score } }, scoreBar(child.score), formatScore(child.score)),
    el('td', { class: 'number' }, formatNumber(child.distinctPerWeek)),
    el('td', { class: 'number' }, formatShare(child.coreShare)),
    el('td', { class: 'number' }, formatShare(child.keyPersonDays)),
    el('td', { class: 'number' }, formatShare(child.keyMoments)),
    el('td', { class: 'number' }, formatShare(child.sameAdultNights)),
    el('td', { class: 'team' }, (child.coreTeam ?? []).map(caregiverName).join(', ')));
}

function scoreBar(score) {
  return el('span', { class: 'score-bar', 'aria-hidden': 'true' }, el('span', { style: `width: ${Math.max(0, Math.min(100, score))}%` }));
}

function groupCard(group, children) {
  return el('figure', { class: 'group-card', dataset: { groupId: group.groupId } },
    el('figcaption', {}, el('span', { class: 'swatch', style: `background: ${groupColour(group.groupId)}` }), group.name ?? group.groupId,
      el('span', { class: 'counts' }, ` mean ${formatScore(group.summary.weightedMean)}, lowest ${formatScore(group.summary.min)}`)),
    groupChart(group, children));
}

/** Bars of the group's children's scores (0–100), worst first, with the group's mean as a dashed line; ▲ marks an under-three. */
function groupChart(group, children) {
  const width = 260;
  const height = 130;
  const left = 26;
  const top = 12;
  const bottom = 18;
  const plot = height - top - bottom;
  const y = (score) => top + plot * (1 - Math.max(0, Math.min(100, score)) / 100);
  const slot = (width - left - 4) / Math.max(1, children.length);
  const axis = gridLines([0, 50, 100], y, left, width - 4);
  const bars = children.map((child, i) => {
    const x = left + i * slot + slot * 0.15;
    return svg('g', { class: 'bar', dataset: { childId: child.childId } },
      svg('rect', { x, y: y(child.score), width: slot * 0.7, height: y(0) - y(child.score), fill: groupColour(group.groupId), stroke: '#555', 'stroke-width': 0.5 },
        svg('title', {}, `${child.childId}: ${formatScore(child.score)}${child.underThree ? ' (under three)' : ''}`)),
      child.underThree ? svg('text', { x: x + slot * 0.35, y: height - 5, 'text-anchor': 'middle', class: 'tick' }, '▲') : null);
  });
  const mean = svg('line', { x1: left, x2: width - 4, y1: y(group.summary.weightedMean), y2: y(group.summary.weightedMean), class: 'mean-line' },
    svg('title', {}, `mean ${formatScore(group.summary.weightedMean)}`));
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `Scores of the children of ${group.name ?? group.groupId}` },
    axis, bars, mean);
}

// ---------- solve jobs ----------

async function refreshJobs() {
  state.jobs = await api('/solve-jobs');
  state.jobs.filter((j) => finishedJobStates.has(j.state)).forEach(noteRepairResult); // also repairs that ended while nobody watched
  renderJobList();
  const active = state.jobs.find((j) => j.state === 'running') ?? [...state.jobs].reverse().find((j) => j.state === 'queued');
  if (active) watchJob(active.id);
  else renderProgress(state.jobs.find((j) => j.id === state.watchedJobId) ?? null);
}

function renderJobList() {
  $('#job-list tbody').replaceChildren(...state.jobs.slice(0, recentJobsShown).map((job) => el('tr', { dataset: { jobId: job.id, state: job.state } },
    el('td', {}, formatInstant(job.createdAt)), el('td', { class: job.state === 'infeasible' ? 'infeasible' : undefined }, job.state === 'infeasible' ? '⚠ infeasible' : job.state),
    el('td', { class: 'number' }, job.result ? formatNumber(job.result.seconds) : job.progress.elapsedSeconds != null ? formatNumber(job.progress.elapsedSeconds) : ''),
    el('td', { class: 'number' }, job.result?.objective != null ? formatNumber(job.result.objective) : ''),
    el('td', { class: 'number' }, job.result?.gap != null ? formatShare(job.result.gap) : ''),
    el('td', { class: 'number' }, job.result?.hardViolations ?? ''),
    el('td', {}, job.rotaId ? el('button', { type: 'button', class: 'link', onclick: () => selectRota(job.rotaId) }, jobRotaLabel(job.rotaId)) : job.error ?? ''))));
}

/** Lists a job just posted and follows its progress. */
export function followJob(job) {
  state.jobs.unshift(job);
  renderJobList();
  watchJob(job.id);
}

/** A job names no horizon; its rota does, once the rota list knows it. */
function jobRotaLabel(rotaId) {
  const rota = state.rotas.find((r) => r.id === rotaId);
  return rota ? `${rota.horizonStart} · ${shortId(rotaId)}` : shortId(rotaId);
}

/** Polls one job every second until it finishes; then refreshes the rotas and looks for the next job to watch. */
function watchJob(jobId) {
  if (state.watchedJobId === jobId && state.watching) return;
  clearTimeout(state.pollTimer);
  state.watchedJobId = jobId;
  state.watching = true;
  const poll = async () => {
    if (state.watchedJobId !== jobId) return; // another job (or institution) is watched now
    try {
      const job = await api(`/solve-jobs/${jobId}`);
      if (state.watchedJobId !== jobId) return;
      renderProgress(job);
      if (!finishedJobStates.has(job.state)) {
        state.pollTimer = setTimeout(poll, pollMilliseconds);
        return;
      }
      state.watching = false;
      noteRepairResult(job);
      await refreshRotas();
      if (job.rotaId) await selectRota(job.rotaId); // the rota just made is the one the user waited for
      await refreshJobs();
    } catch (error) {
      state.watching = false;
      showMessage(`Could not follow the solve: ${error.message}`);
    }
  };
  poll();
}

function stopWatching() {
  clearTimeout(state.pollTimer);
  state.watchedJobId = null;
  state.watching = false;
}

function renderProgress(job) {
  $('#cancel-solve').disabled = !job || finishedJobStates.has(job.state) || job.cancelRequested;
  if (!job) {
    $('#job-progress').replaceChildren();
    return;
  }
  const progress = job.progress ?? {};
  const items = [
    ['Job', shortId(job.id)], ['State', job.state + (job.cancelRequested && !finishedJobStates.has(job.state) ? ' (cancelling)' : '')],
    ['Elapsed', progress.elapsedSeconds != null ? `${formatNumber(progress.elapsedSeconds)} s` : '–'],
    ['Incumbent', progress.incumbent != null ? formatNumber(progress.incumbent) : '–'],
    ['Bound', progress.bound != null ? formatNumber(progress.bound) : '–'],
    ['Gap', progress.gap != null ? formatShare(progress.gap) : '–'],
  ];
  $('#job-progress').replaceChildren(...items.map(([label, value]) => el('div', { dataset: { field: label.toLowerCase() } }, el('dt', {}, label), el('dd', {}, value))),
    // An infeasible job's rota breaks a hard rule: say so in words, not only by a state name.
    ...(job.state === 'infeasible' ? [el('p', { class: 'infeasible', role: 'alert' }, 'No rota keeping every rule was found: this one breaks the rules below. ', ...(job.result?.diagnosis ?? []).slice(1, 6).map((line) => el('span', { class: 'diagnosis' }, line)))] : []));
  $('#job-progress').dataset.state = job.state;
  $('#job-progress').dataset.jobId = job.id;
}

/** The horizon the solve form names. */
const horizonFromForm = () => ({ start: $('#solve-start').value, weeks: Number($('#solve-weeks').value) });

/** Posts a job (a solve, a scenario's solve) and follows it; the button stays disabled until the service has answered. */
async function startJob(path, request, failure, button) {
  await busy(button, async () => {
    try {
      const job = await api(path, { method: 'POST', body: JSON.stringify(request) });
      showMessage('');
      followJob(job);
    } catch (error) {
      showMessage(`${failure}: ${error.message}`);
    }
  });
}

/** A solve of the form's horizon, with the pins whose date lies in it. */
async function startSolve(event) {
  event.preventDefault();
  const horizon = horizonFromForm();
  const pins = pinsWithin(horizon.start, horizon.weeks);
  await startJob('/solve-jobs', { horizon, timeLimitSeconds: Number($('#solve-time-limit').value), ...(pins.length ? { pins } : {}) }, 'The solve was not started', $('#start-solve'));
}

/** A scenario's rota for the form's horizon, as a job like any solve (a scenario changes the data, so the page's pins are not sent). */
async function solveScenario(scenarioId, button) {
  await startJob(`/scenarios/${scenarioId}/solve-jobs`, { horizon: horizonFromForm(), timeLimitSeconds: Number($('#solve-time-limit').value) }, 'The scenario was not solved', button);
}

/** The hospital-way rota of the form's horizon: the reference column of a comparison. */
async function makeHospitalWay() {
  const request = { horizon: horizonFromForm() };
  try {
    await api('/rotas/hospital-way', { method: 'POST', body: JSON.stringify(request) });
    showMessage('');
    await refreshRotas();
  } catch (error) {
    showMessage(`The hospital-way rota was not made: ${error.message}`);
  }
}

async function cancelSolve() {
  if (!state.watchedJobId) return;
  try {
    renderProgress(await api(`/solve-jobs/${state.watchedJobId}`, { method: 'DELETE' }));
  } catch (error) {
    showMessage(`Could not cancel: ${error.message}`);
  }
}

/** The Monday after the last rota's horizon (or the next Monday), as the next horizon to plan is usually that one. */
function suggestHorizonStart() {
  const last = state.rotas.at(-1);
  // The day after the last horizon is a Monday; without rotas, the first Monday after today.
  const start = last ? daysFrom(last.horizonStart, last.weeks * 7 + 1).at(-1) : daysFrom(localToday(), 8).slice(1).find((d) => weekdayOf(d) === 'monday');
  if (!$('#solve-start').value) $('#solve-start').value = start;
}

// ---------- scenario comparison ----------

/** One row of the comparison: where its value comes from, how to show it, which way is better (for the highlight), its chart label if charted. */
const comparisonRows = [
  { key: 'mean', label: 'Institution mean score', value: (d) => d.continuity.institution.mean, format: formatScore, better: 'higher', chart: 'Mean' },
  { key: 'weightedMean', label: 'Mean, under-threes count twice', value: (d) => d.continuity.institution.weightedMean, format: formatScore, better: 'higher' },
  { key: 'min', label: "Lowest child's score", value: (d) => d.continuity.institution.min, format: formatScore, better: 'higher', chart: 'Lowest child' },
  { key: 'underThreeMean', label: "Under-threes' mean", value: (d) => d.continuity.institution.underThreeMean, format: formatScore, better: 'higher', chart: 'Under-threes' },
  { key: 'distinctPerWeek', label: 'Distinct caregivers per child per week', value: (d) => d.continuity.institution.distinctPerWeek, format: formatNumber, better: 'lower' },
  { key: 'keyPersonDays', label: 'Key-person days', value: (d) => d.continuity.institution.keyPersonDays, format: formatShare, better: 'higher', chart: 'Key-person days', percent: true },
  { key: 'keyMoments', label: 'Key moments', value: (d) => d.continuity.institution.keyMoments, format: formatShare, better: 'higher', chart: 'Key moments', percent: true },
  { key: 'sameAdultNights', label: 'Same adult from bedtime to waking', value: (d) => d.continuity.institution.sameAdultNights, format: formatShare, better: 'higher', chart: 'Same-adult nights', percent: true },
  { key: 'hardViolations', label: 'Hard violations', value: (d) => d.violations.hardCount, format: formatInteger, better: 'lower' },
  { key: 'softViolations', label: 'Soft violations', value: (d) => d.violations.softCount, format: formatInteger, better: 'lower' },
  { key: 'workingHours', label: 'Worked hours', value: (d) => sum(d.rota.shifts, (s) => s.workingHours), format: formatHours },
  { key: 'paidHours', label: 'Paid hours', value: (d) => sum(d.rota.shifts, (s) => s.paidHours), format: formatHours },
  // The rest come from GET /rotas/comparison, the figures the CLI's compare shows too.
  { key: 'shortfallHours', label: 'Uncovered person-hours', value: (d) => d.figures.shortfallHours, format: formatHours, better: 'lower' },
  { key: 'cost', label: 'Cost', value: (d) => d.figures.cost, format: (v) => Math.round(v).toLocaleString('en'), better: 'lower' },
  { key: 'overtimeHours', label: 'Hours over contract', value: (d) => d.figures.overtimeHours, format: formatHours, better: 'lower' },
  { key: 'nightsSpread', label: 'Nights per permanent caregiver, highest minus lowest', value: (d) => d.figures.nightsPerCaregiver.max - d.figures.nightsPerCaregiver.min, format: formatInteger, better: 'lower' },
  { key: 'weekendsSpread', label: 'Weekends worked per permanent caregiver, highest minus lowest', value: (d) => d.figures.weekendsPerCaregiver.max - d.figures.weekendsPerCaregiver.min, format: formatInteger, better: 'lower' },
  // The year view (null without published rotas in the year up to the rota's end): the rota published after them, against the hospital way.
  { key: 'yearDistinct', label: 'Year: different adults a child met, the published rotas then this one', value: (d) => d.year?.published.meanDistinct, format: formatNumber, better: 'lower' },
  { key: 'yearDistinctPerWeek', label: 'Year: adults per child per week', value: (d) => d.year?.published.meanDistinctPerWeek, format: formatNumber, better: 'lower' },
  { key: 'yearHospitalWay', label: 'Year, the hospital way: different adults a child met', value: (d) => d.year?.hospitalWay.meanDistinct, format: formatNumber },
  { key: 'yearHospitalWayPerWeek', label: 'Year, the hospital way: adults per child per week', value: (d) => d.year?.hospitalWay.meanDistinctPerWeek, format: formatNumber },
  // The latest ended staffing advice of each rota's scenario (the hospital way's: the home's own) and horizon; the CLI's compare --candidates rows.
  { key: 'adviceTake', label: 'Advice: what it would take', value: (d) => d.advice?.whatItWouldTake, format: String, text: true },
  { key: 'adviceStatus', label: 'Advice: status', value: (d) => d.advice?.status, format: String, text: true, title: (d) => d.advice?.statusText },
  { key: 'adviceUncovered', label: 'Advice: uncovered person-shifts after', value: (d) => d.advice?.uncoveredAfter, format: formatInteger, better: 'lower' },
  { key: 'adviceLowest', label: "Advice: lowest child's score after", value: (d) => d.advice?.lowestChildAfter, format: formatScore, better: 'higher' },
];

function toggleCompared(rotaId, compared) {
  if (compared) state.comparedRotaIds.add(rotaId);
  else state.comparedRotaIds.delete(rotaId);
  renderComparison();
}

async function renderComparison() {
  const rotas = state.rotas.filter((r) => state.comparedRotaIds.has(r.id));
  const section = $('#comparison');
  if (rotas.length === 0) {
    section.hidden = true;
    return;
  }
  try {
    const [details, comparison] = await Promise.all([
      Promise.all(rotas.map((r) => loadRotaDetails(r.id))),
      api(`/rotas/comparison?ids=${rotas.map((r) => r.id).join(',')}`),
    ]);
    details.forEach((d, i) => { d.figures = comparison.columns[i].figures; d.scenario = comparison.columns[i].scenario; d.year = comparison.columns[i].year; d.advice = comparison.columns[i].advice; });
    const stillCompared = state.rotas.filter((r) => state.comparedRotaIds.has(r.id)).map((r) => r.id).join();
    if (stillCompared !== rotas.map((r) => r.id).join()) return; // the ticks changed meanwhile; the later call draws
    const columns = rotas.map((rota, i) => ({ rota, details: details[i], colour: rotaPalette[i % rotaPalette.length] }));
    $('#comparison-table').replaceChildren(...comparisonTable(columns));
    $('#comparison-chart').replaceChildren(comparisonChart(columns));
    section.hidden = false;
  } catch (error) {
    showMessage(`Could not compare: ${error.message}`);
  }
}

function comparisonTable(columns) {
  const head = el('thead', {}, el('tr', {}, el('th', {}, 'Measure'),
    columns.map((c) => el('th', { dataset: { rotaId: c.rota.id } }, el('span', { class: 'swatch', style: `background: ${c.colour}` }),
      c.details.scenario ? `${c.details.scenario} · ` : '', rotaLabel(c.rota)))));
  const rows = comparisonRows.map((row) => {
    const values = columns.map((c) => row.value(c.details));
    if (values.every((v) => v == null)) return null; // no year view for any of them
    const known = values.filter((v) => v != null);
    const best = row.better === 'higher' ? Math.max(...known) : row.better === 'lower' ? Math.min(...known) : null;
    const differ = new Set(known).size > 1; // a tie has no best
    return el('tr', { dataset: { measure: row.key } }, el('th', { scope: 'row' }, row.label),
      columns.map((c, i) => el('td', { class: [!row.text && 'number', differ && values[i] === best && 'best'].filter(Boolean).join(' '), title: row.title?.(c.details), dataset: { rotaId: c.rota.id, value: values[i] ?? '' } }, values[i] == null ? '–' : row.format(values[i]))));
  }).filter(Boolean);
  return [head, el('tbody', {}, rows)];
}

/** Grouped bars on one 0–100 scale: the score measures as they are, the shares as percentages; one colour per rota. */
function comparisonChart(columns) {
  const measures = comparisonRows.filter((r) => r.chart);
  const width = 760;
  const height = 240;
  const left = 34;
  const top = 14;
  const bottom = 40;
  const plot = height - top - bottom;
  const y = (value) => top + plot * (1 - Math.max(0, Math.min(100, value)) / 100);
  const slot = (width - left - 8) / measures.length;
  const barWidth = (slot * 0.8) / columns.length;
  const axis = gridLines([0, 25, 50, 75, 100], y, left, width - 8);
  const groups = measures.map((measure, m) => {
    const x0 = left + m * slot + slot * 0.1;
    return svg('g', { dataset: { measure: measure.key } },
      columns.map((column, i) => {
        const value = measure.value(column.details) * (measure.percent ? 100 : 1);
        return svg('rect', { x: x0 + i * barWidth, y: y(value), width: barWidth * 0.9, height: y(0) - y(value), fill: column.colour, dataset: { rotaId: column.rota.id } },
          svg('title', {}, `${rotaLabel(column.rota)} · ${measure.label}: ${measure.format(measure.value(column.details))}`));
      }),
      svg('text', { x: left + m * slot + slot / 2, y: height - bottom + 14, 'text-anchor': 'middle', class: 'label' }, measure.chart));
  });
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': 'Comparison of the ticked rotas' },
    axis, groups, svg('text', { x: left, y: height - 6, class: 'tick' }, 'Scores 0–100; shares in %.'));
}

/**
 * The scenarios the API names, when it has the endpoint (GET /scenarios, [{ id, name, changes }]); until then the section
 * compares whatever rotas are ticked, which is the same table once scenario rotas are in the list.
 */
async function loadScenarios() {
  const list = $('#scenario-list');
  try {
    const scenarios = await api('/scenarios');
    list.replaceChildren(...(Array.isArray(scenarios) ? scenarios : []).map((s) => el('li', { dataset: { scenarioId: s.id } },
      el('b', {}, s.name ?? s.id), ` — ${(s.changes ?? []).length} change(s) `,
      el('button', { type: 'button', class: 'solve-scenario', onclick: (event) => solveScenario(s.id, event.currentTarget) }, 'Solve for the horizon above'))));
    list.hidden = list.children.length === 0;
    setAdviceScenarios(Array.isArray(scenarios) ? scenarios : []);
  } catch {
    list.hidden = true; // no scenario endpoint yet: the comparison works on ticked rotas alone
    setAdviceScenarios([]);
  }
}

// ---------- start ----------

document.addEventListener('DOMContentLoaded', () => {
  restoreCredentials();
  $('#connect-form').addEventListener('submit', connect);
  $('#forget').addEventListener('click', forget);
  $('#solve-form').addEventListener('submit', startSolve);
  $('#cancel-solve').addEventListener('click', cancelSolve);
  $('#hospital-way').addEventListener('click', makeHospitalWay);
  setUpPins();
  setUpMasterData();
  setUpSickCall();
  setUpPublish();
  setUpPrint();
  setUpDownloads();
  setUpHistory();
  setUpAdvice();
  setUpLeaveOneOut();
  document.addEventListener('pins-changed', () => { markPins(); renderPinList(); });
  document.addEventListener('advice-ended', () => renderComparison());
  if ($('#api-key').value) connect();
});
