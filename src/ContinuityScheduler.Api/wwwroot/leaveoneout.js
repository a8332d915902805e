// If one caregiver left…: the leave-one-out view of a stored rota as a job (POST …/leave-one-out, followed at GET …/leave-one-out/{id}), most harmful first.
import { $, el, formatScore, formatInteger, busy, shortId } from './dom.js';
import { state, api, groupName } from './session.js';
import { jobFollower } from './jobs.js';

const follower = jobFollower({
  path: '/leave-one-out', label: 'Leave-one-out', noun: 'the leave-one-out view', status: '#leave-status', cancelButton: '#leave-cancel', result: '#leave-result',
  answerOf: (view) => view.view, show: (view) => render(view),
});

let choicesKey = ''; // the rotas and the one shown when the choices were last built

/** The form's fields and the request paths whose errors they show. */
const formFields = [
  { input: '#leave-rota', path: 'rotaId' },
  { input: '#leave-caregivers', path: 'caregivers' },
  { input: '#leave-time-limit', path: 'timeLimitSeconds' },
];

const rotaLabel = (rota) => `${rota.horizonStart} · ${rota.weeks} wk · ${rota.madeBy} · ${rota.status} · ${shortId(rota.id)}`;

/** The rotas to choose from, the one shown first; keeps the choice made when it still exists. */
function refreshChoices() {
  const key = [state.selectedRotaId, ...state.rotas.map((r) => `${r.id}:${r.status}`), state.caregivers.length].join();
  if (key === choicesKey) return; // rebuilding an open select would close it
  choicesKey = key;
  const rotaSelect = $('#leave-rota');
  const chosen = rotaSelect.value;
  const shown = state.rotas.find((r) => r.id === state.selectedRotaId);
  rotaSelect.replaceChildren(el('option', { value: '' }, shown ? `The rota shown (${rotaLabel(shown)})` : '— the rota shown: none yet —'),
    ...state.rotas.map((r) => el('option', { value: r.id }, rotaLabel(r))));
  rotaSelect.value = state.rotas.some((r) => r.id === chosen) ? chosen : '';
  const caregivers = $('#leave-caregivers');
  if (caregivers.options.length !== state.caregivers.length) {
    caregivers.replaceChildren(...[...state.caregivers].sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id))
      .map((c) => el('option', { value: c.id }, `${c.name ?? c.id} (${c.id})`)));
  }
}

function requestFromForm() {
  const chosen = [...$('#leave-caregivers').selectedOptions].map((o) => o.value);
  const body = { rotaId: $('#leave-rota').value || state.selectedRotaId, timeLimitSeconds: Number($('#leave-time-limit').value) };
  if (chosen.length) body.caregivers = chosen;
  return body;
}

/** Puts each of the problem document's errors at the field its path names; the rest above the result. */
function showProblem(error) {
  const form = $('#leave-form');
  for (const node of form.querySelectorAll('.field-error')) { node.hidden = true; node.textContent = ''; }
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const e of error?.problem?.errors ?? []) {
    const path = (e.path ?? '').replace(/^\$\.?/, '');
    const field = formFields.find((f) => path === f.path || path.startsWith(`${f.path}.`) || path.startsWith(`${f.path}[`));
    if (!field) {
      unplaced.push(`${e.path}: ${e.reason}`);
      continue;
    }
    const node = $(`${field.input}-error`);
    node.textContent = [node.textContent, e.reason].filter(Boolean).join('; ');
    node.hidden = false;
    $(field.input).setAttribute('aria-invalid', 'true');
  }
  const message = !error ? '' : unplaced.length || !(error.problem?.errors?.length)
    ? `${error.problem?.title ?? error.message}${error.problem?.detail ? `: ${error.problem.detail}` : ''}${unplaced.length ? ` — ${unplaced.join('; ')}` : ''}` : '';
  $('#leave-form-error').textContent = message;
  $('#leave-form-error').hidden = !message;
}

async function run(event) {
  event.preventDefault();
  refreshChoices();
  await busy($('#leave-run'), async () => {
    try {
      const job = await api('/leave-one-out', { method: 'POST', body: JSON.stringify(requestFromForm()) });
      showProblem(null);
      $('#leave-result').hidden = true;
      follower.follow(job.id);
    } catch (error) {
      showProblem(error);
      $('#leave-status').textContent = 'Not started: see the fields marked.';
    }
  });
}


const beforeAfter = (before, after) => `${formatScore(before)} → ${formatScore(after)}`;

function render(view) {
  $('#leave-before').textContent = `${view.beforeText} ${view.summaryText}`;
  $('#leave-table tbody').replaceChildren(...view.caregivers.map((c) => el('tr', { dataset: { caregiverId: c.caregiverId }, title: c.text },
    el('th', { scope: 'row' }, c.name === c.caregiverId ? c.caregiverId : `${c.name} (${c.caregiverId})`),
    el('td', { class: 'number' }, `${formatInteger(c.uncovered)}${c.uncovered > 0 ? (c.uncoveredProven ? ' (proven)' : ' (fewer not ruled out)') : ''}${c.otherHardViolations ? `; ${c.otherHardViolations} other hard` : ''}`),
    el('td', {}, c.groupLosingMost ? `${c.groupLosingMost.name ?? groupName(c.groupLosingMost.groupId)} ${beforeAfter(c.groupLosingMost.before, c.groupLosingMost.after)}` : 'none falls'),
    el('td', {}, c.childrenFallingMost.length
      ? c.childrenFallingMost.map((k) => `${k.childId}${k.underThree ? ' ▲' : ''} ${beforeAfter(k.before, k.after)}`).join(', ')
      : 'none falls'),
    el('td', { class: 'number' }, beforeAfter(c.weightedMeanBefore, c.weightedMeanAfter)))));
  $('#leave-result').hidden = false;
}


/** After connecting: nothing followed, the choices of the new institution. */
export function resetLeaveOneOut() {
  follower.stop();
  $('#leave-caregivers').replaceChildren();
  choicesKey = '';
  refreshChoices();
  $('#leave-result').hidden = true;
  $('#leave-status').textContent = '';
  showProblem(null);
}

export function setUpLeaveOneOut() {
  $('#leave-form').addEventListener('submit', run);
  // The rotas and the one shown change as the user works: the choices are read afresh when the form is used.
  $('#leave-form').addEventListener('focusin', refreshChoices);
  $('#leave-cancel').addEventListener('click', follower.cancel);
}
