// "X called in sick": the repair job of a rota, and what its proposed rota changes against the rota it repairs.
import { $, el, dayHeading, horizonDays, localToday, busy, openDialog, showMessage } from './dom.js';
import { state, api, absenceId, caregiverName, groupName } from './session.js';
import { followJob } from './app.js';
import { openPublishDialog } from './publish.js';

// jobId → { baseRotaId, caregiverId, from, to, rotaId? }: the page remembers which rota each repair started from.
let repairs = {};
const storageKey = () => `continuity.repairs.${state.institutionId}`;

function loadRepairs() {
  try {
    repairs = JSON.parse(localStorage.getItem(storageKey()) ?? '{}') ?? {};
  } catch {
    repairs = {};
  }
}

const saveRepairs = () => localStorage.setItem(storageKey(), JSON.stringify(repairs));

/** The repair that made this rota, when this browser asked for it. */
export function repairBaseOf(rotaId) {
  loadRepairs();
  return Object.values(repairs).find((r) => r.rotaId === rotaId) ?? null;
}

/** A finished job's rota is recorded against the repair that asked for it. */
export function noteRepairResult(job) {
  loadRepairs();
  if (job.kind === 'repair' && repairs[job.id] && job.rotaId) {
    repairs[job.id].rotaId = job.rotaId;
    saveRepairs();
  }
}

const shiftWords = (s) => `${s.shiftType} ${groupName(s.groupIds[0] ?? '')}${s.groupIds.length > 1 ? ` + ${s.groupIds.slice(1).map(groupName).join(' + ')}` : ''}`;

/** "caregiver|date" → "before → after" for each caregiver-day whose shifts differ between the two rotas. */
export function cellChanges(before, after) {
  const byCell = (shifts) => {
    const cells = new Map();
    for (const s of shifts) {
      const key = `${s.caregiverId}|${s.date}`;
      cells.set(key, [...(cells.get(key) ?? []), s]);
    }
    return cells;
  };
  const old = byCell(before);
  const now = byCell(after);
  const words = (shifts) => (shifts?.length ? shifts.map(shiftWords).sort().join(', ') : 'free');
  const signature = (shifts) => (shifts ?? []).map((s) => `${s.demandId}|${s.shiftType}`).sort().join();
  const changes = new Map();
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    if (signature(old.get(key)) !== signature(now.get(key))) changes.set(key, `${words(old.get(key))} → ${words(now.get(key))}`);
  }
  return changes;
}

/** Under the grid of a repair's rota: how many cells changed, and who was asked to change what. */
export function renderChanges(details, baseDetails, base, changes) {
  const section = $('#rota-changes');
  if (!base || !changes) {
    section.hidden = true;
    return;
  }
  const byCaregiver = new Map();
  for (const [key, words] of [...changes].sort()) {
    const [caregiverId, date] = key.split('|');
    byCaregiver.set(caregiverId, [...(byCaregiver.get(caregiverId) ?? []), `${dayHeading(date)}: ${words}`]);
  }
  const asked = [...byCaregiver.keys()].filter((id) => id !== base.caregiverId);
  $('#rota-changes-summary').textContent = `${caregiverName(base.caregiverId)} is off sick ${base.from === base.to ? `on ${base.from}` : `from ${base.from} to ${base.to}`}. `
    + `${changes.size} caregiver-day(s) changed against the rota of ${baseDetails.rota.rota.horizonStart} (${baseDetails.rota.rota.status}); `
    + `${asked.length} colleague(s) asked to change: ${asked.map(caregiverName).join(', ') || 'nobody'}`;
  $('#rota-changes-list').replaceChildren(...[...byCaregiver].map(([caregiverId, lines]) => el('li', { dataset: { caregiverId, asked: caregiverId !== base.caregiverId } },
    el('b', {}, caregiverName(caregiverId)), caregiverId === base.caregiverId ? ' (sick)' : ' (asked)', ': ', lines.join('; '))));
  $('#publish-repair').hidden = details.rota.rota.status !== 'draft';
  section.hidden = false;
}

function openSickDialog() {
  const rota = state.rotas.find((r) => r.id === state.selectedRotaId);
  if (!rota) return;
  const days = horizonDays(rota.horizonStart, rota.weeks);
  const today = localToday();
  const first = days.includes(today) ? today : days[0];
  for (const input of [$('#sick-from'), $('#sick-to')]) {
    input.min = days[0];
    input.max = days.at(-1);
    input.value = first;
  }
  $('#sick-caregiver').replaceChildren(...[...state.caregivers].sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id))
    .map((c) => el('option', { value: c.id }, `${c.name ?? c.id} (${c.id})`)));
  $('#sick-error').hidden = true;
  openDialog($('#sick-dialog'));
}

/** Records the sickness as an absence, creating only: an absence of that id (HR's own record, say) is kept as it is. */
async function recordSickness(caregiverId, from, to) {
  const id = absenceId(caregiverId, 'sickness', from);
  try {
    await api(`/absences/${encodeURIComponent(id)}`, { method: 'PUT', headers: { 'If-None-Match': '*' }, body: JSON.stringify({ id, caregiverId, kind: 'sickness', from, to }) });
    return '';
  } catch (error) {
    if (error.status !== 412) throw error;
    return ` The absence ${id} existed already and was left as it is.`;
  }
}

async function startRepair(event) {
  if (event.submitter?.value !== 'repair') return;
  event.preventDefault();
  await busy($('#sick-go'), () => repair(state.selectedRotaId, $('#sick-caregiver').value, $('#sick-from').value, $('#sick-to').value));
}

async function repair(rotaId, caregiverId, from, to) {
  try {
    const recorded = $('#sick-record').checked ? await recordSickness(caregiverId, from, to) : '';
    const job = await api(`/rotas/${rotaId}/repair`, { method: 'POST', body: JSON.stringify({ caregiverId, from, to, timeLimitSeconds: Number($('#sick-time-limit').value) }) });
    loadRepairs();
    repairs[job.id] = { baseRotaId: rotaId, caregiverId, from, to };
    saveRepairs();
    $('#sick-dialog').close();
    showMessage(`Repairing the rota for ${caregiverName(caregiverId)}'s sickness: the proposed rota opens when the job ends.${recorded}`, 'info');
    followJob(job);
  } catch (error) {
    $('#sick-error').textContent = error.message;
    $('#sick-error').hidden = false;
  }
}

export function setUpSickCall() {
  $('#sick-call').addEventListener('click', openSickDialog);
  $('#sick-form').addEventListener('submit', startRepair);
  $('#sick-from').addEventListener('change', () => { if ($('#sick-to').value < $('#sick-from').value) $('#sick-to').value = $('#sick-from').value; });
  $('#publish-repair').addEventListener('click', () => openPublishDialog(state.selectedRotaId));
}
