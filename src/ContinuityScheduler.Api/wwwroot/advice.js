// What would it take?: staffing advice as a job (POST …/advice, or …/scenarios/{id}/advice; followed at GET …/advice/{id}), its answer in words and figures.
import { $, el, formatScore, formatNumber, formatInteger, busy, weekdayOf, daysFrom, localToday } from './dom.js';
import { state, api, caregiverName } from './session.js';
import { jobFollower } from './jobs.js';

const follower = jobFollower({
  path: '/advice', label: 'Advice', noun: 'the advice', status: '#advice-status', cancelButton: '#advice-cancel', result: '#advice-result',
  answerOf: (view) => view.advice, detail: (advice) => (advice ? ` (${advice.status})` : ''), show: (advice) => render(advice),
  // The comparison shows each column's latest succeeded or infeasible advice: redrawn once when one ends, never for a cancelled or failed one.
  ended: (job) => { if (job.state === 'succeeded' || job.state === 'infeasible') document.dispatchEvent(new CustomEvent('advice-ended')); },
});

const employmentTypes = ['permanent', 'relief', 'agency'];
let rows = 0; // numbers each candidate row's field ids, so a row keeps its ids when another is removed

/** A candidate's fields: the id suffix and the paths (under the candidate) of the API's errors it shows. */
const candidateFields = [
  { id: 'like', paths: ['like'] },
  { id: 'hours', paths: ['contract.hoursPerWeek', 'contract'] },
  { id: 'type', paths: ['contract.employmentType'] },
  { id: 'skills', paths: ['skills'] },
  { id: 'groups', paths: ['allowedGroups'] },
  { id: 'price', paths: ['price'] },
  { id: 'max', paths: ['maxCount'] },
];

/** The form's other fields and the request paths whose errors they show. */
const formFields = [
  { input: '#advice-scenario', path: 'scenarioId' },
  { input: '#advice-lowest', path: 'target.lowestChildAtLeast' },
  { input: '#advice-under-threes', path: 'target.underThreesMeanAtLeast' },
  { input: '#advice-distinct', path: 'target.distinctPerWeekAtMost' },
  { input: '#advice-by', path: 'by' },
  { input: '#advice-start', path: 'horizon.start' },
  { input: '#advice-weeks', path: 'horizon.weeks' },
  { input: '#advice-time-limit', path: 'timeLimitSeconds' },
];

