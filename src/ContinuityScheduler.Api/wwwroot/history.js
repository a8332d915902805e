// Caregivers over time: how many different adults the children met, week by week or month by month, on the published rotas
// and, as the reference, on the hospital-way rota of the same horizons (GET …/history, …/groups/{id}/history, …/children/{id}/history).
import { $, el, svg, gridLines, formatNumber } from './dom.js';
import { state, api, caregiverName, groupName } from './session.js';

const colours = { published: '#33658a', hospitalWay: '#b8c2cc' };
let children = []; // the children the scope list offers, from GET …/children
let asked = 0; // the latest request's number: an older answer arriving later is dropped

/** The scope's path and words: the whole home, a group or one child. */
function scope() {
  const [kind, id] = $('#history-scope').value.split(':');
  if (kind === 'group') return { kind, id, path: `/groups/${encodeURIComponent(id)}/history`, words: `the children of ${groupName(id)}` };
  if (kind === 'child') return { kind, id, path: `/children/${encodeURIComponent(id)}/history`, words: `child ${id}` };
  return { kind: 'home', path: '/history', words: 'the whole home' };
}

export async function fillHistoryScopes() {
  children = await api('/children');
  const chosen = $('#history-scope').value;
  $('#history-scope').replaceChildren(el('option', { value: 'home' }, 'The whole home'),
    el('optgroup', { label: 'Groups' }, state.groups.map((g) => el('option', { value: `group:${g.id}` }, g.name ?? g.id))),
    el('optgroup', { label: 'Children' }, children.map((c) => el('option', { value: `child:${c.id}` }, c.id))));
  if ([...$('#history-scope').options].some((o) => o.value === chosen)) $('#history-scope').value = chosen;
}

/** Shows a child's history, as the children table's links do. */
export function showChildHistory(childId) {
  if (![...$('#history-scope').options].some((o) => o.value === `child:${childId}`)) {
    $('#history-scope').append(el('option', { value: `child:${childId}` }, childId)); // a child the list did not have yet
  }
  $('#history-scope').value = `child:${childId}`;
  $('#history-section').scrollIntoView();
  return showHistory();
}

/** A period's figure: a child's distinct adults, or a group's or the home's mean over its children. */
const figure = (period) => period.distinct ?? period.meanDistinct;

async function showHistory(event) {
  event?.preventDefault();
  const chosen = scope();
  const query = new URLSearchParams();
  if ($('#history-from').value) query.set('from', $('#history-from').value);
  if ($('#history-to').value) query.set('to', $('#history-to').value);
  const by = $('#history-by').value;
  const area = $('#history-view');
  const number = ++asked;
  try {
    const history = await api(`${chosen.path}${query.size ? `?${query}` : ''}`);
    if (number !== asked) return;
    const published = history.published[by];
    const reference = new Map(history.hospitalWay[by].map((p) => [p.start, p]));
    const rows = published.map((p) => ({ start: p.start, published: p, hospitalWay: reference.get(p.start) }));
    const perChild = chosen.kind !== 'child';
    area.replaceChildren(
      el('p', {}, `${chosen.words[0].toUpperCase()}${chosen.words.slice(1)}, ${history.from} to ${history.to}: `,
        el('b', {}, `${history.published.distinct} different adults`), ` on the published rotas against ${history.hospitalWay.distinct} the hospital way`,
        `; ${count(history.published.departures)} departure(s) of a familiar adult against ${count(history.hospitalWay.departures)}.`,
        chosen.kind === 'child' && history.underThree ? ' ▲ Under three.' : ''),
      rows.length ? historyChart(rows, by, perChild) : el('p', { class: 'hint' }, 'No published rota in this period.'),
      historyTable(rows, by, perChild),
      chosen.kind === 'child' ? childDetails(history) : childrenTable(history.published.children, history.hospitalWay.children));
    area.dataset.scope = $('#history-scope').value;
    area.dataset.by = by;
    $('#history-status').textContent = `Shown: ${chosen.words}, ${rows.length} ${by}.`;
  } catch (error) {
    if (number !== asked) return;
    area.replaceChildren(el('p', { class: 'form-error', role: 'alert' }, `No history: ${error.message}`));
  }
}

const count = (departures) => (Array.isArray(departures) ? departures.length : departures);
const periodLabel = (start, by) => (by === 'months' ? start.slice(0, 7) : by === 'years' ? start.slice(0, 4) : start);

