// The driver of scripts/workshop-history.sh: thirteen four-week horizons of baby-home solved and published one after the
// other through the API (each published rota is the next solve's history), then the year's figures from GET …/history.
// Writes samples/workshop/history/baby-home-year.json (the rotas, as POST …/rotas bodies) and baby-home-year.md (the figures).
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const base = `${process.env.BASE_URL}/api/v1/institutions/baby-home`;
const key = process.env.API_KEY;
const seconds = Number(process.env.SECONDS_PER_SOLVE ?? 60);
const horizons = 13;
const first = '2026-11-30'; // samples/baby-home.json's horizon: its imported history leads into the first
const folder = new URL('../samples/workshop/history/', import.meta.url);

async function call(path, options = {}) {
  const response = await fetch(`${base}${path}`, { ...options, headers: { 'X-Api-Key': key, 'Content-Type': 'application/json' } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${options.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
const finished = new Set(['succeeded', 'infeasible', 'failed', 'cancelled']);

const rotas = [];
const log = [];
for (let i = 0; i < horizons; i++) {
  const start = addDays(first, 28 * i);
  let job = await call('/solve-jobs', { method: 'POST', body: JSON.stringify({ horizon: { start, weeks: 4 }, timeLimitSeconds: seconds }) });
  while (!finished.has(job.state)) {
    await sleep(1000);
    job = await call(`/solve-jobs/${job.id}`);
  }
  if (!job.rotaId) throw new Error(`${start}: the solve ended ${job.state} without a rota (${job.error ?? ''})`);
  // A rota breaking a hard rule is published as a home would have to, and the figures say so.
  await call(`/rotas/${job.rotaId}/publish?confirm=true`, { method: 'POST' });
  const rota = await call(`/rotas/${job.rotaId}`);
  rotas.push({ horizon: { start, weeks: 4 }, madeBy: 'solver', assignments: rota.shifts.map((s) => ({ caregiverId: s.caregiverId, date: s.date, demandId: s.demandId })) });
  log.push({ start, state: job.state, status: job.result?.status, seconds: job.result?.seconds, hardViolations: job.result?.hardViolations, shifts: rota.shifts.length });
  console.log(`workshop-history: ${start}: ${job.state} (${job.result?.status}), ${job.result?.seconds?.toFixed(1)} s, ${job.result?.hardViolations} hard violation(s), ${rota.shifts.length} shifts`);
}

const to = addDays(first, 28 * horizons - 1);
const home = await call(`/history?from=${first}&to=${to}`);
const groups = await call('/groups');
const byGroup = await Promise.all(groups.map((g) => call(`/groups/${g.id}/history?from=${first}&to=${to}`)));
const mean = (values) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const one = (value) => (value == null ? '–' : value.toFixed(1));
const year = (side) => home[side].children.map((c) => c.distinct);
const under = (side) => home[side].children.filter((c) => c.underThree).map((c) => c.distinct);

const lines = [
  '# Baby-home: a year of published rotas (the workshop history)',
  '',
  `Made by \`scripts/workshop-history.sh ${seconds}\` on ${new Date().toISOString().slice(0, 10)}: ${horizons} four-week horizons from ${first} to ${to}, each solved`,
  `through the API in ${seconds} s on 2 cores and published, so each is the next one's history, as a home would run it. The rotas are in`,
  '`baby-home-year.json` (one `POST …/rotas` body a horizon; upload and publish them in order to give an institution of baby-home\'s data this',
  'year). The figures are the API\'s (`GET …/history`, `…/groups/{id}/history`); the reference is the hospital-way rota of each horizon.',
  '',
  '## Different adults each child met over the year',
  '',
  '| | published rotas | the hospital way |',
  '|---|---|---|',
  `| mean per child | ${one(mean(year('published')))} | ${one(mean(year('hospitalWay')))} |`,
  `| most for one child | ${Math.max(...year('published'))} | ${Math.max(...year('hospitalWay'))} |`,
  `| under-threes' mean | ${one(mean(under('published')))} | ${one(mean(under('hospitalWay')))} |`,
  `| adults the children met at all | ${home.published.distinct} | ${home.hospitalWay.distinct} |`,
  `| departures of a familiar adult (all children) | ${home.published.departures} | ${home.hospitalWay.departures} |`,
  '',
  '## Per month: different adults a child met, mean over children (under-threes in brackets)',
  '',
  '| month | published | hospital way |',
  '|---|---|---|',
  ...home.published.months.map((m, i) => `| ${m.start.slice(0, 7)} | ${one(m.meanDistinct)} (${one(m.underThreeMeanDistinct)}) | ${one(home.hospitalWay.months[i]?.meanDistinct)} (${one(home.hospitalWay.months[i]?.underThreeMeanDistinct)}) |`),
  '',
  '## Per group over the year: mean different adults per child',
  '',
  '| group | children | published | hospital way |',
  '|---|---|---|---|',
  ...groups.map((g, i) => `| ${g.name ?? g.id} | ${byGroup[i].published.children.length} | ${one(mean(byGroup[i].published.children.map((c) => c.distinct)))} | ${one(mean(byGroup[i].hospitalWay.children.map((c) => c.distinct)))} |`),
  '',
  '## The solves',
  '',
  '| horizon | job | status | seconds | hard violations | shifts |',
  '|---|---|---|---|---|---|',
  ...log.map((l) => `| ${l.start} | ${l.state} | ${l.status} | ${l.seconds?.toFixed(1)} | ${l.hardViolations} | ${l.shifts} |`),
  '',
];
writeFileSync(new URL('baby-home-year.json', folder), `${JSON.stringify(rotas)}\n`);
writeFileSync(new URL('baby-home-year.md', folder), lines.join('\n'));
console.log(lines.join('\n'));
