// Targets realism on the admin page: each goals.yaml target against the last N periods of its
// metric (warnings only, never errors). Text only through textContent.
'use strict';
(function () {
  const box = document.getElementById('targets');
  if (!box) return;
  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, v);
    for (const c of children.flat()) if (c !== null && c !== undefined) e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }
  const num = v => (v === null || v === undefined ? '\u2013' : String(v));
  const cls = { above: 'finding warn', below: 'finding warn', ok: 'finding ok', not_enough_history: 'finding muted', not_checked: 'finding muted' };
  fetch('/api/admin/targets', { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(async res => {
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    return body;
  }).then(b => {
    const warnings = b.checks.filter(c => c.status === 'above' || c.status === 'below').length;
    const head = h('tr', {}, ['Goal', 'Target', '10th pct', 'Median', '90th pct', 'Periods with calls', 'Check'].map(t => h('th', {}, t)));
    const rows = b.checks.map(c => h('tr', { class: 'target-' + c.status, 'data-goal': c.goalId },
      h('td', {}, c.title),
      h('td', {}, num(c.target)),
      h('td', {}, num(c.p10)), h('td', {}, num(c.median)), h('td', {}, num(c.p90)),
      h('td', {}, c.status === 'not_checked' ? '' : c.periodsWithData + ' of ' + c.periods),
      h('td', { class: cls[c.status] || 'finding' }, (c.status === 'above' || c.status === 'below' ? 'warning: ' : '') + c.message)));
    box.replaceChildren(
      h('p', { class: 'muted', id: 'targets-summary' }, warnings + ' warning(s): targets compared with the last ' + b.periods
        + ' periods of their own length (goals.yaml, targetsRealism.periods). Warnings never stop the server.'),
      h('table', { id: 'targets-table' }, h('thead', {}, head), h('tbody', {}, rows)));
  }).catch(e => {
    box.replaceChildren(h('p', { class: 'muted' }, 'Targets realism not available: ' + e.message));
  });
})();
