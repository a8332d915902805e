// Master data in the page: list, add, edit and delete caregivers, absences, wishes, groups, children, shift types and posts
// through the API's PUT/DELETE by the HR system's own ids. One form builder serves every kind, from the field lists below.
import { $, el, weekdays, busy, showMessage } from './dom.js';
import { state, api, request, absenceId, caregiverName } from './session.js';
import { reloadMasterData } from './app.js';
import { calendarButtons } from './downloads.js';

const groupChoices = () => state.groups.map((g) => [g.id, g.name ?? g.id]);
const caregiverChoices = () => state.caregivers.map((c) => [c.id, `${c.name ?? c.id} (${c.id})`]);
const shiftTypeChoices = () => state.shiftTypes.map((t) => [t.code, `${t.code} ${t.name ?? ''}`]);

/**
 * Each kind: its collection, its key, the columns of its list and its fields. A field's path is where it lives in the item's JSON
 * (docs/formats.md); type: text, number, date, time, select, list (comma-separated), choices (tick boxes), rows (one per line).
 */
const kinds = [
  {
    collection: 'caregivers', singular: 'caregiver', key: 'id', columns: ['id', 'name', 'contract.hoursPerWeek', 'contract.employmentType', 'skills', 'allowedGroups'],
    fields: [
      { path: 'id', label: 'Id', type: 'text', required: true },
      { path: 'name', label: 'Name', type: 'text' },
      { path: 'externalId', label: 'HR system id', type: 'text' },
      { path: 'contract.hoursPerWeek', label: 'Contract hours a week', type: 'number', required: true, min: 0, max: 168, step: 0.5 },
      { path: 'contract.employmentType', label: 'Employment', type: 'select', options: () => [['permanent', 'permanent'], ['relief', 'relief'], ['agency', 'agency']] },
      { path: 'skills', label: 'Skills (comma-separated)', type: 'list' },
      { path: 'allowedGroups', label: 'Groups they may work in (none ticked: any)', type: 'choices', options: groupChoices },
    ],
  },
  {
    collection: 'absences', singular: 'absence', key: 'id', columns: ['caregiverId', 'kind', 'from', 'to', 'id'],
    fields: [
      { path: 'caregiverId', label: 'Caregiver', type: 'select', required: true, options: caregiverChoices },
      { path: 'kind', label: 'Kind', type: 'select', required: true, options: () => ['leave', 'sickness', 'training', 'other'].map((k) => [k, k]) },
      { path: 'from', label: 'From', type: 'date', required: true },
      { path: 'to', label: 'To (inclusive)', type: 'date', required: true },
      { path: 'id', label: 'Id (made from caregiver, kind and date when empty)', type: 'text', generate: (item) => absenceId(item.caregiverId, item.kind, item.from) },
    ],
  },
  {
    collection: 'wishes', singular: 'wish', key: 'id', columns: ['caregiverId', 'wanted', 'date', 'weekday', 'shiftType', 'weight', 'id'],
    fields: [
      { path: 'caregiverId', label: 'Caregiver', type: 'select', required: true, options: caregiverChoices },
      { path: 'wanted', label: 'Wish', type: 'select', required: true, options: () => [['false', 'to be free'], ['true', 'to work']], boolean: true },
      { path: 'date', label: 'On the date', type: 'date' },
      { path: 'weekday', label: 'or every', type: 'select', options: () => [['', '—'], ...weekdays.map((d) => [d, d])] },
      { path: 'shiftType', label: 'Shift type (any when empty)', type: 'select', options: () => [['', 'any'], ...shiftTypeChoices()] },
      { path: 'weight', label: 'Weight 1–100', type: 'number', min: 1, max: 100, step: 1 },
      { path: 'id', label: 'Id (made from caregiver and date when empty)', type: 'text', generate: (item) => `${item.caregiverId}-wish-${item.date ?? item.weekday}${item.shiftType ? `-${item.shiftType}` : ''}` },
    ],
  },
  {
    collection: 'groups', singular: 'group', key: 'id', columns: ['id', 'name', 'coreTeamTarget', 'coreTeam'],
    fields: [
      { path: 'id', label: 'Id', type: 'text', required: true },
      { path: 'name', label: 'Name', type: 'text' },
      { path: 'coreTeamTarget', label: 'Core team size', type: 'number', min: 1, max: 50, step: 1 },
      { path: 'coreTeam', label: 'Core team (caregiver ids, comma-separated; empty lets the score find it)', type: 'list' },
    ],
  },
  {
    collection: 'children', singular: 'child', key: 'id', columns: ['id', 'birthDate', 'memberships', 'keyPersons'],
    fields: [
      { path: 'id', label: 'Id (pseudonymous)', type: 'text', required: true },
      { path: 'birthDate', label: 'Birth date', type: 'date', required: true },
      { path: 'memberships', label: 'Groups, one per line: group from [to]', type: 'rows', columns: ['groupId', 'from', 'to'], required: true },
      { path: 'keyPersons', label: 'Key persons (caregiver ids, at most two)', type: 'list' },
      { path: 'daysAway', label: 'Days away, one period per line: from to', type: 'rows', columns: ['from', 'to'] },
    ],
  },
  {
    collection: 'shift-types', singular: 'shift type', key: 'code', columns: ['code', 'name', 'start', 'end', 'kind', 'workingTimeFactor', 'paidTimeFactor'],
    fields: [
      { path: 'code', label: 'Code', type: 'text', required: true },
      { path: 'name', label: 'Name', type: 'text' },
      { path: 'start', label: 'Start', type: 'time', required: true },
      { path: 'end', label: 'End', type: 'time', required: true },
      { path: 'endDayOffset', label: 'Ends days later', type: 'number', min: 0, max: 7, step: 1 },
      { path: 'kind', label: 'Kind', type: 'select', required: true, options: () => ['day', 'waking-night', 'sleep-in', 'live-in'].map((k) => [k, k]) },
      { path: 'workingTimeFactor', label: 'Working-time share', type: 'number', min: 0, max: 1, step: 0.05 },
      { path: 'paidTimeFactor', label: 'Paid-time share', type: 'number', min: 0, max: 1, step: 0.05 },
    ],
  },
  {
    collection: 'demands', singular: 'post', key: 'id', columns: ['id', 'groupIds', 'shiftType', 'count', 'skills', 'weekdays'],
    fields: [
      { path: 'id', label: 'Id', type: 'text', required: true },
      { path: 'groupIds', label: 'Groups (a night post may cover two)', type: 'choices', options: groupChoices, required: true },
      { path: 'shiftType', label: 'Shift type', type: 'select', required: true, options: shiftTypeChoices },
      { path: 'count', label: 'Caregivers needed', type: 'number', min: 1, max: 100, step: 1 },
      { path: 'skills', label: 'Skills needed (comma-separated)', type: 'list' },
      { path: 'weekdays', label: 'On these weekdays (none ticked: every day)', type: 'choices', options: () => weekdays.map((d) => [d, d]) },
      { path: 'dates', label: 'Or on these dates (comma-separated)', type: 'list' },
    ],
  },
];

