// Renders an original document (as GET /api/documents/{id}/view returns it) as text in the page, and highlights
// the place a provenance locator names: a JSON pointer, an EDI segment/element, a CSV cell, an XPath, a mail part.
import { el } from './dom.js';

const EDI_LABELS = {
  UNA: 'Service string advice', UNB: 'Interchange header', UNG: 'Group header', UNH: 'Message header',
  BGM: 'Beginning of message', DTM: 'Date/time/period', PAI: 'Payment instructions', ALI: 'Additional information',
  FTX: 'Free text', RFF: 'Reference', NAD: 'Name and address', CTA: 'Contact', COM: 'Communication contact',
  TAX: 'Duty/tax/fee', CUX: 'Currencies', PAT: 'Payment terms', TOD: 'Terms of delivery', LIN: 'Line item',
  PIA: 'Additional product id', IMD: 'Item description', QTY: 'Quantity', PRI: 'Price details', MOA: 'Monetary amount',
  LOC: 'Place/location', UNS: 'Section control', CNT: 'Control total', UNT: 'Message trailer', UNE: 'Group trailer',
  UNZ: 'Interchange trailer', ISA: 'Interchange control header', GS: 'Functional group header',
  ST: 'Transaction set header', BEG: 'Beginning segment for PO', CUR: 'Currency', REF: 'Reference identification',
  PER: 'Contact', FOB: 'F.O.B. instructions', ITD: 'Terms of sale', N1: 'Party identification', N2: 'Additional name',
  N3: 'Address', N4: 'Geographic location', PO1: 'Baseline item data', PID: 'Product description',
  CTT: 'Transaction totals', AMT: 'Monetary amount', SE: 'Transaction set trailer', GE: 'Functional group trailer',
  IEA: 'Interchange control trailer'
};

export function renderOriginal(box, view) {
  let content;
  switch (view.kind) {
    case 'json': content = jsonView(view.text); break;
    case 'edi': content = ediView(view.text); break;
    case 'csv': content = csvView(view.text); break;
    case 'xml': content = xmlView(view.text); break;
    case 'mail': content = mailView(view.mail); break;
    case 'pdf': content = el('embed', { class: 'pdf', type: 'application/pdf', src: view.url }); break;
    case 'image': content = el('img', { src: view.url, alt: 'scanned original' }); break;
    case 'too-large': content = el('p', {}, 'The original is too large to show here; use the raw link.'); break;
    default: content = el('pre', {}, view.text);
  }
  box.replaceChildren(content);
}

/** Highlights the source of a field; returns whether it was found. */
export function highlight(box, source) {
  box.querySelectorAll('.hl').forEach((n) => n.classList.remove('hl'));
  if (!source) return false;
  const target = find(box, source.kind, source.locator);
  if (!target) return false;
  target.classList.add('hl');
  target.scrollIntoView({ block: 'center' });
  return true;
}

function find(box, kind, locator) {
  const mail = box.querySelector('.mail');
  if (mail) {
    const cut = locator.indexOf(': ');
    const label = cut < 0 ? locator : locator.substring(0, cut);
    return [...mail.querySelectorAll('[data-label]')].find((n) => n.dataset.label === label) || null;
  }
  if (kind === 'json-pointer') return box.querySelector('[data-ptr="' + CSS.escape(locator) + '"]');
  if (kind === 'csv') {
    const m = locator.match(/row (\d+), column ([A-Z]+)/);
    return m ? box.querySelector('td[data-row="' + m[1] + '"][data-col="' + m[2] + '"]') : null;
  }
  if (kind === 'edi') return findEdi(box, locator);
  if (kind === 'xpath' || locator.startsWith('/')) return findXml(box, locator);
  return null;
}

// ---- JSON: pretty-printed, every value carries its JSON pointer ----
function jsonView(text) {
  let value;
  try { value = JSON.parse(text); } catch (e) { return el('pre', {}, text); }
  const root = el('div', { class: 'json' });
  const pad = (n) => '  '.repeat(n);
  const write = (parent, v, ptr, depth) => {
    const node = el('span', { dataset: { ptr } });
    if (Array.isArray(v) || (v && typeof v === 'object')) {
      const entries = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
      node.append(Array.isArray(v) ? '[' : '{');
      entries.forEach(([k, x], i) => {
        node.append('\n' + pad(depth + 1));
        if (!Array.isArray(v)) node.append(el('span', { class: 'key' }, JSON.stringify(k)), ': ');
        write(node, x, ptr + '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1'), depth + 1);
        if (i < entries.length - 1) node.append(',');
      });
      node.append((entries.length ? '\n' + pad(depth) : '') + (Array.isArray(v) ? ']' : '}'));
    } else {
      node.className = typeof v === 'string' ? 'str' : 'num';
      node.textContent = JSON.stringify(v);
    }
    parent.append(node);
  };
  write(root, value, '', 0);
  return root;
}

