// What goes on the staff-room wall: one A4 landscape page per group and week of the rota shown (caregivers by days, shift
// times; the group's children are never named), and one caregiver's month from the published rotas. Printed by the browser.
import { $, el, sum, dayHeading, horizonDays, daysFrom, isWeekend, localToday, showMessage } from './dom.js';
import { state, api, loadRotaDetails, groupIds, groupName, groupLetter, groupColour, caregiverName } from './session.js';

const time = (instant) => instant.slice(11, 16);
const shiftLine = (s) => `${s.shiftType} ${time(s.start)}–${time(s.end)}`;

function shiftTypeLegend() {
  return el('p', { class: 'print-legend' }, state.shiftTypes.map((t) => `${t.code} = ${t.name ?? t.code} ${t.start}–${t.end}`).join(' · '));
}

/** A group-week page: the caregivers with a shift in the group that week, in name order, by the week's seven days. */
function wallPage(rota, groupId, week, shifts) {
  const mine = shifts.filter((s) => s.groupIds.includes(groupId) && week.includes(s.date));
  const caregivers = [...new Set(mine.map((s) => s.caregiverId))].sort((a, b) => caregiverName(a).localeCompare(caregiverName(b)));
  const status = rota.status === 'published' ? '' : ` — ${rota.status.toUpperCase()}, not the rota in force`;
  return el('article', { class: 'wall-page', dataset: { groupId, weekStart: week[0] } },
    el('h2', {}, el('span', { class: 'group-badge', style: `background: ${groupColour(groupId)}` }, groupLetter(groupId)), ` ${groupName(groupId)} · week of ${dayHeading(week[0])}.${week[0].slice(0, 4)} – ${dayHeading(week[6])}${status}`),
    el('table', { class: 'wall' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Caregiver'), week.map((d) => el('th', { scope: 'col', class: isWeekend(d) ? 'weekend' : undefined }, dayHeading(d))))),
      el('tbody', {}, caregivers.map((id) => el('tr', { dataset: { caregiverId: id } }, el('th', { scope: 'row' }, caregiverName(id)),
        week.map((d) => el('td', { class: isWeekend(d) ? 'weekend' : undefined }, mine.filter((s) => s.caregiverId === id && s.date === d).map((s) => el('div', {}, shiftLine(s))))))))),
    caregivers.length ? null : el('p', {}, 'Nobody is on duty in this group this week.'),
    shiftTypeLegend());
}

async function showWallRota() {
  const rotaId = state.selectedRotaId;
  if (!rotaId) return;
  try {
    const { rota } = await loadRotaDetails(rotaId);
    const days = horizonDays(rota.rota.horizonStart, rota.rota.weeks);
    const weeks = Array.from({ length: rota.rota.weeks }, (_, w) => days.slice(w * 7, w * 7 + 7));
    const pages = groupIds().flatMap((groupId) => weeks.map((week) => wallPage(rota.rota, groupId, week, rota.shifts)));
    $('#print-area').replaceChildren(...pages);
    $('#print-area').dataset.view = 'wall';
    $('#print-area').dataset.rotaId = rotaId;
    $('#print-status').textContent = `Wall rota ready: ${pages.length} page(s), one per group and week.`;
    $('#print').disabled = false;
    $('#print-section').scrollIntoView();
    $('#print').focus();
  } catch (error) {
    showMessage(`The wall rota was not made: ${error.message}`);
  }
}

/** One caregiver's month from the published rotas, as a calendar of weeks (Monday first). */
async function showMonth(event) {
  event.preventDefault();
  const caregiverId = $('#month-caregiver').value;
  const month = $('#month-month').value; // yyyy-mm
  const first = `${month}-01`;
  const length = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const monthDays = daysFrom(first, length);
  try {
    const rotas = await api(`/rotas?status=published&from=${first}&to=${monthDays.at(-1)}`);
    const details = await Promise.all(rotas.map((r) => loadRotaDetails(r.id)));
    const shifts = details.flatMap((d) => d.rota.shifts).filter((s) => s.caregiverId === caregiverId && s.date.startsWith(month));
    const covered = new Set(details.flatMap((d) => horizonDays(d.rota.rota.horizonStart, d.rota.rota.weeks)));
    const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7; // days before the 1st in its week
    const cells = [...Array(lead).fill(null), ...monthDays];
    const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    const hours = sum(shifts, (s) => s.workingHours);
    $('#print-area').replaceChildren(el('article', { class: 'month-page', dataset: { caregiverId, month } },
      el('h2', {}, `${caregiverName(caregiverId)} · ${new Date(`${first}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`),
      el('p', {}, `${shifts.length} shift(s), ${hours.toFixed(1)} working hours in the published rotas.`),
      el('table', { class: 'wall month' },
        el('thead', {}, el('tr', {}, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => el('th', { scope: 'col' }, d)))),
        el('tbody', {}, weeks.map((week) => el('tr', {}, week.map((day) => (day === null ? el('td', { class: 'outside' })
          : el('td', { dataset: { date: day }, class: [isWeekend(day) && 'weekend', !covered.has(day) && 'unpublished'].filter(Boolean).join(' ') || undefined },
            el('b', {}, Number(day.slice(8, 10))),
            shifts.filter((s) => s.date === day).map((s) => el('div', { class: 'month-shift', dataset: { shiftType: s.shiftType } }, `${shiftLine(s)} · ${s.groupIds.map(groupName).join(' + ')}`)),
            covered.has(day) ? null : el('div', { class: 'hint' }, 'not yet published')))))))),
      shiftTypeLegend()));
    $('#print-area').dataset.view = 'month';
    $('#print-status').textContent = `${caregiverName(caregiverId)}'s month ready: ${shifts.length} shift(s).`;
    $('#print').disabled = false;
  } catch (error) {
    showMessage(`The month was not made: ${error.message}`);
  }
}

/** The caregiver list and this month, once the master data is loaded. */
export function fillPrintChoices() {
  const chosen = $('#month-caregiver').value;
  $('#month-caregiver').replaceChildren(...[...state.caregivers].sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id))
    .map((c) => el('option', { value: c.id, selected: c.id === chosen }, `${c.name ?? c.id} (${c.id})`)));
  if (!$('#month-month').value) $('#month-month').value = localToday().slice(0, 7);
}

export function setUpPrint() {
  $('#show-wall-rota').addEventListener('click', showWallRota);
  $('#month-form').addEventListener('submit', showMonth);
  $('#print').addEventListener('click', () => window.print());
}