function labelled(id, label, control) {
  control.id = id;
  control.setAttribute('aria-describedby', `${id}-error`);
  return el('label', {}, label, control, el('span', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

function addCandidate() {
  const n = ++rows;
  const id = (field) => `advice-c${n}-${field}`;
  const row = el('div', { class: 'candidate', dataset: { row: n } },
    labelled(id('like'), 'Like caregiver', el('select', {}, el('option', { value: '' }, '— none: as given here —'),
      [...state.caregivers].sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id)).map((c) => el('option', { value: c.id }, `${c.name ?? c.id} (${c.id})`)))),
    labelled(id('hours'), 'Contract hours per week', el('input', { type: 'number', min: 0, max: 168, step: 'any' })),
    labelled(id('type'), 'Employment type', el('select', {}, el('option', { value: '' }, '— as the caregiver, or permanent —'), employmentTypes.map((t) => el('option', { value: t }, t)))),
    labelled(id('skills'), 'Skills (comma-separated)', el('input', { type: 'text', spellcheck: 'false' })),
    labelled(id('groups'), 'Allowed groups (none: any)', el('select', { multiple: true, size: Math.min(4, Math.max(2, state.groups.length)) },
      state.groups.map((g) => el('option', { value: g.id }, g.name ?? g.id)))),
    labelled(id('price'), 'Price of one hire', el('input', { type: 'number', min: 0, step: 'any', placeholder: '1' })),
    labelled(id('max'), 'Up to how many', el('input', { type: 'number', min: 1, max: 20, value: 1 })),
    el('button', { type: 'button', onclick: () => { row.remove(); } }, 'Remove candidate'),
    el('span', { class: 'field-error row-error', id: `advice-c${n}-error`, hidden: true }));
  $('#advice-candidates').append(row);
  return row;
}

/** One row as a candidate of the candidates file (docs/formats.md): only what is filled in, so "like" copies the rest. */
function candidateOf(row) {
  const value = (field) => row.querySelector(`#advice-c${row.dataset.row}-${field}`);
  const candidate = {};
  if (value('like').value) candidate.like = value('like').value;
  if (value('hours').value !== '' || value('type').value || !candidate.like) {
    candidate.contract = { hoursPerWeek: value('hours').value === '' ? null : Number(value('hours').value) };
    if (value('type').value) candidate.contract.employmentType = value('type').value;
  }
  const skills = value('skills').value.split(',').map((s) => s.trim()).filter(Boolean);
  if (skills.length || !candidate.like) candidate.skills = skills;
  const groups = [...value('groups').selectedOptions].map((o) => o.value);
  if (groups.length) candidate.allowedGroups = groups;
  if (value('price').value !== '') candidate.price = Number(value('price').value);
  if (value('max').value !== '') candidate.maxCount = Number(value('max').value);
  return candidate;
}

function requestFromForm() {
  const number = (selector) => ($(selector).value === '' ? undefined : Number($(selector).value));
  const target = { lowestChildAtLeast: number('#advice-lowest'), underThreesMeanAtLeast: number('#advice-under-threes'), distinctPerWeekAtMost: number('#advice-distinct') };
  return {
    horizon: { start: $('#advice-start').value, weeks: Number($('#advice-weeks').value) },
    candidates: [...$('#advice-candidates').children].map(candidateOf),
    by: $('#advice-by').value,
    target: JSON.parse(JSON.stringify(target)), // unset bounds are left out
    timeLimitSeconds: Number($('#advice-time-limit').value),
  };
}

/** The field showing an error of this path: a candidate's field, a candidate's row, or a field of the form. */
function placeOf(path) {
  const candidate = /^candidates\[(\d+)\]\.?(.*)$/.exec(path);
  if (candidate) {
    const row = $('#advice-candidates').children[Number(candidate[1])];
    if (!row) return null;
    const field = candidateFields.find((f) => f.paths.some((p) => candidate[2] === p || candidate[2].startsWith(`${p}.`) || candidate[2].startsWith(`${p}[`)));
    return field ? row.querySelector(`#advice-c${row.dataset.row}-${field.id}`) : row.querySelector('.row-error');
  }
  const field = formFields.find((f) => path === f.path || path.startsWith(`${f.path}.`));
  return field ? $(field.input) : null;
}

/** Puts each of the problem document's errors at the field its path names; the rest, and those of another resource, in the form's error line. */
function showProblem(error) {
  const form = $('#advice-form');
  for (const node of form.querySelectorAll('.field-error')) { node.hidden = true; node.textContent = ''; }
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const e of error?.problem?.errors ?? []) {
    // An error with a resource names a path in that resource (a scenario's changed document), not in this form.
    const place = e.resource ? null : placeOf((e.path ?? '').replace(/^\$\.?/, ''));
    if (!place) {
      unplaced.push(`${e.resource ? `${e.resource} ` : ''}${e.path}: ${e.reason}`);
      continue;
    }
    const node = place.classList.contains('row-error') ? place : $(`#${place.id}-error`);
    node.textContent = [node.textContent, e.reason].filter(Boolean).join('; ');
    node.hidden = false;
    if (node !== place) place.setAttribute('aria-invalid', 'true');
  }
  const message = !error ? '' : unplaced.length || !(error.problem?.errors?.length)
    ? `${error.problem?.title ?? error.message}${error.problem?.detail ? `: ${error.problem.detail}` : ''}${unplaced.length ? ` — ${unplaced.join('; ')}` : ''}` : '';
  $('#advice-form-error').textContent = message;
  $('#advice-form-error').hidden = !message;
}