/** Two bars a period, published and the hospital way, on one scale; the table below holds the same numbers in words. */
function historyChart(rows, by, perChild) {
  const width = 760;
  const height = 220;
  const left = 34;
  const top = 12;
  const bottom = 44;
  const plot = height - top - bottom;
  const highest = Math.max(1, ...rows.flatMap((r) => [figure(r.published), r.hospitalWay ? figure(r.hospitalWay) : 0]));
  const scale = Math.ceil(highest / 5) * 5;
  const y = (value) => top + plot * (1 - value / scale);
  const slot = (width - left - 8) / rows.length;
  const bar = Math.min(28, slot * 0.38);
  const ticks = gridLines([0, scale / 2, scale], y, left, width - 8, (tick) => formatNumber(tick).replace('.0', ''));
  const bars = rows.map((row, i) => {
    const x = left + i * slot + slot / 2 - bar;
    return svg('g', { dataset: { start: row.start } },
      [['published', row.published], ['hospitalWay', row.hospitalWay]].filter(([, p]) => p).map(([side, p], k) =>
        svg('rect', { x: x + k * bar, y: y(figure(p)), width: bar - 2, height: y(0) - y(figure(p)), fill: colours[side], stroke: '#555', 'stroke-width': 0.5, dataset: { side } },
          svg('title', {}, `${periodLabel(row.start, by)} · ${side === 'published' ? 'published' : 'hospital way'}: ${formatNumber(figure(p))}${perChild ? ' a child on average' : ''}`))),
      rows.length <= 26 ? svg('text', { x: x + bar, y: height - bottom + 14, 'text-anchor': 'middle', class: 'tick' }, periodLabel(row.start, by).slice(by === 'weeks' ? 5 : 0)) : null);
  });
  const legend = [['published', 'published rotas'], ['hospitalWay', 'the hospital way']].map(([side, words], k) => [
    svg('rect', { x: left + k * 170, y: height - 16, width: 12, height: 12, fill: colours[side], stroke: '#555', 'stroke-width': 0.5 }),
    svg('text', { x: left + k * 170 + 16, y: height - 6, class: 'label' }, words)]);
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'history-chart',
    'aria-label': `Different adults ${perChild ? 'a child met on average ' : ''}per ${by.slice(0, -1)}, published against the hospital way` }, ticks, bars, legend);
}

function historyTable(rows, by, perChild) {
  const head = perChild
    ? ['Period', 'Children', 'Mean, published', 'Most, published', 'Under-threes, published', 'Mean, hospital way', 'Under-threes, hospital way']
    : ['Period', 'Days', 'Adults, published', 'Adults, hospital way'];
  const mean = (value) => (value == null ? '–' : formatNumber(value));
  return el('table', { class: 'data', id: 'history-table' },
    el('caption', { class: 'visually-hidden' }, `Different adults per ${by.slice(0, -1)}`),
    el('thead', {}, el('tr', {}, head.map((h, i) => el('th', { class: i ? 'number' : undefined, scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', { dataset: { start: r.start } }, el('th', { scope: 'row' }, periodLabel(r.start, by)),
      perChild
        ? [r.published.children, mean(r.published.meanDistinct), r.published.maxDistinct, mean(r.published.underThreeMeanDistinct),
          mean(r.hospitalWay?.meanDistinct), mean(r.hospitalWay?.underThreeMeanDistinct)].map((v, i) => el('td', { class: 'number', dataset: { column: ['children', 'published', 'max', 'underThree', 'hospitalWay', 'hospitalWayUnderThree'][i] } }, v))
        : [r.published.days, r.published.distinct, r.hospitalWay?.distinct ?? '–'].map((v, i) => el('td', { class: 'number', dataset: { column: ['days', 'published', 'hospitalWay'][i] } }, v))))));
}

function childDetails(history) {
  const departures = history.published.departures;
  return el('div', { class: 'history-details' },
    el('h4', {}, 'There most (days with the child)'),
    el('ol', { id: 'history-most-present' }, history.published.mostPresent.map((m) => el('li', { dataset: { caregiverId: m.caregiverId } }, `${caregiverName(m.caregiverId)}: ${m.days}`))),
    el('h4', {}, 'Familiar adults who left the child\'s days'),
    departures.length
      ? el('ul', { id: 'history-departures' }, departures.map((d) => el('li', { dataset: { caregiverId: d.caregiverId, month: d.month } },
        `${caregiverName(d.caregiverId)}: a regular the month before, not with the child at all in ${d.month.slice(0, 7)}; last seen ${d.lastSeen}`)))
      : el('p', {}, 'None in this period.'));
}

function childrenTable(published, hospitalWay) {
  const reference = new Map(hospitalWay.map((c) => [c.childId, c]));
  return el('table', { class: 'data', id: 'history-children' },
    el('caption', {}, 'Each child over the period'),
    el('thead', {}, el('tr', {}, ['Child', 'Under 3', 'Days', 'Adults, published', 'Adults, hospital way', 'Departures'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, [...published].sort((a, b) => b.distinct - a.distinct || a.childId.localeCompare(b.childId)).map((c) => el('tr', { dataset: { childId: c.childId } },
      el('th', { scope: 'row' }, c.childId), el('td', {}, c.underThree ? '▲ yes' : ''), el('td', { class: 'number' }, c.days),
      el('td', { class: 'number' }, c.distinct), el('td', { class: 'number' }, reference.get(c.childId)?.distinct ?? '–'), el('td', { class: 'number' }, c.departures)))));
}

export function setUpHistory() {
  $('#history-form').addEventListener('submit', showHistory);
}
