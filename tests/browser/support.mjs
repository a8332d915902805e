// What the browser tests share: where the service and Chromium are, the institution's API (the truth the page is
// checked against), and axe-core's serious and critical findings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:5299';
export const institutionId = process.env.INSTITUTION_ID ?? 'baby-home';
export const apiKey = process.env.API_KEY ?? 'dev-baby-home-key';
export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A request to the institution's API with the test's key; a body is JSON unless the options say otherwise. */
export async function call(path, options = {}) {
  const json = options.body === undefined ? {} : { 'Content-Type': 'application/json' };
  return fetch(`${baseUrl}/api/v1/institutions/${institutionId}${path}`, { ...options, headers: { 'X-Api-Key': apiKey, ...json, ...(options.headers ?? {}) } });
}

/** GET from the institution's API, the truth the page is checked against. */
export async function api(path) {
  const response = await call(path);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

/** axe-core's serious and critical findings in the page, or in the part of it a selector names. */
export async function seriousIssues(page, selector) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((scope) => window.axe.run(scope ?? document, { resultTypes: ['violations'] }), selector);
  return result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
