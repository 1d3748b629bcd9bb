// The exception desk: the list of orders a person has to look at, and the actions on one order (correct fields,
// mark as duplicate, reject). Every action sends the order's version (If-Match); a 409 means someone else changed it.
import { el } from './dom.js';
import { api, send, time, problemText } from './api.js';
import { slaBadge } from './sla.js';

const $ = (sel) => document.querySelector(sel);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CORRECTABLE = ['NEEDS_REVIEW', 'ERP_REJECTED', 'ERP_FAILED'];

// ---- the list ----
export async function loadExceptions() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($('#x-filters'))) if (v) params.set(k, v);
  params.set('limit', '100');
  $('#x-error').textContent = '';
  try {
    const page = await api('/api/exceptions?' + params);
    $('#x-table tbody').replaceChildren(...page.items.map(exceptionRow));
    $('#x-info').textContent = page.items.length + ' of ' + page.total + ' orders';
  } catch (e) {
    $('#x-error').textContent = e.message;
  }
}

function exceptionRow(o) {
  return el('tr', { dataset: { id: o.id, po: o.poNumber || '', status: o.status } },
    el('td', {}, el('a', { href: '#/orders/' + o.id }, o.poNumber || '(none)')),
    el('td', { class: 'status status-' + o.status }, o.status), el('td', {}, slaBadge(o.slaState)),
    el('td', {}, time(o.dueAt)), el('td', {}, o.sender), el('td', {}, o.customerId || ''),
    el('td', { class: 'why' }, why(o)));
}

function why(o) {
  if (o.problems && o.problems.length) return o.problems.map((p) => (p.path ? p.path + ': ' : '') + p.message + ' (' + p.code + ')').join('; ');
  if (o.duplicateOf) return 'duplicate of ' + o.duplicateOf;
  if (o.lastError) return 'ERP: ' + (typeof o.lastError === 'string' ? o.lastError : JSON.stringify(o.lastError));
  return '';
}

// ---- actions on one order ----
let order = null;
let reopen = () => {};

/** Wires the forms once; {@code reload} opens the order again after an action. */
export function startDesk(reload) {
  reopen = reload;
  $('#x-filters').addEventListener('submit', (e) => { e.preventDefault(); loadExceptions(); });
  $('#correct-form').addEventListener('submit', correct);
  $('#duplicate-form').addEventListener('submit', markDuplicate);
  $('#reject-form').addEventListener('submit', reject);
}

