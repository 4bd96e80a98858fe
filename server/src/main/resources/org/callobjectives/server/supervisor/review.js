// Weekly review: figures per objective and per agent against the previous period. Text only (textContent).
'use strict';

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v) e.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined) e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
const pct = v => (v === null || v === undefined ? '\u2013' : Math.round(v) + ' %');

function change(now, before, isPct) {
  if (now === null || before === null || now === undefined || before === undefined) return el('span', {}, '');
  const d = now - before;
  if (Math.abs(d) < 0.05) return el('span', {}, ' (=)');
  const text = ' (' + (d > 0 ? '+' : '') + (isPct ? Math.round(d) + ' pt' : d) + ')';
  return el('span', { class: d > 0 ? 'up' : 'down' }, text);
}

function cell(now, before, isPct) {
  return el('td', { class: 'n' }, isPct ? pct(now) : String(now), change(now, before, isPct));
}

// Kept / checked, with what is still open: commitments are checked on the customer's next call.
function keptCell(l) {
  const replaced = l.commitmentsReplaced || 0;
  const open = l.commitments - l.commitmentsChecked - replaced;
  const title = l.commitments + ' commitments agreed: ' + l.commitmentsChecked + ' checked on a later call ('
    + l.commitmentsKept + ' kept), ' + open + ' still to ask about (' + l.commitmentsNotYet + ' of them not due yet), '
    + replaced + ' replaced by a later advance before anyone checked them';
  const td = el('td', { class: 'n', title: title });
  if (!l.commitments) { td.append('\u2013'); return td; }
  const parts = [l.commitmentsKept + ' of ' + l.commitmentsChecked];
  if (open) parts.push(open + ' open' + (l.commitmentsNotYet ? ' (' + l.commitmentsNotYet + ' not yet due)' : ''));
  if (replaced) parts.push(replaced + ' replaced');
  td.append(l.commitmentsChecked ? pct(l.keptRate) : 'none checked', change(l.keptRate, l.keptRateBefore, true),
    el('span', { class: 'sub' }, ' ' + parts.join(', ')));
  return td;
}

function lines(rows, first) {
  if (!rows.length) return el('p', {}, 'No calls in this period.');
  const head = el('tr', {}, [first, 'Calls', 'Advance rate', 'Commitments kept', 'Compliance', 'Opportunities', 'Conversions', 'CSAT',
    'Undisposed', 'Most common codes', ''].map(h => el('th', {}, h)));
  const body = rows.map(l => el('tr', { class: l.note ? 'flag' : null },
    el('td', {}, l.name),
    cell(l.calls, l.callsBefore, false),
    cell(l.advanceRate, l.advanceRateBefore, true),
    keptCell(l),
    cell(l.compliance, l.complianceBefore, true),
    cell(l.opportunities, l.opportunitiesBefore, false),
    cell(l.conversions, l.conversionsBefore, false),
    cell(l.csat, l.csatBefore, true),
    el('td', { class: 'n' }, String(l.undisposed)),
    el('td', {}, l.topCodes.join(', ')),
    el('td', { class: 'note' }, l.note || '')));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, body));
}

function load() {
  const params = new URLSearchParams(location.search);
  const q = new URLSearchParams();
  for (const k of ['from', 'to']) if (params.get(k)) q.set(k, params.get(k));
  document.getElementById('csv').href = '/api/stats/review.csv' + (q.toString() ? '?' + q : '');
  fetch('/api/stats/review?' + q, { headers: { Accept: 'application/json' } }).then(async r => {
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }).then(r => {
    document.getElementById('from').value = r.from;
    document.getElementById('to').value = r.to;
    document.getElementById('period').textContent =
      r.from + ' to ' + r.to + ', compared with the same weekdays before, ' + r.previousFrom + ' to ' + r.previousTo
      + ' (up to the same time of day while the period runs; changes in brackets).';
    document.getElementById('objectives').replaceChildren(lines(r.objectives, 'Objective'));
    document.getElementById('agents').replaceChildren(lines(r.agents, 'Agent'));
  }).catch(e => { document.getElementById('error').textContent = e.message; });
}

load();