async function run(event) {
  event.preventDefault();
  await busy($('#advice-run'), async () => {
    try {
      const scenario = $('#advice-scenario').value;
      const path = scenario ? `/scenarios/${encodeURIComponent(scenario)}/advice` : '/advice';
      const job = await api(path, { method: 'POST', body: JSON.stringify(requestFromForm()) });
      showProblem(null);
      $('#advice-result').hidden = true;
      follower.follow(job.id);
    } catch (error) {
      showProblem(error);
      $('#advice-status').textContent = 'The advice was not started: see the fields marked.';
    }
  });
}


/** The figures before → after, as the API gives them. */
function figures(advice) {
  const before = advice.continuityBefore;
  const after = advice.continuityAfter;
  return [
    ['Uncovered person-shifts', formatInteger(advice.uncoveredBefore ?? advice.uncoveredBeforeFound), formatInteger(advice.uncoveredAfter)],
    ['Institution mean', formatScore(before.mean), formatScore(after.mean)],
    ['Lowest child', formatScore(before.min), formatScore(after.min)],
    ["Under-threes' mean", formatScore(before.underThreeMean), formatScore(after.underThreeMean)],
    ['Distinct caregivers per child per week', formatNumber(before.distinctPerWeek), formatNumber(after.distinctPerWeek)],
    ['Most distinct caregivers per week of one child', formatNumber(advice.mostDistinctPerWeekBefore), formatNumber(advice.mostDistinctPerWeekAfter)],
  ];
}

function render(advice) {
  const missed = advice.targetMisses?.length ? `Target missed: ${advice.targetMisses.join('; ')}.` : '';
  const proven = advice.provenSeconds == null ? '' : `Proven after ${formatNumber(advice.provenSeconds)} s of ${formatNumber(advice.seconds)} s.`;
  $('#advice-status-text').textContent = [advice.headline, advice.statusText, proven, missed].filter(Boolean).join(' ');
  $('#advice-hires').replaceChildren(...(advice.hires.length
    ? advice.hires.map((h) => el('li', { dataset: { candidate: h.candidate ?? h.like ?? '' } }, h.text,
      h.caregiverIds.length ? ` — in the rota as ${h.caregiverIds.join(', ')}` : '', h.like ? ` (${caregiverName(h.like)}'s contract, skills and groups)` : ''))
    : [el('li', {}, advice.headline ? 'No hire needed.' : 'None that reach the target.')]));
  $('#advice-figures tbody').replaceChildren(...figures(advice).map(([label, before, after]) => el('tr', { dataset: { figure: label } },
    el('th', { scope: 'row' }, label), el('td', { class: 'number' }, before), el('td', { class: 'number' }, after))));
  $('#advice-diagnosis').replaceChildren(...advice.diagnosis.map((line) => el('li', {}, line)));
  $('#advice-diagnosis-title').hidden = advice.diagnosis.length === 0;
  $('#advice-result').hidden = false;
}

/** The scenarios the advice can be asked of (GET /scenarios); the choice made stays while that scenario is there. */
export function setAdviceScenarios(scenarios) {
  const select = $('#advice-scenario');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, "the institution's own data"),
    ...scenarios.map((s) => el('option', { value: s.id }, `scenario: ${s.name ?? s.id}`)));
  select.value = scenarios.some((s) => s.id === chosen) ? chosen : '';
}


/** After connecting: a first empty candidate row (the caregivers and groups are known now) and the next Monday. */
export function resetAdvice() {
  follower.stop();
  $('#advice-candidates').replaceChildren();
  addCandidate();
  $('#advice-result').hidden = true;
  $('#advice-status').textContent = '';
  showProblem(null);
  if (!$('#advice-start').value) $('#advice-start').value = daysFrom(localToday(), 8).slice(1).find((d) => weekdayOf(d) === 'monday');
}

export function setUpAdvice() {
  $('#advice-form').addEventListener('submit', run);
  $('#advice-add-candidate').addEventListener('click', () => addCandidate().querySelector('select, input')?.focus());
  $('#advice-cancel').addEventListener('click', follower.cancel);
}
