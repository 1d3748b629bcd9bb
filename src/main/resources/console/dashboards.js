// Dashboards: pick widgets and filters, see each widget's table (with a bar for its first number column), save it
// under a name (POST, or PUT with the version read), reopen or delete saved ones; each table links its CSV.
import { el } from './dom.js';
import { api, send, problemText } from './api.js';

const $ = (sel) => document.querySelector(sel);
let widgets = {};
let saved = [];
let current = null; // the saved dashboard on screen: {id, version, name}

export function startDashboards() {
  $('#d-form').addEventListener('submit', (e) => { e.preventDefault(); render(); });
  $('#d-save').addEventListener('click', save);
  $('#d-open').addEventListener('click', () => openSaved($('#d-list').value));
  $('#d-list').addEventListener('change', () => openSaved($('#d-list').value));
  $('#d-delete').addEventListener('click', remove);
}

export async function showDashboards() {
  $('#d-result').textContent = '';
  try {
    if (!Object.keys(widgets).length) {
      widgets = (await api('/api/kpis')).widgets;
      $('#d-widgets').replaceChildren(el('legend', {}, 'Widgets'), ...Object.entries(widgets).map(([id, what]) =>
        el('label', { title: what, class: 'widget-choice' }, el('input', { type: 'checkbox', value: id, id: 'w-' + id }), ' ' + id)));
    }
    await loadSaved();
  } catch (e) {
    $('#d-result').textContent = e.message;
  }
}

async function loadSaved(select) {
  saved = (await api('/api/dashboards')).items;
  $('#d-list').replaceChildren(el('option', { value: '' }, '(new dashboard)'),
    ...saved.map((d) => el('option', { value: d.id }, d.name)));
  $('#d-list').value = select || (current ? current.id : '');
}

/** The definition the form describes: the same filters for every chosen widget. */
function definition() {
  const chosen = [...document.querySelectorAll('#d-widgets input:checked')].map((i) => i.value);
  return { widgets: chosen.map((widget) => {
    const w = { widget, period: $('#d-period').value };
    if ($('#d-channel').value) w.channel = $('#d-channel').value;
    if ($('#d-customer').value.trim()) w.customer = $('#d-customer').value.trim();
    if ($('#d-groupby').value && widget === 'received') w.groupBy = $('#d-groupby').value;
    return w;
  }) };
}

function fill(def) {
  const ws = def.widgets || [];
  document.querySelectorAll('#d-widgets input').forEach((i) => { i.checked = ws.some((w) => w.widget === i.value); });
  const first = ws[0] || {};
  $('#d-period').value = first.period || 'P7D';
  $('#d-channel').value = first.channel || '';
  $('#d-customer').value = first.customer || '';
  $('#d-groupby').value = (ws.find((w) => w.groupBy) || {}).groupBy || '';
}

function query(w) {
  const to = new Date();
  const days = Number((w.period || 'P7D').match(/^P(\d+)D$/)?.[1] || 7);
  const params = new URLSearchParams({ from: new Date(to.getTime() - days * 86400000).toISOString(), to: to.toISOString() });
  for (const k of ['channel', 'customer', 'groupBy']) if (w[k]) params.set(k, w[k]);
  return params;
}

async function render() {
  const def = definition();
  $('#d-result').textContent = def.widgets.length ? '' : 'Choose at least one widget.';
  const boxes = def.widgets.map((w) => el('div', { class: 'widget', dataset: { widget: w.widget } }, el('h2', {}, w.widget)));
  $('#d-tables').replaceChildren(...boxes);
  await Promise.all(def.widgets.map(async (w, i) => {
    const params = query(w);
    const csv = '/api/kpis/' + w.widget + '?' + params + '&format=csv';
    try {
      const t = await api('/api/kpis/' + w.widget + '?' + params);
      boxes[i].append(el('p', { class: 'note' }, (widgets[w.widget] || '') + ' ',
        el('a', { href: csv, class: 'csv', download: w.widget + '.csv' }, 'CSV')), table(t));
    } catch (e) {
      boxes[i].append(el('p', { class: 'error' }, e.message));
    }
  }));
}

function table(t) {
  const numeric = t.columns.findIndex((c, j) => j > 0 && t.rows.some((r) => typeof r[j] === 'number'));
  const max = numeric < 0 ? 0 : Math.max(1, ...t.rows.map((r) => Number(r[numeric]) || 0));
  return el('table', { class: 'kpi' },
    el('thead', {}, el('tr', {}, t.columns.map((c) => el('th', {}, c)), numeric < 0 ? null : el('th', {}, ''))),
    el('tbody', {}, t.rows.map((r) => el('tr', {}, r.map((v) => el('td', {}, v === null ? '' : v)),
      numeric < 0 ? null : el('td', { class: 'bar-cell' }, bar(100 * (Number(r[numeric]) || 0) / max))))));
}

/** A bar (its width set through the CSSOM: the Content-Security-Policy allows no inline style attribute). */
function bar(percent) {
  const b = el('span', { class: 'bar' });
  b.style.width = Math.round(percent) + 'px';
  return b;
}

async function save() {
  const name = $('#d-name').value.trim();
  const body = { name, definition: definition() };
  try {
    let d;
    if (current && current.name === name) {
      d = await api('/api/dashboards/' + current.id, send('PUT', { ...body, version: current.version }));
    } else {
      d = await api('/api/dashboards', send('POST', body));
    }
    current = d;
    await loadSaved(d.id);
    $('#d-result').textContent = 'Saved "' + d.name + '"';
  } catch (e) {
    $('#d-result').textContent = e.status === 409 ? 'Changed by someone else \u2014 reopen it (' + e.message + ')' : problemText(e);
  }
}

async function openSaved(id) {
  if (!id) { current = null; return; }
  try {
    const d = await api('/api/dashboards/' + id);
    current = d;
    $('#d-name').value = d.name;
    fill(d.definition);
    await render();
  } catch (e) {
    $('#d-result').textContent = e.message;
  }
}

async function remove() {
  if (!current) { $('#d-result').textContent = 'Open a saved dashboard first.'; return; }
  try {
    await api('/api/dashboards/' + current.id, { method: 'DELETE' });
    $('#d-result').textContent = 'Deleted "' + current.name + '"';
    current = null;
    $('#d-name').value = '';
    await loadSaved('');
  } catch (e) {
    $('#d-result').textContent = e.message;
  }
}
