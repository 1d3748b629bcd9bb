// OrderHub web console: plain ES module, no framework, no build step. Everything from documents is put into the
// page as text (textContent), never as HTML; the server's Content-Security-Policy allows only this script.
import { renderOriginal, highlight } from './original.js';
import { el } from './dom.js';
import { api, whenLoggedOut, time } from './api.js';
import { slaBadge } from './sla.js';
import { startDesk, showDesk, loadExceptions } from './desk.js';
import { startDashboards, showDashboards } from './dashboards.js';
import { startCases, showOrderCases, loadCases, openCaseView } from './cases.js';

const $ = (sel) => document.querySelector(sel);
const STATUSES = ['RECEIVED', 'NEEDS_REVIEW', 'QUEUED', 'DELIVERING', 'DELIVERED', 'ERP_REJECTED', 'ERP_FAILED', 'DUPLICATE', 'CANCELLED'];

const VIEWS = ['login', 'queue', 'order', 'exceptions', 'dashboards', 'cases', 'case'];

function show(view) {
  for (const v of VIEWS) $('#' + v + '-view').hidden = v !== view;
  $('#logout').hidden = view === 'login';
  $('#nav').hidden = view === 'login';
  if (view === 'login') $('#whoami').textContent = '';
}

let me = null;

async function start() {
  for (const s of STATUSES) $('#f-status').append(el('option', { value: s }, s));
  $('#login-form').addEventListener('submit', login);
  $('#logout').addEventListener('click', logout);
  $('#filters').addEventListener('submit', (e) => { e.preventDefault(); loadQueue(null); });
  $('#f-clear').addEventListener('click', () => { $('#filters').reset(); loadQueue(null); });
  $('#next-page').addEventListener('click', () => loadQueue(queueState.next));
  $('#first-page').addEventListener('click', () => loadQueue(null));
  $('#resubmit').addEventListener('click', resubmit);
  whenLoggedOut(() => show('login'));
  startDesk(reopenOrder);
  startDashboards();
  startCases(reopenOrder);
  window.addEventListener('hashchange', route);
  // live counts: refreshed while the queue is on screen
  setInterval(() => { if (me && !$('#queue-view').hidden) loadCounts(); }, 15000);
  try {
    me = await api('/api/session');
  } catch (e) {
    me = null;
  }
  if (!me) { show('login'); return; }
  loggedIn();
}

function loggedIn() {
  $('#whoami').textContent = me.name + ' (' + me.roles.join(', ') + ')';
  route();
}

