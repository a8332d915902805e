// The connected institution, what the page has loaded of it, and the calls to its API (docs/api.md).

export const state = {
  institutionId: '',
  apiKey: '',
  groups: [],
  caregivers: [],
  shiftTypes: [],
  demands: [],
  rotas: [],
  jobs: [],
  selectedRotaId: null,
  comparedRotaIds: new Set(),
  rotaDetails: new Map(), // rotaId → Promise of { rota, continuity, violations }; a rota's shifts never change, its status does (publish clears it)
  watchedJobId: null,
  watching: false,
  pollTimer: null,
};

/** Calls the institution's API with the key; a non-2xx answer throws an Error worded from its problem document. */
export async function request(path, options = {}) {
  const headers = { 'X-Api-Key': state.apiKey, Accept: 'application/json', ...(options.headers ?? {}) };
  if (options.body) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/v1/institutions/${encodeURIComponent(state.institutionId)}${path}`, { ...options, headers });
  if (!response.ok) throw await problemError(response);
  return response;
}

/** request, and the answer's JSON (null for 204). */
export async function api(path, options = {}) {
  const response = await request(path, options);
  return response.status === 204 ? null : response.json();
}

/** The error of a non-2xx answer: its message says status, title, detail and fields; problem keeps the document. */
async function problemError(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not every error body is a problem document (a proxy's page, say): the status line still says what happened.
  }
  const fields = (problem.errors ?? []).map((e) => `${e.resource ? `${e.resource} ` : ''}${e.path}: ${e.reason}`).join('; ');
  const words = [problem.title ?? response.statusText, problem.detail, fields].filter(Boolean).join(' — ');
  const error = new Error(`${response.status}: ${words}`);
  error.status = response.status;
  error.problem = problem;
  return error;
}

/** A rota's shifts, continuity and violations, fetched once per rota and shared by the grid and the comparison. */
export function loadRotaDetails(rotaId) {
  if (!state.rotaDetails.has(rotaId)) {
    const details = Promise.all([api(`/rotas/${rotaId}`), api(`/rotas/${rotaId}/continuity`), api(`/rotas/${rotaId}/violations`)])
      .then(([rota, continuity, violations]) => ({ rota, continuity, violations }));
    details.catch(() => state.rotaDetails.delete(rotaId)); // a failed load is tried again next time
    state.rotaDetails.set(rotaId, details);
  }
  return state.rotaDetails.get(rotaId);
}

// Group colours are light so the black shift code stays readable; each group also has a letter, so colour is never the only sign.
const groupPalette = ['#8ecae6', '#ffc857', '#9bd08a', '#f4a6a6', '#c8b6ff', '#76c7c0', '#f7b267', '#bde0fe', '#e5b3d0', '#c9d99e', '#ffd6a5', '#a0c4ff'];

export const groupIds = () => state.groups.map((g) => g.id).sort();
export const groupColour = (groupId) => groupPalette[Math.max(0, groupIds().indexOf(groupId)) % groupPalette.length];
export const groupName = (groupId) => state.groups.find((g) => g.id === groupId)?.name ?? groupId;
export const caregiverName = (caregiverId) => state.caregivers.find((c) => c.id === caregiverId)?.name ?? caregiverId;

/** The id the page gives an absence it records: caregiver, kind and first day. */
export const absenceId = (caregiverId, kind, from) => `${caregiverId}-${kind}-${from}`;

/** Each group's letter: the first letter of its name not taken by a group before it (in id order), else a digit. */
export function groupLetter(groupId) {
  const taken = new Map();
  for (const id of groupIds()) {
    const name = groupName(id).toUpperCase();
    const letter = [...name].find((c) => /[A-Z]/.test(c) && ![...taken.values()].includes(c)) ?? String(taken.size + 1);
    taken.set(id, letter);
  }
  return taken.get(groupId) ?? '?';
}