// ---- EDI: one line per segment with its name; elements and components addressable ----
function ediView(text) {
  const box = el('div', { class: 'edi' });
  const t = text.replace(/^\uFEFF/, '');
  let elemSep = '+', compSep = ':', release = '?', segTerm = "'";
  const x12 = t.trimStart().startsWith('ISA');
  if (x12) {
    const s = t.trimStart();
    elemSep = s[3]; compSep = s[104]; segTerm = s[105]; release = null;
  } else if (t.startsWith('UNA')) {
    compSep = t[3]; elemSep = t[4]; release = t[6] === ' ' ? null : t[6]; segTerm = t[8];
  }
  const segments = splitEscaped(t.startsWith('UNA') ? t.substring(9) : t, segTerm, release)
    .map((s) => s.replace(/^[\r\n\s]+/, '')).filter((s) => s.length);
  if (t.startsWith('UNA')) box.append(el('div', { class: 'seg' }, el('span', { class: 'tag' }, t.substring(0, 9)), el('span', { class: 'label' }, EDI_LABELS.UNA)));
  let interchange = '', group = '', message = '', position = 0;
  for (const raw of segments) {
    const elements = splitEscaped(raw, elemSep, release);
    const tag = elements[0];
    if (tag === 'UNB') { interchange = 'UNB ' + (elements[5] || ''); group = ''; }
    else if (tag === 'ISA') { interchange = 'ISA ' + (elements[13] || '').trim(); group = ''; }
    else if (tag === 'UNG') group = 'UNG ' + (elements[5] || '');
    else if (tag === 'GS') group = 'GS ' + (elements[6] || '');
    if (tag === 'UNH' || tag === 'ST') { message = tag + ' ' + (elements[tag === 'UNH' ? 1 : 2] || ''); position = 0; }
    const inMessage = message !== '';
    if (inMessage) position++;
    const path = [interchange, group, message].filter((p) => p).join(' / ');
    const seg = el('div', { class: 'seg', dataset: { path, pos: inMessage ? String(position) : '', tag } },
      el('span', { class: 'tag' }, tag));
    elements.slice(1).forEach((value, i) => {
      seg.append(elemSep);
      const element = el('span', { class: 'el', dataset: { el: String(i + 1) } });
      splitEscaped(value, compSep, release).forEach((c, j) => {
        if (j > 0) element.append(compSep);
        element.append(el('span', { class: 'comp', dataset: { comp: String(j + 1) } }, c));
      });
      seg.append(element);
    });
    seg.append(segTerm, el('span', { class: 'label' }, (inMessage ? '#' + position + ' ' : '') + (EDI_LABELS[tag] || '')));
    box.append(seg);
    if (tag === 'UNT' || tag === 'SE') message = '';
  }
  return box;
}