async function login(event) {
  event.preventDefault();
  $('#login-error').textContent = '';
  try {
    me = await api('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: $('#login-name').value, password: $('#login-password').value }) });
    $('#login-password').value = '';
    if (!location.hash || location.hash === '#/login') location.hash = '#/queue';
    loggedIn();
  } catch (e) {
    $('#login-error').textContent = e.message;
  }
}

async function logout() {
  await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
  me = null;
  show('login');
}

function route() {
  if (!me) { show('login'); return; }
  const m = location.hash.match(/^#\/orders\/([0-9a-f-]{36})$/);
  if (m) { openOrder(m[1]); return; }
  const c = location.hash.match(/^#\/cases\/([0-9a-f-]{36})$/);
  if (c) { show('case'); openCaseView(c[1]); return; }
  if (location.hash === '#/exceptions') { show('exceptions'); loadExceptions(); return; }
  if (location.hash === '#/dashboards') { show('dashboards'); showDashboards(); return; }
  if (location.hash === '#/cases') { show('cases'); loadCases(); return; }
  show('queue');
  loadCounts();
  loadQueue(null);
}

// ---- queue view ----
const queueState = { next: null, page: 1 };

async function loadCounts() {
  try {
    const c = await api('/api/queue/counts');
    fillCounts('#counts-status', c.byStatus, 'f-status');
    fillCounts('#counts-channel', c.byChannel, 'f-channel');
    fillCounts('#counts-customer', c.byCustomer, 'f-customer');
  } catch (e) {
    $('#queue-error').textContent = e.message;
  }
}

function fillCounts(list, counts, filterId) {
  const ul = $(list);
  ul.replaceChildren(...Object.entries(counts).map(([k, n]) => el('li', {
    dataset: { key: k }, title: 'show only ' + k,
    onclick: () => { $('#' + filterId).value = k; loadQueue(null); }
  }, el('span', { class: 'n' }, n), k)));
}

async function loadQueue(after) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($('#filters'))) if (v) params.set(k, v);
  if (after) params.set('after', after);
  params.set('limit', '50');
  $('#queue-error').textContent = '';
  try {
    // the SLA filter is a search of GET /api/orders (the keyset-paged queue search has no SLA filter)
    const bySla = params.has('sla');
    if (bySla) { params.delete('item'); if (after) params.set('offset', after); params.delete('after'); }
    const page = await api((bySla ? '/api/orders?' : '/api/queue?') + params);
    queueState.page = after ? queueState.page + 1 : 1;
    queueState.next = bySla ? (page.offset + page.items.length < page.total ? String(page.offset + page.items.length) : null) : page.next;
    $('#queue-table tbody').replaceChildren(...page.items.map(queueRow));
    $('#next-page').disabled = !page.next;
    $('#page-info').textContent = 'page ' + queueState.page + ', ' + page.items.length + ' orders';
  } catch (e) {
    $('#queue-error').textContent = e.message;
  }
}

function queueRow(o) {
  return el('tr', { dataset: { id: o.id, po: o.poNumber || '' }, onclick: () => { location.hash = '#/orders/' + o.id; } },
    el('td', {}, el('a', { href: '#/orders/' + o.id }, o.poNumber || '(none)')),
    el('td', { class: 'status status-' + o.status }, o.status), el('td', {}, o.channel), el('td', {}, o.sender),
    el('td', {}, o.customerId || ''), el('td', {}, o.lineCount), el('td', {}, o.priority),
    el('td', {}, slaBadge(o.slaState)), el('td', {}, time(o.dueAt)), el('td', {}, time(o.receivedAt)), el('td', {}, o.erpOrderNumber || ''));
}

// ---- order detail ----
let current = null;

/** Opens the order again after an action, keeping the action's message. */
function reopenOrder(id, message) {
  openOrder(id).then(() => { $('#action-result').textContent = message || ''; });
}

async function openOrder(id) {
  show('order');
  $('#action-result').textContent = '';
  const order = await api('/api/orders/' + id);
  current = order;
  $('#order-title').textContent = 'Order ' + (order.poNumber || order.id);
  const facts = [['Status', order.status], ['Channel', order.channel], ['Sender', order.sender],
    ['Customer', order.customerId], ['Priority', order.priority], ['SLA', order.sla && order.sla.state], ['Due', time(order.dueAt)],
    ['Received', time(order.receivedAt)], ['ERP order', order.erpOrderNumber], ['Attempts', order.attempts],
    ['Duplicate of', order.duplicateOf], ['Id', order.id]];
  $('#order-facts').replaceChildren(...facts.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [el('dt', {}, k), el('dd', { class: k === 'Status' ? 'status status-' + v : '' }, k === 'SLA' ? slaBadge(v) : v)]));
  $('#resubmit').hidden = !['ERP_FAILED', 'ERP_REJECTED'].includes(order.status);
  const problems = [...(order.problems || []), ...(order.lastError ? [{ path: 'ERP', code: 'last-error',
    message: typeof order.lastError === 'string' ? order.lastError : JSON.stringify(order.lastError) }] : [])];
  $('#problems').replaceChildren(...(problems.length ? [el('h2', {}, 'Problems'),
    el('ul', {}, problems.map((p) => el('li', {}, (p.path ? p.path + ': ' : '') + p.message + ' (' + p.code + ')')))] : []));
  showDesk(order);
  showOrderCases(order);
  renderCanonical(order);
  renderEvents(order.events || []);
  $('#original-link').href = order.documentUrl;
  $('#provenance-note').textContent = '';
  try {
    const view = await api('/api/documents/' + order.documentId + '/view');
    $('#original-kind').textContent = '(' + view.kind + (view.format ? ', ' + view.format : '') + ')';
    renderOriginal($('#original'), view);
  } catch (e) {
    $('#original').replaceChildren(el('p', { class: 'error' }, 'The original cannot be shown: ' + e.message));
  }
}

function renderCanonical(order) {
  const rows = [];
  const walk = (value, pointer) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, pointer + '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1'));
      return;
    }
    const source = (order.provenance || {})[pointer];
    rows.push(el('tr', { class: 'field' + (source ? '' : ' no-source'), dataset: { pointer },
      title: source ? source.kind + ': ' + source.locator : 'no recorded source',
      onclick: (e) => selectField(e.currentTarget, pointer, source) },
      el('td', { class: 'ptr' }, pointer), el('td', { class: 'value' }, String(value))));
  };
  walk(order.order || {}, '');
  $('#canonical tbody').replaceChildren(...rows);
}

function selectField(row, pointer, source) {
  document.querySelectorAll('#canonical tr.selected').forEach((r) => r.classList.remove('selected'));
  row.classList.add('selected');
  if (!source) {
    $('#provenance-note').textContent = pointer + ': no source recorded (a default or a computed value)';
    highlight($('#original'), null);
    return;
  }
  const found = highlight($('#original'), source);
  $('#provenance-note').textContent = pointer + ' \u2190 ' + source.kind + ' ' + source.locator
    + (source.confidence < 1 ? ' (confidence ' + source.confidence + ')' : '') + (found ? '' : ' (not shown in this view)');
}

function renderEvents(events) {
  $('#events').replaceChildren(...events.map((e) => el('li', { dataset: { type: e.type } },
    el('time', {}, time(e.at)), ' ', el('strong', {}, e.type), ' ',
    e.fromStatus || e.toStatus ? (e.fromStatus || '') + ' \u2192 ' + (e.toStatus || '') + ' ' : '',
    el('span', { class: 'actor' }, 'by ' + e.actor),
    e.detail ? el('div', { class: 'mono' }, JSON.stringify(e.detail)) : null)));
}

async function resubmit() {
  try {
    const r = await api('/api/orders/' + current.id + '/resubmit', { method: 'POST' });
    $('#action-result').textContent = 'Resubmitted: ' + r.previousStatus + ' \u2192 ' + r.status;
    setTimeout(() => openOrder(current.id), 700);
  } catch (e) {
    $('#action-result').textContent = e.message;
  }
}

start();
