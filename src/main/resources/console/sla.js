// The SLA state of an order as a badge.
import { el } from './dom.js';

const LABELS = { ON_TRACK: 'on track', AT_RISK: 'at risk', BREACHED: 'breached', MET: 'met', MISSED: 'missed', CLOSED: 'closed' };

export function slaBadge(state) {
  if (!state) return '';
  return el('span', { class: 'sla sla-' + state, dataset: { sla: state } }, LABELS[state] || state);
}