function splitEscaped(s, sep, release) {
  const out = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (release && ch === release && i + 1 < s.length) { cur += ch + s[i + 1]; i++; continue; }
    if (ch === sep) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function findEdi(box, locator) {
  // e.g. "UNB 1001 / UNH 1 / seg 7 DTM+137 / el 1.2" or "ISA 1 / GS 8 / ST 7 / seg 4 BEG / el 3"
  const parts = locator.split(' / ');
  const segAt = parts.findIndex((p) => p.startsWith('seg '));
  if (segAt < 0) return null;
  const path = parts.slice(0, segAt).join(' / ');
  const pos = parts[segAt].split(' ')[1];
  const seg = [...box.querySelectorAll('.seg')].find((s) => s.dataset.path === path && s.dataset.pos === pos)
    || [...box.querySelectorAll('.seg')].find((s) => s.dataset.path.startsWith(parts[0]) && s.dataset.pos === '' && pos === '1'
      && s.dataset.tag === parts[segAt].split(' ')[2]);
  if (!seg) return null;
  const elPart = parts[segAt + 1];
  if (!elPart || !elPart.startsWith('el ')) return seg;
  const [e, c] = elPart.substring(3).split(' ')[0].split('.');
  const element = seg.querySelector('.el[data-el="' + e + '"]');
  if (!element) return seg;
  return (c && element.querySelector('.comp[data-comp="' + c + '"]')) || element;
}

// ---- CSV: a table; cells addressed by row number and column letter, as the locators name them ----
function csvView(text) {
  const first = text.split(/\r?\n/, 1)[0];
  const sep = [';', ',', '\t', '|'].reduce((best, s) => (first.split(s).length > first.split(best).length ? s : best), ',');
  const rows = parseCsv(text, sep);
  const width = Math.max(...rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i));
  const table = el('table', { class: 'csv' }, el('thead', {}, el('tr', {}, el('th', {}, ''), letters.map((l) => el('th', {}, l)))));
  const body = el('tbody');
  rows.forEach((r, i) => body.append(el('tr', {}, el('th', {}, i + 1),
    letters.map((l, j) => el('td', { dataset: { row: String(i + 1), col: l } }, r[j] ?? '')))));
  table.append(body);
  return table;
}

function columnLetter(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseCsv(text, sep) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// ---- XML: an indented tree; XPath locators are evaluated on the parsed document ----
let xmlDoc = null;
const xmlNodes = new Map();

function xmlView(text) {
  xmlNodes.clear();
  xmlDoc = new DOMParser().parseFromString(text, 'application/xml');
  if (xmlDoc.getElementsByTagName('parsererror').length) { xmlDoc = null; return el('pre', {}, text); }
  const box = el('div', { class: 'xml mono' });
  const walk = (node, depth) => {
    const line = el('div', { class: 'xml-el' }, '  '.repeat(depth) + '<' + node.nodeName
      + [...node.attributes].filter((a) => !a.name.startsWith('xmlns')).map((a) => ' ' + a.name + '="' + a.value + '"').join('') + '>');
    xmlNodes.set(node, line);
    const kids = [...node.children];
    if (!kids.length) line.append(el('span', { class: 'str' }, node.textContent.trim()));
    box.append(line);
    kids.forEach((k) => walk(k, depth + 1));
  };
  walk(xmlDoc.documentElement, 0);
  return box;
}

function findXml(box, xpath) {
  if (!xmlDoc) return null;
  const ns = {};
  const root = xmlDoc.documentElement;
  for (const e of [root, ...root.querySelectorAll('*')]) {
    for (const a of e.attributes) if (a.name.startsWith('xmlns:')) ns[a.name.substring(6)] = a.value;
  }
  const dflt = root.namespaceURI;
  const expr = dflt ? xpath.replace(/(^|\/)([A-Za-z_][\w.-]*)(?=\[|\/|$)/g, '$1d:$2') : xpath;
  try {
    const r = xmlDoc.evaluate(expr, xmlDoc, (p) => (p === 'd' ? dflt : ns[p] || null), XPathResult.FIRST_ORDERED_NODE_TYPE, null);
    let n = r.singleNodeValue;
    if (n && n.nodeType === Node.ATTRIBUTE_NODE) n = n.ownerElement;
    return (n && xmlNodes.get(n)) || null;
  } catch (e) {
    return null;
  }
}

// ---- mail: header fields, the plain-text body, the attachments (an HTML body is never shown) ----
function mailView(mail) {
  const box = el('div', { class: 'mail' });
  box.append(el('table', { class: 'mail-headers' }, el('tbody', {}, Object.entries(mail.headers || {})
    .filter(([, v]) => v).map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))))));
  box.append(el('h3', {}, 'Attachments'));
  box.append(el('ul', {}, (mail.attachments || []).map((a) => el('li', { dataset: { label: a.label } },
    a.label + ' \u2014 ' + (a.type || 'unknown type') + (a.size !== null ? ', ' + a.size + ' bytes' : '')
    + (a.unreadable ? ' (unreadable: ' + a.unreadable + ')' : '')))));
  box.append(el('h3', { dataset: { label: 'body' } }, 'Text body'), el('pre', {}, mail.text || '(none)'));
  if (mail.hasHtml) box.append(el('p', { class: 'note' }, 'The mail also has an HTML body; it is kept in the original and not shown.'));
  return box;
}
