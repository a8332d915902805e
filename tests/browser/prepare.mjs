// Gives the demo institution two one-week rotas to look at and compare: solves 2026-11-30 and 2026-12-07 through the API.
// Usage: node prepare.mjs (BASE_URL, INSTITUTION_ID, API_KEY from the environment). Exits non-zero when a solve gives no rota.
import { setTimeout as sleep } from 'node:timers/promises';

const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:5299';
const institutionId = process.env.INSTITUTION_ID ?? 'baby-home';
const apiKey = process.env.API_KEY ?? 'dev-baby-home-key';
const horizons = ['2026-11-30', '2026-12-07'];
const timeLimitSeconds = 20;
const waitSeconds = 240; // two 20 s solves one after the other, on two cores shared with other work
const institutionUrl = `${baseUrl}/api/v1/institutions/${institutionId}`;

async function call(path, options = {}) {
  const response = await fetch(`${institutionUrl}${path}`, {
    ...options,
    headers: { 'X-Api-Key': apiKey, 'Content-Type': 'application/json' },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${options.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

// Baby-home's contracts are met within ±8 h over four weeks; one-week horizons keep CI short, so the tolerance goes with them.
const settings = await call('');
settings.labourRules.rules['contract-hours'] = { limit: 8, weeks: 1 };
await call('', { method: 'PUT', body: JSON.stringify(settings) });

const jobs = [];
for (const start of horizons) {
  jobs.push(await call('/solve-jobs', { method: 'POST', body: JSON.stringify({ horizon: { start, weeks: 1 }, timeLimitSeconds }) }));
}

const deadline = Date.now() + waitSeconds * 1000;
const finished = new Set(['succeeded', 'infeasible', 'failed', 'cancelled']);
let states = [];
while (Date.now() < deadline) {
  states = await Promise.all(jobs.map((job) => call(`/solve-jobs/${job.id}`)));
  if (states.every((job) => finished.has(job.state))) break;
  await sleep(1000);
}

for (const [i, job] of states.entries()) {
  console.log(`prepare: ${horizons[i]}: ${job.state}, ${job.result?.seconds?.toFixed(1) ?? '?'} s, rota ${job.rotaId ?? 'none'}${job.error ? `, ${job.error}` : ''}`);
}
if (!states.every((job) => job.state === 'succeeded' && job.rotaId)) {
  console.log(`prepare: the solves did not both give a rota within ${waitSeconds} s`);
  process.exit(1);
}
