// Customer-service cases: the cases of an order and "open a case" on the order detail; the cases page (search by
// text and status) and one case with its orders, notes and status.
import { el } from './dom.js';
import { api, send, time, problemText } from './api.js';

const $ = (sel) => document.querySelector(sel);
let orderId = null;
let reopenOrder = () => {};
let kase = null;

export function startCases(reload) {
  reopenOrder = reload;
  $('#open-case-form').addEventListener('submit', openCase);
  $('#c-filters').addEventListener('submit', (e) => { e.preventDefault(); loadCases(); });
  $('#case-note-form').addEventListener('submit', addNote);
  $('#case-status-form').addEventListener('submit', changeStatus);
}

// ---- on the order detail ----
export async function showOrderCases(order) {
  orderId = order.id;
  $('#case-result').textContent = '';
  try {
    const page = await api('/api/cases?orderId=' + order.id + '&limit=50');
    $('#order-case-list').replaceChildren(...(page.items.length ? page.items.map((c) => el('li', { dataset: { id: c.id } },
      el('a', { href: '#/cases/' + c.id }, c.title), ' (' + c.kind + ', ' + c.status + ')'))
      : [el('li', { class: 'note' }, 'no cases')]));
  } catch (e) {
    $('#order-case-list').replaceChildren(el('li', { class: 'error' }, e.message));
  }
}

async function openCase(event) {
  event.preventDefault();
  const body = { title: $('#case-title').value.trim(), kind: $('#case-kind').value, orderIds: [orderId] };
  if ($('#case-note').value.trim()) body.note = $('#case-note').value.trim();
  try {
    const c = await api('/api/cases', send('POST', body));
    $('#case-title').value = '';
    $('#case-note').value = '';
    reopenOrder(orderId, 'Case opened: ' + c.title);
  } catch (e) {
    $('#case-result').textContent = problemText(e);
  }
}

// ---- the cases page ----
export async function loadCases() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($('#c-filters'))) if (v) params.set(k, v);
  params.set('limit', '100');
  $('#c-error').textContent = '';
  try {
    const page = await api('/api/cases?' + params);
    $('#c-table tbody').replaceChildren(...page.items.map((c) => el('tr', { dataset: { id: c.id } },
      el('td', {}, el('a', { href: '#/cases/' + c.id }, c.title)), el('td', {}, c.kind),
      el('td', { class: 'case-status' }, c.status), el('td', {}, c.customerId || ''),
      el('td', {}, (c.orders || []).map((o) => o.poNumber || o.orderId).join(', ')),
      el('td', {}, c.openedBy), el('td', {}, time(c.updatedAt)))));
  } catch (e) {
    $('#c-error').textContent = e.message;
  }
}

export async function openCaseView(id) {
  $('#case-action-result').textContent = '';
  try {
    kase = await api('/api/cases/' + id);
  } catch (e) {
    $('#case-heading').textContent = e.message;
    return;
  }
  $('#case-heading').textContent = kase.title;
  const facts = [['Kind', kase.kind], ['Status', kase.status], ['Customer', kase.customerId], ['Opened by', kase.openedBy],
    ['Opened', time(kase.openedAt)], ['Changed', time(kase.updatedAt)]];
  $('#case-facts').replaceChildren(...facts.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  $('#case-status').value = kase.status;
  $('#case-orders').replaceChildren(...kase.orders.map((o) => el('li', { dataset: { id: o.orderId } },
    el('a', { href: '#/orders/' + o.orderId }, o.poNumber || o.orderId), ' ' + o.orderStatus + ' (' + o.sender + ')')));
  $('#case-notes').replaceChildren(...kase.notes.map((n) => el('li', {}, el('time', {}, time(n.at)), ' ',
    el('span', { class: 'actor' }, n.author), el('div', { class: 'note-text' }, n.text))));
}

async function addNote(event) {
  event.preventDefault();
  try {
    await api('/api/cases/' + kase.id + '/notes', send('POST', { text: $('#case-note-text').value }));
    $('#case-note-text').value = '';
    await openCaseView(kase.id);
  } catch (e) {
    $('#case-action-result').textContent = problemText(e);
  }
}

async function changeStatus(event) {
  event.preventDefault();
  try {
    await api('/api/cases/' + kase.id, send('PATCH', { status: $('#case-status').value, version: kase.version }));
    await openCaseView(kase.id);
    $('#case-action-result').textContent = 'Status: ' + kase.status;
  } catch (e) {
    $('#case-action-result').textContent = e.status === 409 ? 'Changed by someone else \u2014 reload (' + e.message + ')' : problemText(e);
  }
}
