// The funnel of advances on the weekly review: per queue chain, customers per stage (reached and
// there now) drawn as SVG bars, conversion and median time to advance between stages, and the
// stalled customers to follow up. Text only through textContent; no library, no CDN.
'use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const box = document.getElementById('funnel');
  if (!box) return;

  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, v);
    for (const c of children.flat()) if (c !== null && c !== undefined) e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }
  function s(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function duration(ms) {
    if (ms === null || ms === undefined) return '\u2013';
    const min = ms / 60000;
    if (min < 1) return Math.round(ms / 1000) + ' s';
    if (min < 90) return Math.round(min) + ' min';
    const hours = min / 60;
    if (hours < 36) return (Math.round(hours * 10) / 10) + ' h';
    return (Math.round(hours / 24 * 10) / 10) + ' days';
  }
  const pct = v => (v === null || v === undefined ? '\u2013' : (Math.round(v * 10) / 10) + ' %');

  function chart(r) {
    const rows = r.stages.map(st => ({ label: st.position + '. ' + st.id, sub: st.objectiveTitle, reached: st.reached, now: st.now, stalled: st.stalled }));
    rows.push({ label: 'Completed', sub: 'advance at the last stage', reached: r.completed, now: r.completed, stalled: 0, done: true });
    const max = Math.max(1, ...rows.map(x => x.reached));
    const W = 760, left = 200, barW = 400, rowH = 34, gap = 30;
    const H = rows.length * rowH + (rows.length - 1) * gap + 10;
    const svg = s('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', class: 'funnel-chart' });
    svg.appendChild(s('title', {}, 'Funnel of advances, queue ' + r.queue));
    rows.forEach((x, i) => {
      const y = 5 + i * (rowH + gap);
      const wReached = Math.max(2, barW * x.reached / max);
      const wNow = x.reached === 0 ? 0 : wReached * x.now / x.reached;
      const xr = left + (barW - wReached) / 2;
      svg.appendChild(s('text', { x: 0, y: y + 14, 'font-size': 13, 'font-weight': 600, fill: '#1d2733' }, x.label));
      svg.appendChild(s('text', { x: 0, y: y + 29, 'font-size': 11, fill: '#5b6775' }, (x.sub || '').slice(0, 30)));
      svg.appendChild(s('rect', { x: xr, y: y, width: wReached, height: rowH, rx: 4, fill: x.done ? '#bfe3cd' : '#c9dcf2' }));
      if (wNow > 0) svg.appendChild(s('rect', { x: xr, y: y, width: wNow, height: rowH, rx: 4, fill: x.done ? '#1b7f4b' : '#2f6db5' }));
      svg.appendChild(s('text', { x: left + barW + 12, y: y + 14, 'font-size': 13, fill: '#1d2733', class: 'funnel-reached' },
        x.reached + ' reached'));
      svg.appendChild(s('text', { x: left + barW + 12, y: y + 29, 'font-size': 11, fill: '#5b6775' },
        x.done ? '' : x.now + ' here now' + (x.stalled ? ', ' + x.stalled + ' stalled' : '')));
      if (i < rows.length - 1) {
        const st = r.stages[i];
        svg.appendChild(s('text', { x: left + barW / 2, y: y + rowH + 20, 'font-size': 12, 'text-anchor': 'middle', fill: '#1d2733', class: 'funnel-step' },
          '\u2193 ' + pct(st.conversion) + ' went on (' + st.advanced + ' of ' + st.reached + '), median ' + duration(st.medianMillisToAdvance) + ' to advance'));
      }
    });
    return svg;
  }

  function stalledTable(r) {
    if (!r.stalled.length) return h('p', { class: 'funnel-none' }, 'No stalled customers: everyone had an advance in the last ' + r.stalledDays + ' days.');
    const head = h('tr', {}, ['Customer', 'Stage', 'Days stalled', 'Last call', 'Agent', 'Outcome'].map(t => h('th', {}, t)));
    const body = r.stalled.slice(0, 100).map(x => h('tr', {},
      h('td', {}, x.callerNumber),
      h('td', {}, x.stagePosition + '. ' + x.stage),
      h('td', { class: 'n' }, String(x.daysStalled)),
      h('td', {}, new Date(x.lastCallAtMillis).toLocaleString()),
      h('td', {}, x.lastAgentName || x.lastAgentId || ''),
      h('td', {}, x.lastCode)));
    const more = r.stalled.length > 100 ? h('p', {}, (r.stalled.length - 100) + ' more in the CSV.') : null;
    return h('div', {}, h('table', { class: 'funnel-stalled' }, h('thead', {}, head), h('tbody', {}, body)), more);
  }

  function chain(r) {
    const csv = '/api/funnel/stalled.csv?queue=' + encodeURIComponent(r.queue);
    const notes = [];
    if (r.doNotCall) notes.push(r.doNotCall + ' on do-not-call left out of the follow-up');
    if (r.callsAtUnknownStages) notes.push(r.callsAtUnknownStages + ' calls at stages no longer configured left out');
    return h('div', { class: 'funnel-chain', 'data-queue': r.queue },
      h('h3', {}, 'Queue ' + r.queue + ': ' + r.customers + ' customers in the chain, ' + r.completed + ' completed'),
      h('p', { class: 'funnel-scope' }, 'Every customer of the chain so far (not only the dates above), by caller number; dark: at the stage now, light: reached it.'),
      chart(r),
      h('h3', {}, 'Stalled: no advance in ' + r.stalledDays + ' days or more (' + r.stalled.length + ')  ',
        h('a', { href: csv, class: 'funnel-csv' }, 'Download follow-up list (CSV)')),
      stalledTable(r),
      notes.length ? h('p', { class: 'note' }, notes.join('; ') + '.') : null);
  }

  fetch('/api/funnel', { headers: { Accept: 'application/json' } }).then(async res => {
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    return body;
  }).then(b => {
    if (!b.chains.length) {
      box.replaceChildren(h('p', {}, 'No queue has a chain of advances (stages in objectives.yaml).'));
    } else {
      box.replaceChildren(...b.chains.map(chain));
    }
    box.setAttribute('data-ready', 'yes');
  }).catch(e => {
    box.replaceChildren(h('p', { class: 'note' }, 'Funnel not available: ' + e.message));
    box.setAttribute('data-ready', 'error');
  });
})();
