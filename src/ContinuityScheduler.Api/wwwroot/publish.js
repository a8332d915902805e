// Publishing a draft: a summary first (hard rules broken, posts uncovered, hours against contract), and a confirmation when a hard
// rule is broken; If-Match carries the rota's ETag so a rota changed meanwhile is refused, never published unseen.
import { $, el, sum, formatHours, busy, openDialog, showMessage } from './dom.js';
import { state, request, loadRotaDetails, caregiverName } from './session.js';
import { refreshRotas, selectRota } from './app.js';

let publishing = null; // { rotaId, etag, hard } while the dialog is open

export function updatePublishButton(rota) {
  $('#publish-rota').disabled = rota.status !== 'draft';
  $('#publish-rota').title = rota.status === 'draft' ? '' : `This rota is ${rota.status}: only a draft can be published.`;
}

export async function openPublishDialog(rotaId) {
  try {
    const [response, { rota, violations }] = await Promise.all([request(`/rotas/${rotaId}`), loadRotaDetails(rotaId)]);
    publishing = { rotaId, etag: response.headers.get('ETag'), hard: violations.hardCount };
    $('#publish-title').textContent = `Publish the rota of ${rota.rota.horizonStart} (${rota.rota.weeks} week${rota.rota.weeks > 1 ? 's' : ''})`;
    $('#publish-summary').replaceChildren(...publishSummary(rota, violations));
    $('#publish-confirm').checked = false;
    $('#publish-confirm').required = violations.hardCount > 0;
    $('#publish-confirm-label').hidden = violations.hardCount === 0;
    $('#publish-confirm-text').textContent = `Publish although ${violations.hardCount} hard rule violation(s) remain`;
    $('#publish-error').hidden = true;
    openDialog($('#publish-dialog'));
  } catch (error) {
    showMessage(`Could not prepare the publication: ${error.message}`);
  }
}

function publishSummary(rota, violations) {
  const hard = violations.violations.filter((v) => v.severity === 'hard');
  const uncovered = hard.filter((v) => v.code === 'coverage');
  const byCode = new Map();
  for (const v of hard) byCode.set(v.code, (byCode.get(v.code) ?? 0) + 1);
  const outsideContract = new Set(hard.filter((v) => v.code === 'contract-hours').map((v) => v.caregiverId));
  const weeks = rota.rota.weeks;
  // Relief and agency hours are a ceiling, not a target (docs/rules.md): only hours above it are a difference.
  const hours = state.caregivers.map((c) => {
    const worked = sum(rota.shifts.filter((s) => s.caregiverId === c.id), (s) => s.workingHours);
    const contract = (c.contract?.hoursPerWeek ?? 0) * weeks;
    const ceiling = ['relief', 'agency'].includes(c.contract?.employmentType);
    return { id: c.id, worked, contract, ceiling, difference: ceiling ? Math.max(0, worked - contract) : worked - contract };
  }).filter((h) => Math.abs(h.difference) >= 0.05).sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
  return [
    el('dl', { class: 'summary' },
      el('div', { dataset: { measure: 'hard' } }, el('dt', {}, 'Hard violations'), el('dd', {}, violations.hardCount)),
      el('div', { dataset: { measure: 'uncovered' } }, el('dt', {}, 'Uncovered posts'), el('dd', {}, uncovered.length)),
      el('div', { dataset: { measure: 'soft' } }, el('dt', {}, 'Soft violations'), el('dd', {}, violations.softCount)),
      el('div', { dataset: { measure: 'hours' } }, el('dt', {}, 'Worked hours'), el('dd', {}, formatHours(sum(rota.shifts, (s) => s.workingHours))))),
    hard.length ? el('p', { class: 'warning' }, '⚠ Hard rules broken: ', [...byCode].map(([code, n]) => `${code} × ${n}`).join(', '),
      uncovered.length ? `. Uncovered: ${uncovered.slice(0, 5).map((v) => `${v.from} ${v.message}`).join('; ')}${uncovered.length > 5 ? '; …' : ''}` : '') : el('p', {}, '✓ No hard rule is broken.'),
    el('h3', {}, 'Hours against contract'),
    hours.length ? el('div', { class: 'grid-scroll short' }, el('table', { class: 'data', id: 'publish-hours' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Caregiver'), el('th', { class: 'number' }, 'Worked'), el('th', { class: 'number' }, `Contract × ${weeks} wk`), el('th', { class: 'number' }, 'Difference'), el('th', {}, 'Outside tolerance'))),
      el('tbody', {}, hours.map((h) => el('tr', { dataset: { caregiverId: h.id } }, el('th', { scope: 'row' }, caregiverName(h.id)),
        el('td', { class: 'number' }, formatHours(h.worked)), el('td', { class: 'number' }, `${h.ceiling ? 'at most ' : ''}${formatHours(h.contract)}`),
        el('td', { class: 'number' }, `${h.difference > 0 ? '+' : ''}${formatHours(h.difference)}`),
        el('td', {}, outsideContract.has(h.id) ? '⚠ yes (contract-hours)' : '')))))) : el('p', {}, 'Every caregiver works their contract hours (relief and agency staff within theirs).'),
  ];
}

async function publish(event) {
  if (event.submitter?.value !== 'publish' || !publishing) return;
  event.preventDefault();
  await busy($('#publish-go'), () => send(publishing));
}

async function send({ rotaId, etag, hard }) {
  try {
    const confirm = hard > 0 ? '?confirm=true' : '';
    await request(`/rotas/${rotaId}/publish${confirm}`, { method: 'POST', headers: etag ? { 'If-Match': etag } : {} });
    $('#publish-dialog').close();
    publishing = null;
    state.rotaDetails.clear(); // its status changed, and that of any rota it superseded
    await refreshRotas();
    await selectRota(rotaId);
    showMessage('Published: staff see this rota, and it is the history of the next horizon.', 'info');
    $('#rota-title').focus(); // the button that opened the dialog is disabled now
  } catch (error) {
    $('#publish-error').textContent = error.status === 412
      ? 'The rota changed since this summary was made (412), so it was not published: close and open Publish again to see it as it is.'
      : error.message;
    $('#publish-error').hidden = false;
  }
}

export function setUpPublish() {
  $('#publish-rota').addEventListener('click', () => openPublishDialog(state.selectedRotaId));
  $('#publish-form').addEventListener('submit', publish);
}