let kind = kinds[0];
let items = [];
let editing = null; // { item, etag, isNew }

const read = (item, path) => path.split('.').reduce((value, part) => (value == null ? undefined : value[part]), item);

function write(item, path, value) {
  const parts = path.split('.');
  let node = item;
  for (const part of parts.slice(0, -1)) node = node[part] ??= {};
  if (value === undefined) delete node[parts.at(-1)];
  else node[parts.at(-1)] = value;
}

const fieldId = (field) => `md-${field.path.replace(/\./g, '-')}`;

function show(field, item) {
  const value = read(item, field.path);
  if (value == null) return '';
  if (field.type === 'list') return value.join(', ');
  if (field.type === 'rows') return value.map((row) => field.columns.map((c) => row[c] ?? '').join(' ').trim()).join('\n');
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : v)).join(', ');
  return String(value);
}

export async function loadMasterData() {
  const asked = kind;
  const got = await api(`/${asked.collection}`);
  if (asked !== kind) return; // another kind was chosen meanwhile; its own answer draws
  items = got;
  for (const button of document.querySelectorAll('#master-data-kinds button')) button.setAttribute('aria-pressed', String(button.dataset.kind === kind.collection));
  renderTable();
}

async function chooseKind(chosen) {
  kind = chosen;
  closeEditor();
  await loadMasterData().catch((error) => showMessage(error.message));
}