/** Shows the desk for an order in one of the exception states. */
export function showDesk(o) {
  order = o;
  const open = ['NEEDS_REVIEW', 'DUPLICATE', 'ERP_REJECTED', 'ERP_FAILED'].includes(o.status);
  $('#desk').hidden = !open;
  $('#desk-result').textContent = '';
  $('#correct-form').hidden = !CORRECTABLE.includes(o.status);
  $('#duplicate-form').hidden = o.status === 'DUPLICATE';
  // a problem on a line (or another object) offers each of its plain fields
  const pointers = [...new Set((o.problems || []).map((p) => p.path).filter((p) => p && p.startsWith('/'))
    .flatMap((p) => {
      const v = at(o.order, p);
      return v && typeof v === 'object' && !Array.isArray(v)
        ? Object.entries(v).filter(([, x]) => x === null || typeof x !== 'object').map(([k]) => p + '/' + k.replace(/~/g, '~0').replace(/\//g, '~1')) : [p];
    }))];
  $('#correct-fields').replaceChildren(...pointers.map((p) => el('label', { class: 'correct-field' }, p + ' ',
    el('input', { dataset: { pointer: p }, value: valueText(at(o.order, p)) }))));
  $('#correct-pointer').value = '';
  $('#correct-value').value = '';
}

function at(doc, pointer) {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((v, k) => (v === null || v === undefined ? undefined : v[k]), doc);
}

function valueText(v) {
  return v === undefined || v === null ? '' : (typeof v === 'object' ? JSON.stringify(v) : String(v));
}

/** The text typed, as the JSON type the field had (numbers stay numbers); empty removes the field. */
function typed(text, old) {
  if (text === '') return null;
  if (typeof old === 'number' || (old === undefined && /^-?\d+(\.\d+)?$/.test(text))) {
    const n = Number(text);
    if (!Number.isNaN(n)) return n;
  }
  if (typeof old === 'object' && old !== null) {
    try { return JSON.parse(text); } catch (e) { return text; }
  }
  return text;
}

/** A JSON merge patch: each top-level member that changed, whole (lines are replaced whole anyway). */
function mergePatch(before, edits) {
  const after = structuredClone(before);
  const touched = new Set();
  for (const [pointer, text] of edits) {
    const keys = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (!keys.length || keys[0] === '') throw new Error('"' + pointer + '" is not a JSON pointer to a field');
    let node = after;
    for (const k of keys.slice(0, -1)) {
      if (node[k] === undefined || node[k] === null) node[k] = /^\d+$/.test(k) ? [] : {};
      node = node[k];
    }
    const last = keys[keys.length - 1];
    const value = typed(text, node[last]);
    if (value === null && !Array.isArray(node)) delete node[last]; else node[last] = value;
    touched.add(keys[0]);
  }
  const patch = {};
  for (const k of touched) patch[k] = after[k] === undefined ? null : after[k];
  return patch;
}

function ifMatch() {
  return { 'If-Match': '"' + order.version + '"' };
}

function failed(e) {
  $('#desk-result').textContent = e.status === 409 && /changed|version/i.test(e.message)
    ? 'Changed by someone else \u2014 reload the order (' + e.message + ')' : problemText(e);
  $('#desk-result').className = 'error';
}

function done(text) {
  $('#desk-result').className = '';
  $('#desk-result').textContent = text;
  setTimeout(() => reopen(order.id, text), 600);
}

async function correct(event) {
  event.preventDefault();
  const edits = [...document.querySelectorAll('#correct-fields input')].map((i) => [i.dataset.pointer, i.value]);
  if ($('#correct-pointer').value.trim()) edits.push([$('#correct-pointer').value.trim(), $('#correct-value').value]);
  try {
    const patch = mergePatch(order.order || {}, edits);
    const r = await api('/api/orders/' + order.id, send('PATCH', patch, ifMatch()));
    const still = (r.problems || []);
    done('Corrected: now ' + r.status + (still.length ? ' \u2014 still: ' + still.map((p) => p.path + ': ' + p.message).join('; ') : ''));
  } catch (e) {
    failed(e);
  }
}

async function markDuplicate(event) {
  event.preventDefault();
  try {
    const original = await originalId($('#duplicate-of').value.trim());
    const body = { duplicateOf: original };
    if ($('#duplicate-reason').value.trim()) body.reason = $('#duplicate-reason').value.trim();
    const r = await api('/api/orders/' + order.id + '/mark-duplicate', send('POST', body, ifMatch()));
    done('Marked as duplicate: now ' + r.status);
  } catch (e) {
    failed(e);
  }
}

/** The original's id: as typed, or the other order with that PO number. */
async function originalId(text) {
  if (UUID.test(text)) return text;
  const found = await api('/api/orders?poNumber=' + encodeURIComponent(text) + '&limit=10');
  const others = found.items.filter((o) => o.id !== order.id && o.status !== 'DUPLICATE');
  if (!others.length) throw new Error('no other order has the PO number "' + text + '"');
  return others[others.length - 1].id;
}

async function reject(event) {
  event.preventDefault();
  try {
    const r = await api('/api/orders/' + order.id + '/reject', send('POST', { reason: $('#reject-reason').value.trim() }, ifMatch()));
    done('Rejected: now ' + r.status);
  } catch (e) {
    failed(e);
  }
}
