// Pins: a manager's "this caregiver works this post that day" or "leaves that day free", kept in this browser per institution
// and sent with the next solve of a horizon that holds their date (docs/formats.md, pins[]).
import { $, el, dayHeading, horizonDays, weekdayOf, openDialog } from './dom.js';
import { state, caregiverName, groupName } from './session.js';

let pins = [];
let editing = null; // { caregiverId, date } while the dialog is open

const storageKey = () => `continuity.pins.${state.institutionId}`;
const changed = () => document.dispatchEvent(new CustomEvent('pins-changed'));

export function loadPins() {
  try {
    pins = JSON.parse(localStorage.getItem(storageKey()) ?? '[]').filter((p) => p && p.caregiverId && p.date && ['require', 'forbid'].includes(p.kind));
  } catch {
    pins = []; // a damaged entry is dropped rather than sent to the solver
  }
}

function savePins() {
  localStorage.setItem(storageKey(), JSON.stringify(pins));
  changed();
}

/** The page keeps one pin per caregiver and day. */
export const pinAt = (caregiverId, date) => pins.find((p) => p.caregiverId === caregiverId && p.date === date);

/** The pins whose date lies in the horizon, as the solve request wants them. */
export function pinsWithin(horizonStart, weeks) {
  const days = new Set(horizonDays(horizonStart, weeks));
  return pins.filter((p) => days.has(p.date)).map(({ kind, caregiverId, date, demandId }) => (kind === 'require' ? { kind, caregiverId, date, demandId } : { kind, caregiverId, date }));
}

export function describePin(pin) {
  const who = `${caregiverName(pin.caregiverId)} on ${dayHeading(pin.date)}`;
  return pin.kind === 'require' ? `${who} works ${demandLabel(pin.demandId)}` : `${who} is free`;
}

function demandLabel(demandId) {
  const demand = state.demands.find((d) => d.id === demandId);
  return demand ? `${demand.shiftType} · ${demand.groupIds.map(groupName).join(' + ')} (${demand.id})` : demandId;
}

/** The posts open on a date: those naming neither weekdays nor dates, or naming this weekday or this date. */
function demandsOn(date) {
  const weekday = weekdayOf(date);
  return state.demands.filter((d) => (!(d.weekdays?.length) && !(d.dates?.length)) || d.weekdays?.includes(weekday) || d.dates?.includes(date));
}

export function openPinDialog(caregiverId, date, shifts) {
  editing = { caregiverId, date };
  const pin = pinAt(caregiverId, date);
  $('#pin-title').textContent = `Pin ${caregiverName(caregiverId)} on ${dayHeading(date)}`;
  $('#pin-now').textContent = shifts.length ? `In this rota: ${shifts.map((s) => `${s.shiftType} · ${s.groupIds.map(groupName).join(' + ')}`).join('; ')}.` : 'Free in this rota.';
  // The post the caregiver works now comes first: pinning it keeps the shift.
  const posts = demandsOn(date).sort((a, b) => Number(shifts.some((s) => s.demandId === b.id)) - Number(shifts.some((s) => s.demandId === a.id)) || a.id.localeCompare(b.id));
  $('#pin-demand').replaceChildren(...posts.map((d) => el('option', { value: d.id }, demandLabel(d.id))));
  if (pin?.kind === 'require') $('#pin-demand').value = pin.demandId;
  // Without a post that day there is nothing to require.
  document.querySelector('input[name="pin-kind"][value="require"]').disabled = posts.length === 0;
  $('#pin-demand').disabled = posts.length === 0;
  const kind = pin?.kind ?? 'none';
  for (const radio of document.querySelectorAll('input[name="pin-kind"]')) radio.checked = radio.value === kind;
  openDialog($('#pin-dialog'));
  document.querySelector('input[name="pin-kind"]:checked')?.focus();
}

function savePin(event) {
  const dialog = $('#pin-dialog');
  if (event.submitter?.value !== 'save' || !editing) return; // Cancel and Escape close the dialog as they are
  const kind = document.querySelector('input[name="pin-kind"]:checked')?.value ?? 'none';
  pins = pins.filter((p) => !(p.caregiverId === editing.caregiverId && p.date === editing.date));
  if (kind === 'require' && $('#pin-demand').value) pins.push({ kind, ...editing, demandId: $('#pin-demand').value });
  if (kind === 'forbid') pins.push({ kind, ...editing });
  pins.sort((a, b) => a.date.localeCompare(b.date) || a.caregiverId.localeCompare(b.caregiverId));
  editing = null;
  dialog.close();
  savePins();
}

function removePin(pin) {
  pins = pins.filter((p) => p !== pin);
  savePins();
}

export function renderPinList() {
  $('#pin-list').replaceChildren(...pins.map((pin) => el('li', { dataset: { caregiverId: pin.caregiverId, date: pin.date, kind: pin.kind } },
    pin.kind === 'require' ? '⚑ ' : '⊘ ', describePin(pin), ' ',
    el('button', { type: 'button', class: 'link remove-pin', 'aria-label': `Remove the pin: ${describePin(pin)}`, onclick: () => removePin(pin) }, 'remove'))));
  $('#pin-list-empty').hidden = pins.length > 0;
  $('#clear-pins').hidden = pins.length === 0;
  $('#pin-counts').textContent = pins.length ? `(${pins.length}; a solve sends those in its horizon)` : '';
}

export function setUpPins() {
  $('#pin-form').addEventListener('submit', savePin);
  $('#pin-demand').addEventListener('change', () => { document.querySelector('input[name="pin-kind"][value="require"]').checked = true; });
  $('#clear-pins').addEventListener('click', () => { pins = []; savePins(); });
}