function renderTable() {
  const head = el('thead', {}, el('tr', {}, kind.columns.map((c) => el('th', {}, c)), el('th', {}, el('span', { class: 'visually-hidden' }, 'Actions'))));
  const rows = items.map((item) => {
    const key = item[kind.key];
    const name = kind.collection === 'caregivers' ? caregiverName(key) : key;
    return el('tr', { dataset: { key } }, kind.columns.map((c) => el('td', {}, c === 'caregiverId' ? caregiverName(item[c]) : show({ path: c, type: c === 'memberships' ? 'rows' : 'text', columns: ['groupId', 'from', 'to'] }, item))),
      el('td', { class: 'actions' },
        el('button', { type: 'button', class: 'link edit', 'aria-label': `Edit ${kind.singular} ${name}`, onclick: () => openEditor(key) }, 'edit'), ' ',
        el('button', { type: 'button', class: 'link delete', 'aria-label': `Delete ${kind.singular} ${name}`, onclick: () => remove(key) }, 'delete'),
        kind.collection === 'caregivers' ? [' ', calendarButtons(key)] : null));
  });
  $('#master-data-table').replaceChildren(head, el('tbody', {}, rows));
  $('#master-data-table').dataset.kind = kind.collection;
}

async function openEditor(key) {
  try {
    if (key === undefined) {
      editing = { item: {}, etag: null, isNew: true };
    } else {
      const response = await request(`/${kind.collection}/${encodeURIComponent(key)}`);
      editing = { item: await response.json(), etag: response.headers.get('ETag'), isNew: false };
    }
    renderEditor();
  } catch (error) {
    showMessage(`Could not open the ${kind.singular}: ${error.message}`);
  }
}

function input(field, value) {
  const id = fieldId(field);
  const common = { id, name: field.path, 'aria-describedby': `${id}-error`, required: field.required && field.type !== 'choices' };
  switch (field.type) {
    case 'select':
      return el('select', common, field.options().map(([v, text]) => el('option', { value: v, selected: v === value }, text)));
    case 'rows':
      return el('textarea', { ...common, rows: 3 }, value);
    case 'choices': {
      const ticked = new Set(value ? value.split(', ') : []);
      return el('span', { class: 'choices' }, field.options().map(([v, text]) => el('label', { class: 'choice' },
        el('input', { type: 'checkbox', name: field.path, value: v, checked: ticked.has(v) }), ` ${text}`)));
    }
    default:
      return el('input', { ...common, type: field.type === 'list' ? 'text' : field.type, value, min: field.min, max: field.max, step: field.step,
        readonly: field.path === kind.key && !editing.isNew, spellcheck: 'false' });
  }
}

function renderEditor() {
  const { item, isNew } = editing;
  const title = isNew ? `New ${kind.singular}` : `${kind.singular} ${item[kind.key]}`;
  const fields = kind.fields.map((field) => {
    const control = input(field, show(field, item));
    const error = el('span', { class: 'field-error', id: `${fieldId(field)}-error`, hidden: true });
    return field.type === 'choices'
      ? el('fieldset', { class: 'field', dataset: { path: field.path }, 'aria-describedby': `${fieldId(field)}-error` }, el('legend', {}, field.label), control, error)
      : el('div', { class: 'field', dataset: { path: field.path } }, el('label', { for: fieldId(field) }, field.label), control, error);
  });
  const form = el('form', { id: 'master-data-form', class: 'editor', autocomplete: 'off', 'aria-label': title, onsubmit: save },
    el('h3', {}, title), fields,
    el('p', { id: 'master-data-form-error', class: 'form-error', role: 'alert', hidden: true }),
    el('div', { class: 'buttons' }, el('button', { type: 'submit', id: 'master-data-save' }, isNew ? 'Add' : 'Save'),
      el('button', { type: 'button', id: 'master-data-cancel', onclick: closeEditor }, 'Cancel'),
      isNew ? null : el('button', { type: 'button', id: 'master-data-reload', onclick: () => openEditor(item[kind.key]) }, 'Reload')));
  $('#master-data-editor').replaceChildren(form);
  form.querySelector('input:not([readonly]), select, textarea')?.focus();
}

/** Back to the Add button; focus goes to it when the form it replaces had it. */
function closeEditor() {
  const hadFocus = $('#master-data-editor').contains(document.activeElement);
  editing = null;
  const add = el('button', { type: 'button', id: 'master-data-add', onclick: () => openEditor(undefined) }, `Add a ${kind.singular}`);
  $('#master-data-editor').replaceChildren(add);
  if (hadFocus) add.focus();
}

