// Small helpers shared by the page's modules: building elements, formatting figures, ISO dates.

const svgNamespace = 'http://www.w3.org/2000/svg';

/** Builds an HTML element; attributes starting with "on" become listeners, children may be strings or nodes. */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** A chart's horizontal grid lines from left to right, each labelled at its left end. */
export function gridLines(ticks, y, left, right, label = (tick) => tick) {
  return ticks.map((tick) => [
    svg('line', { x1: left, x2: right, y1: y(tick), y2: y(tick), class: 'grid-line' }),
    svg('text', { x: left - 4, y: y(tick) + 3, 'text-anchor': 'end', class: 'tick' }, label(tick))]);
}

/** Builds an SVG element, like el. */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(svgNamespace, tag), attributes, children);
}

function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const $ = (selector) => document.querySelector(selector);
export const sum = (items, pick) => items.reduce((total, item) => total + pick(item), 0);
export const formatScore = (value) => value.toFixed(1);
export const formatShare = (value) => `${Math.round(value * 100)} %`;
export const formatNumber = (value) => value.toFixed(1);
export const formatHours = (value) => value.toFixed(1);
export const formatInteger = (value) => String(value);
export const shortId = (id) => id.slice(0, 8);
export const formatInstant = (text) => (text ? new Date(text).toLocaleString() : '');

/** The horizon's days as ISO dates; the date arithmetic is in UTC so no time zone shifts a day. */
export function horizonDays(horizonStart, weeks) {
  return daysFrom(horizonStart, weeks * 7);
}

/** count consecutive ISO dates from the first. */
export function daysFrom(first, count) {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86400000).toISOString().slice(0, 10));
}

export function dayHeading(isoDate) {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const weekday = date.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  return `${weekday} ${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}`;
}

/** Monday first, as the API names them. */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The weekday of an ISO date, by the calendar (UTC arithmetic, so no time zone shifts it). */
export const weekdayOf = (isoDate) => weekdays[(new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7];

export const isWeekend = (isoDate) => ['saturday', 'sunday'].includes(weekdayOf(isoDate));

/** Today's date where the manager is (not UTC's, which is yesterday's just after midnight in Europe). */
export function localToday() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Runs an action with its button disabled, so a second click cannot send it twice. */
export async function busy(button, action) {
  if (button?.disabled) return undefined;
  if (button) button.disabled = true;
  try {
    return await action();
  } finally {
    if (button) button.disabled = false;
  }
}

/** The page's one line of news or trouble, read out by screen readers. */
export function showMessage(text, kind = 'error') {
  const message = $('#message');
  message.textContent = text;
  message.dataset.kind = kind;
  message.hidden = !text;
}

/** Opens a <dialog> modally; the first field (or button) gets the focus, Escape closes it as the browser does. */
export function openDialog(dialog) {
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('input:not([type=hidden]), select, textarea, button')?.focus();
}

/** Saves text as a download, for files the API gives only with the key (a plain link cannot send it). */
export function download(fileName, blob) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000); // after the browser has taken the file
}
