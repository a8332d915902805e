// Files the API gives only with the key: the rota's payroll CSV and a caregiver's calendar; and a caregiver's secret feed address.
import { $, el, download, showMessage } from './dom.js';
import { state, request, caregiverName } from './session.js';

async function downloadPayroll() {
  const rota = state.rotas.find((r) => r.id === state.selectedRotaId);
  if (!rota) return;
  try {
    const response = await request(`/rotas/${rota.id}/payroll.csv`, { headers: { Accept: 'text/csv' } });
    download(`payroll-${state.institutionId}-${rota.horizonStart}.csv`, await response.blob());
  } catch (error) {
    showMessage(`The payroll CSV was not made: ${error.message}`);
  }
}

async function downloadCalendar(caregiverId) {
  try {
    const response = await request(`/caregivers/${encodeURIComponent(caregiverId)}/calendar.ics`, { headers: { Accept: 'text/calendar' } });
    download(`${caregiverId}.ics`, await response.blob());
  } catch (error) {
    showMessage(`The calendar was not made: ${error.message}`);
  }
}

/** A new secret address for calendar apps (which cannot send a key); it ends the previous one, so the page asks first. */
async function newFeedAddress(caregiverId, cell) {
  if (!window.confirm(`Make a new calendar address for ${caregiverName(caregiverId)}? The previous address stops working.`)) return;
  try {
    const feed = await (await request(`/caregivers/${encodeURIComponent(caregiverId)}/calendar-feed`, { method: 'POST' })).json();
    if (!feed?.url) throw new Error('the answer holds no address');
    const address = new URL(feed.url, window.location.origin).href;
    const field = el('input', { type: 'text', readonly: true, value: address, class: 'feed-address', size: 60, dataset: { caregiverId } });
    cell.replaceChildren(el('label', {}, `Feed of ${caregiverName(caregiverId)} (shown once)`, field));
    field.focus();
    field.select();
  } catch (error) {
    showMessage(`No calendar address was made: ${error.message}`);
  }
}

/** The calendar buttons of a caregiver's row in the master-data list. */
export function calendarButtons(caregiverId) {
  const holder = el('span', { class: 'calendar' });
  holder.append(
    el('button', { type: 'button', class: 'link calendar-ics', 'aria-label': `Calendar file of ${caregiverName(caregiverId)}`, onclick: () => downloadCalendar(caregiverId) }, 'calendar'), ' ',
    el('button', { type: 'button', class: 'link calendar-feed', 'aria-label': `New calendar feed address for ${caregiverName(caregiverId)}`, onclick: () => newFeedAddress(caregiverId, holder) }, 'feed address'));
  return holder;
}

export function setUpDownloads() {
  $('#payroll-csv').addEventListener('click', downloadPayroll);
}