/** The item as the form says: the item read (so fields the form does not show are kept) with each field written over it. */
function itemFromForm(form) {
  const item = structuredClone(editing.item);
  for (const field of kind.fields) {
    const control = form.elements[field.path];
    let value;
    if (field.type === 'choices') {
      value = [...form.querySelectorAll(`input[name="${field.path}"]:checked`)].map((box) => box.value);
      value = value.length ? value : undefined;
    } else {
      const text = control.value.trim();
      if (text === '') value = undefined;
      else if (field.type === 'number') value = Number(text);
      else if (field.boolean) value = text === 'true';
      else if (field.type === 'list') value = text.split(',').map((part) => part.trim()).filter(Boolean);
      else if (field.type === 'rows') {
        value = text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => Object.fromEntries(
          line.split(/\s+/).map((part, i) => [field.columns[i] ?? `extra${i}`, part])));
      } else value = text;
    }
    write(item, field.path, value);
  }
  for (const field of kind.fields.filter((f) => f.generate && read(item, f.path) === undefined)) write(item, field.path, field.generate(item));
  return item;
}

/** Puts each of the problem document's errors next to the field its path names; the rest above the buttons. */
function showProblem(form, error, key) {
  for (const node of form.querySelectorAll('.field-error')) node.hidden = true;
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const e of error.problem?.errors ?? []) {
    const path = (e.path ?? '').replace(/^\$\.?/, '');
    const field = !e.resource || e.resource === `${kind.collection}/${editing.item[kind.key] ?? ''}`
      ? kind.fields.find((f) => path === f.path || path.startsWith(`${f.path}.`) || path.startsWith(`${f.path}[`)) : undefined;
    if (!field) {
      unplaced.push(`${e.resource ? `${e.resource} ` : ''}${e.path}: ${e.reason}`);
      continue;
    }
    const node = form.querySelector(`#${fieldId(field)}-error`);
    node.textContent = [node.hidden ? '' : node.textContent, e.reason].filter(Boolean).join('; ');
    node.hidden = false;
    form.querySelector(`#${fieldId(field)}`)?.setAttribute('aria-invalid', 'true');
  }
  const message = error.status === 412 && editing.isNew
    ? `A ${kind.singular} with the id ${key} exists already (412): nothing was changed. Choose another id, or edit that one.`
    : error.status === 412
    ? `Someone changed this ${kind.singular} since you opened it (412): your change was not saved, and theirs is kept. Press Reload to see theirs, then make your change again.`
    : unplaced.length || !(error.problem?.errors?.length) ? `${error.problem?.title ?? error.message}${error.problem?.detail ? `: ${error.problem.detail}` : ''}${unplaced.length ? ` — ${unplaced.join('; ')}` : ''}` : '';
  $('#master-data-form-error').textContent = message;
  $('#master-data-form-error').hidden = !message;
}

async function save(event) {
  event.preventDefault();
  await busy($('#master-data-save'), () => store(event.target));
}

async function store(form) {
  const item = itemFromForm(form);
  const key = item[kind.key];
  if (!key) {
    showProblem(form, { problem: { errors: [{ path: `$.${kind.key}`, reason: 'is required' }] } });
    return;
  }
  try {
    // An edit sends the ETag it read (a change made meanwhile is refused, 412); an addition creates only, never replacing an item of that id.
    const headers = editing.etag ? { 'If-Match': editing.etag } : { 'If-None-Match': '*' };
    await request(`/${kind.collection}/${encodeURIComponent(key)}`, { method: 'PUT', body: JSON.stringify(item), headers });
    showMessage(`${kind.singular} ${key} saved.`, 'info');
    closeEditor();
    await reloadMasterData();
  } catch (error) {
    showProblem(form, error, key);
  }
}

async function remove(key) {
  if (!window.confirm(`Delete ${kind.singular} ${key}?`)) return;
  try {
    // The list holds no ETags, so the question above is the guard; the service still refuses (409) what others name.
    await request(`/${kind.collection}/${encodeURIComponent(key)}`, { method: 'DELETE' });
    showMessage(`${kind.singular} ${key} deleted.`, 'info');
    closeEditor();
    await reloadMasterData();
  } catch (error) {
    showMessage(`${kind.singular} ${key} was not deleted: ${error.message}`);
  }
}

export function setUpMasterData() {
  $('#master-data-kinds').replaceChildren(...kinds.map((k) => el('button', { type: 'button', 'aria-pressed': String(k === kind), dataset: { kind: k.collection },
    onclick: () => chooseKind(k) }, k.collection.replace('-', ' '))));
  closeEditor();
}
