// Supervisor live view. Every piece of data goes into the page as text (textContent), never as HTML:
// caller ids, agent names and objective titles come from callers and config files.
'use strict';

const state = { snap: null, view: 'shift', offset: 0, failures: 0 };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v; else if (k === 'style') e.style.cssText = v; else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function put(id, node) {
  const target = document.getElementById(id);
  target.replaceChildren(node);
}

const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
const num = v => (v === null || v === undefined ? '\u2013' : String(v));
const pct = v => (v === null || v === undefined ? '\u2013' : Math.round(v) + ' %');
function duration(s) {
  if (s === null || s === undefined) return '\u2013';
  s = Math.max(0, Math.round(s));
  const m = Math.floor(s / 60);
  return m + ':' + String(s % 60).padStart(2, '0');
}
function clock(ms) {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
const now = () => Date.now() + state.offset;

function table(columns, rows, rowClass) {
  if (!rows.length) return el('p', { class: 'empty' }, 'none');
  const head = el('tr', {}, columns.map(c => el('th', { class: c.n ? 'n' : null }, c.h)));
  const body = rows.map(r => el('tr', { class: rowClass ? rowClass(r) : null },
    columns.map(c => el('td', { class: (c.n ? 'n ' : '') + (c.wrap ? 'wrap' : '') || null }, c.v(r)))));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, body));
}

function caller(number, name) {
  return el('span', {}, number || 'unknown', name ? el('span', { class: 'caller-name' }, ' ' + name) : null);
}

function opportunities(r) {
  if (r.opportunitiesTarget === null || r.opportunitiesTarget === undefined) return num(r.opportunities);
  const t = r.opportunitiesTarget;
  const share = t > 0 ? Math.min(1, r.opportunities / t) : 1;
  return el('span', {}, r.opportunities + ' / ' + t,
    el('span', { class: 'mini' + (r.opportunities >= t ? ' done' : '') }, el('span', { style: 'width:' + (share * 100) + '%' })));
}

// One name per figure, its definition on hover, and the base every percentage rests on.
function renderKpis(v) {
  const t = v.total;
  const waiting = Math.max(0, t.handled - t.dispositioned - t.undisposed);
  const tiles = [
    ['waiting', 'Waiting now', num(t.waiting), t.waiting ? el('span', {}, 'longest ', el('span', { class: 'ticker', 'data-since': t.oldestWaitMillis }, duration((now() - t.oldestWaitMillis) / 1000))) : null,
      'Callers in a queue right now, not yet answered'],
    ['handled', 'Calls handled', num(t.handled), null, 'Answered queue calls and agent-dialled calls that ended in this period'],
    ['in-progress', 'In progress', num(state.snap.inProgress.length), null, 'Calls connected to an agent right now'],
    ['abandoned', 'Abandoned', num(t.abandoned), t.timedOut ? plural(t.timedOut, 'timeout') : null, 'Callers who hung up in the queue before an agent answered'],
    ['aht', 'Avg handle time', duration(t.ahtSeconds), null, 'Average talk time of handled calls (m:ss)'],
    ['advance-rate', 'Advance rate', pct(t.advanceRate), 'of ' + t.dispositioned + ' dispositioned' + (waiting ? ', ' + waiting + ' in wrap-up' : ''),
      'Share of dispositioned calls where the customer took the objective\'s advance'],
    ['advances', 'Advances', num(t.advances), null, 'Dispositioned calls where the customer took the objective\'s advance'],
    ['compliance', 'Compliance', pct(t.compliance), t.complianceCalls ? 'on ' + plural(t.complianceCalls, 'call') : null,
      'Required compliance checklist items ticked, out of all required items on dispositioned calls'],
    ['opportunities', 'Upsell opportunities', num(t.opportunities), null, 'Upsell opportunities agents recorded in their dispositions'],
    ['conversions', 'Upsell conversions', num(t.conversions), null, 'Sales on calls where at least one upsell opportunity was recorded'],
    ['csat', 'Avg CSAT', pct(t.csat), t.csatCount ? plural(t.csatCount, 'score') : null, 'Average customer satisfaction score given in dispositions'],
    ['undisposed', 'Wrap-up missed', num(t.undisposed), null, 'Ended calls whose agent left wrap-up without a disposition'],
  ];
  put('kpis', el('div', { style: 'display:contents' }, tiles.map(([id, label, value, base, help]) =>
    el('div', { class: 'kpi' + (id === 'undisposed' && t.undisposed > 0 ? ' alert' : ''), title: help },
      el('div', { class: 'v', id: 'kpi-' + id }, value), el('div', { class: 'l' }, label),
      base ? el('div', { class: 'b', id: 'kpi-' + id + '-base' }, base) : null))));
}

function renderGoals(goals) {
  if (!goals.length) { put('goals', el('p', { class: 'empty' }, 'No targets: add them in goals.yaml')); return; }
  const rows = goals.map(g => {
    const target = g.target || 0;
    const value = g.value === null ? 0 : g.value;
    const share = target > 0 ? Math.min(1, value / target) : 0;
    const bar = el('div', { class: 'bar', title: g.percentMetric ? 'at least ' + pct(target) : value + ' of ' + target },
      el('div', { class: 'fill', style: 'width:' + (share * 100) + '%' }),
      g.expected !== null && target > 0 ? el('div', { class: 'pace', style: 'left:' + Math.min(100, g.expected / target * 100) + '%' }) : null);
    const figure = g.status === 'no_baseline' ? num(g.value) + ', nothing last period to grow from'
      : g.percentMetric ? pct(g.value) + ' (min ' + pct(target) + ')' + (g.base !== null ? ' of ' + plural(g.base, 'call') : '')
      : num(g.value) + ' / ' + num(target);
    return el('div', { class: 'goal', 'data-goal': g.id },
      el('div', {}, el('div', {}, g.title), el('div', { class: 'who' }, g.subject + ' \u00b7 ' + g.period)),
      bar,
      el('div', { class: 'fig' }, figure + ' ', el('span', { class: 'badge ' + g.status }, g.status.replace('_', ' '))));
  });
  put('goals', el('div', {}, rows));
}

function renderWins(wins) {
  const section = document.getElementById('wins-section');
  section.hidden = !wins.length;
  put('wins', el('div', { style: 'display:contents' }, wins.map(w =>
    el('li', {}, clock(w.atMillis) + ' \u2014 ' + w.subject + ': ' + w.title))));
}

// The checklist as the agent ticks it; a call still missing a required compliance item past the
// reminder time is flagged for the supervisor.
function checklist(c) {
  if (!c.checklistItems) return '\u2013';
  const missing = c.missingCompliance || [];
  return el('span', { class: c.flagged ? 'flag' : null, title: missing.length ? 'compliance still to do: ' + missing.join('; ') : 'all required compliance ticked' },
    c.checklistDone + '/' + c.checklistItems + (c.flagged ? ' \u26a0 missing: ' + missing.join('; ') : ''));
}

function renderInProgress(calls) {
  put('in-progress', table([
    { h: 'Caller', v: c => caller(c.callerNumber, c.callerName), wrap: true },
    { h: 'Agent', v: c => c.agentName || '\u2013' },
    { h: 'Queue', v: c => c.queue || 'agent-dialled' },
    { h: 'Objective', v: c => c.objective || '\u2013', wrap: true },
    { h: 'Checklist', v: checklist, wrap: true },
    { h: 'On call', n: true, v: c => el('span', { class: 'ticker', 'data-since': c.connectedAtMillis,
      'data-limit': state.snap.longCallSeconds, title: 'long after ' + duration(state.snap.longCallSeconds) },
      duration((now() - c.connectedAtMillis) / 1000)) },
  ], calls, c => (c.flagged ? 'flagged' : null)));
}

// Who waits now, and how fast calls were answered in the period: service level = calls answered
// within the queue's threshold, out of every call offered (answered, abandoned or timed out).
function serviceLevel(r) {
  if (r.serviceLevel === null || r.serviceLevel === undefined) return '\u2013';
  return el('span', { title: r.answeredInTarget + ' of ' + plural(r.offered, 'call') + ' offered answered within '
    + (r.serviceLevelSeconds || '?') + ' s' }, pct(r.serviceLevel) + (r.serviceLevelSeconds ? ' \u2264' + r.serviceLevelSeconds + ' s' : ''));
}

function longestWait(r) {
  if (!r.waiting) return '\u2013';
  const late = r.serviceLevelSeconds && (now() - r.oldestWaitMillis) / 1000 > r.serviceLevelSeconds;
  return el('span', { class: 'ticker' + (late ? ' late' : ''), 'data-since': r.oldestWaitMillis,
    'data-limit': r.serviceLevelSeconds || '' }, duration((now() - r.oldestWaitMillis) / 1000));
}

function renderQueues(v) {
  put('queues', table([
    { h: 'Queue', v: r => r.name },
    { h: 'Waiting', n: true, v: r => el('span', { class: r.waiting ? 'waiting' : null }, num(r.waiting)) },
    { h: 'Longest wait', n: true, v: longestWait },
    { h: 'On calls', n: true, v: r => num(r.inProgress) },
    { h: 'Service level', n: true, v: serviceLevel },
    { h: 'Abandoned', n: true, v: r => num(r.abandoned) + (r.abandonRate !== null ? ' (' + pct(r.abandonRate) + ')' : '') },
    { h: 'Timed out', n: true, v: r => num(r.timedOut) + (r.offered ? ' (' + pct(100 * r.timedOut / r.offered) + ')' : '') },
    { h: 'Handled', n: true, v: r => num(r.handled) },
    { h: 'AHT', n: true, v: r => duration(r.ahtSeconds) },
    { h: 'Advance rate', n: true, v: r => pct(r.advanceRate) },
    { h: 'Compliance', n: true, v: r => pct(r.compliance) },
    { h: 'Opps', n: true, v: r => num(r.opportunities) },
    { h: 'Conv.', n: true, v: r => num(r.conversions) },
    { h: 'CSAT', n: true, v: r => pct(r.csat) },
  ], v.queues.concat([v.total])));
}

// ready, ringing, on call, wrap-up (forced: paused in Asterisk), paused (reason) or offline, with the time in it.
function agentState(r) {
  const st = (state.snap.agentStates || []).find(a => a.agentId === r.id);
  if (!st) return '\u2013';
  const label = st.state.replace('_', ' ') + (st.reason ? ' (' + st.reason + ')' : '')
    + (st.pendingWrapUps > 1 ? ' \u00b7 ' + st.pendingWrapUps + ' pending' : '');
  // A long call or a long wrap-up turns red (goals.yaml: longCallSeconds, longWrapUpSeconds).
  const limit = st.state === 'on_call' ? state.snap.longCallSeconds : st.state === 'wrap_up' ? state.snap.longWrapUpSeconds : '';
  return el('span', { class: 'agent-state ' + st.state }, label + ' ',
    st.sinceMillis > 0 ? el('span', { class: 'ticker', 'data-since': st.sinceMillis, 'data-limit': limit },
      duration((now() - st.sinceMillis) / 1000)) : null);
}

function renderAgents(v) {
  put('agents', table([
    { h: 'Agent', v: r => r.name },
    { h: 'Team', v: r => r.team || '\u2013' },
    { h: 'State', v: agentState },
    { h: 'Live', n: true, v: r => num(r.inProgress) },
    { h: 'Handled', n: true, v: r => num(r.handled) },
    { h: 'AHT', n: true, v: r => duration(r.ahtSeconds) },
    { h: 'Advances', n: true, v: r => num(r.advances) },
    { h: 'Advance rate', n: true, v: r => pct(r.advanceRate) },
    { h: 'Compliance', n: true, v: r => pct(r.compliance) + (r.complianceCalls ? ' on ' + plural(r.complianceCalls, 'call') : '') },
    { h: state.view === 'shift' ? 'Opps vs target' : 'Opps', n: true, v: opportunities },
    { h: 'Conv.', n: true, v: r => num(r.conversions) },
    { h: 'CSAT', n: true, v: r => pct(r.csat) },
    { h: 'Undisposed', n: true, v: r => num(r.undisposed) },
  ], v.agents, r => (r.undisposed > 0 ? 'undisposed' : null)));
}

function renderBoards(v) {
  if (!v.leaderboards.length) { put('boards', el('p', { class: 'empty' }, 'none')); return; }
  put('boards', el('div', { style: 'display:contents' }, v.leaderboards.map(b => el('div', { class: 'board' },
    el('h3', {}, b.title),
    el('ol', {}, b.rows.map(r => el('li', {}, r.name + ' ',
      el('span', {}, plural(r.advances, 'advance') + ' \u00b7 ' + pct(r.advanceRate) + ' \u00b7 ' + plural(r.handled, 'call')))))))));
}

// Abandoned and timed-out waits never reach an agent, so they have no disposition to wait for.
function disposition(c) {
  if (c.code) return c.code + (c.advance ? ' \u2713 advance' : '');
  return c.outcome === 'abandoned' || c.outcome === 'timed_out' ? 'none (no agent)' : 'in wrap-up';
}

function recentTable(calls, id) {
  put(id, table([
    { h: 'Time', v: c => clock(c.atMillis) },
    { h: 'Caller', v: c => caller(c.callerNumber, c.callerName), wrap: true },
    { h: 'Agent', v: c => c.agentName || '\u2013' },
    { h: 'Queue', v: c => c.queue },
    { h: 'Objective', v: c => c.objective || '\u2013', wrap: true },
    { h: 'Outcome', v: c => c.outcome },
    { h: 'Disposition', v: disposition },
    { h: 'Compliance', n: true, v: c => c.compliance || '\u2013' },
  ], calls, c => (c.undisposed ? 'undisposed' : null)));
}

function render() {
  const s = state.snap;
  if (!s) return;
  const v = s.views[state.view];
  const label = state.view === 'shift' ? 'shift ' + s.shift + ', ' + s.date
    : state.view === 'today' ? 'today, ' + s.date : 'week ' + v.from + ' to ' + v.to;
  document.getElementById('where').textContent = label + ' (' + s.zone + ')';
  renderKpis(v);
  renderWins(s.wins);
  renderGoals(s.goals);
  renderInProgress(s.inProgress);
  renderQueues(v);
  renderAgents(v);
  renderBoards(v);
  agentChart(v);
  funnelChart(v);
  recentTable(s.undisposed, 'undisposed');
  const missedToday = s.views.today.total.undisposed;
  if (missedToday > s.undisposed.length) {
    document.getElementById('undisposed').appendChild(el('p', { class: 'more' },
      'Showing the latest ' + s.undisposed.length + ' of ' + missedToday + ' today.'));
  }
  recentTable(s.recent, 'recent');
  tick();
}

// Charts drawn as SVG by the page itself: no library, nothing fetched from elsewhere.
const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

function hourChart(id, title, hours, pick, base) {
  const W = 480, H = 190, L = 34, R = 8, T = 10, B = 22, w = W - L - R, h = H - T - B;
  const x = i => L + (i + 0.5) * w / 24;
  const y = v => T + h - v / 100 * h;
  const maxCalls = Math.max(1, ...hours.map(x => x.today.handled));
  const parts = [];
  for (const v of [0, 50, 100]) {
    parts.push(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#e3e7ec' }));
    parts.push(svg('text', { x: L - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#5b6775' }, v + '%'));
  }
  hours.forEach((hr, i) => {
    const bh = hr.today.handled / maxCalls * h * 0.6;
    if (bh > 0) parts.push(svg('rect', { x: x(i) - w / 60, y: T + h - bh, width: w / 30, height: bh, fill: '#dfe5ec' },
      svg('title', {}, hr.hour + ':00 \u2013 ' + hr.today.handled + ' calls handled')));
    if (i % 3 === 0) parts.push(svg('text', { x: x(i), y: H - 6, 'text-anchor': 'middle', 'font-size': 10, fill: '#5b6775' }, String(hr.hour)));
  });
  for (const [key, dash, color] of [['weekBefore', '4 3', '#8a97a8'], ['today', '', '#2457c5']]) {
    const pts = hours.map((hr, i) => [i, pick(hr[key])]).filter(p => p[1] !== null && p[1] !== undefined);
    if (pts.length > 1) parts.push(svg('polyline', { points: pts.map(p => x(p[0]) + ',' + y(p[1])).join(' '),
      fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': dash }));
    for (const [i, v] of pts) parts.push(svg('circle', { cx: x(i), cy: y(v), r: 3, fill: color },
      svg('title', {}, hours[i].hour + ':00 ' + (key === 'today' ? 'today' : 'last week') + ': ' + Math.round(v)
        + ' % of ' + base(hours[i][key]))));
  }
  const fig = document.getElementById(id);
  fig.replaceChildren(el('figcaption', {}, title), svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': title }, ...parts));
}

function agentChart(v) {
  const rows = v.agents.filter(a => a.handled > 0).sort((a, b) => b.advances - a.advances || b.handled - a.handled).slice(0, 12);
  const fig = document.getElementById('chart-agents');
  if (!rows.length) { fig.replaceChildren(el('figcaption', {}, 'Advances by agent'), el('p', { class: 'empty' }, 'no calls yet')); return; }
  const W = 480, rowH = 18, L = 110, H = rows.length * rowH + 8, max = Math.max(1, ...rows.map(r => r.handled));
  const parts = [];
  rows.forEach((r, i) => {
    const yy = 4 + i * rowH;
    parts.push(svg('text', { x: L - 6, y: yy + 12, 'text-anchor': 'end', 'font-size': 11, fill: '#1d2733' }, r.name.slice(0, 16)));
    parts.push(svg('rect', { x: L, y: yy + 2, width: (W - L - 60) * r.handled / max, height: rowH - 6, fill: '#dfe5ec' }));
    parts.push(svg('rect', { x: L, y: yy + 2, width: (W - L - 60) * r.advances / max, height: rowH - 6, fill: '#2457c5' },
      svg('title', {}, r.name + ': ' + r.advances + ' advances of ' + r.handled + ' calls handled')));
    parts.push(svg('text', { x: W - 55, y: yy + 12, 'font-size': 11, fill: '#5b6775' }, r.advances + ' / ' + r.handled));
  });
  fig.replaceChildren(el('figcaption', {}, 'Advances by agent (blue) of calls handled (grey), ' + v.name),
    svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Advances by agent' }, ...parts));
}

// The chain of advances: each stage's calls (grey) and the advances that move callers on (blue).
function funnelChart(v) {
  const fig = document.getElementById('chart-funnel');
  const funnels = (v.funnels || []).filter(f => f.steps.length);
  if (!funnels.length) { fig.replaceChildren(el('figcaption', {}, 'Chain of advances'), el('p', { class: 'empty' }, 'no queue has stages')); return; }
  const W = 480, rowH = 20, L = 130, parts = [];
  let yy = 4;
  for (const f of funnels) {
    parts.push(svg('text', { x: 0, y: yy + 12, 'font-size': 11, 'font-weight': 600, fill: '#1d2733' }, 'Queue ' + f.queue));
    yy += rowH;
    const max = Math.max(1, ...f.steps.map(s => s.handled));
    for (const s of f.steps) {
      const full = (W - L - 70) * s.handled / max;
      parts.push(svg('text', { x: L - 6, y: yy + 12, 'text-anchor': 'end', 'font-size': 11, fill: '#1d2733' }, s.stage.slice(0, 18)));
      parts.push(svg('rect', { x: L, y: yy + 2, width: full, height: rowH - 6, fill: '#dfe5ec' }));
      parts.push(svg('rect', { x: L, y: yy + 2, width: (W - L - 70) * s.advances / max, height: rowH - 6, fill: '#2457c5' },
        svg('title', {}, s.stage + ' (' + s.objective + '): ' + s.advances + ' advances of ' + s.handled + ' calls handled, '
          + s.dispositioned + ' dispositioned')));
      parts.push(svg('text', { x: W - 65, y: yy + 12, 'font-size': 11, fill: '#5b6775' }, s.advances + ' / ' + s.handled));
      yy += rowH;
    }
    yy += 6;
  }
  fig.replaceChildren(el('figcaption', {}, 'Chain of advances per queue stage, ' + v.name),
    svg('svg', { viewBox: '0 0 ' + W + ' ' + yy, role: 'img', 'aria-label': 'Chain of advances' }, ...parts));
}

function loadHourly() {
  fetch('/api/stats/hourly', { headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : null))
    .then(d => {
      if (!d) return;
      hourChart('chart-advance', 'Advance rate by hour, ' + d.date + ' against ' + d.compareDate, d.hours,
        s => s.advanceRate, s => s.dispositioned + ' dispositioned');
      hourChart('chart-compliance', 'Compliance by hour, ' + d.date + ' against ' + d.compareDate, d.hours,
        s => s.compliance, s => s.complianceCalls + ' calls');
    })
    .catch(() => {});
}

function tick() {
  for (const t of document.querySelectorAll('.ticker')) {
    const s = (now() - Number(t.dataset.since)) / 1000;
    t.textContent = duration(s);
    if (t.dataset.limit) t.classList.toggle('late', s > Number(t.dataset.limit));
  }
}

function status(text, cls) {
  const s = document.getElementById('status');
  s.textContent = text;
  s.className = cls || '';
}

// Figures that stopped updating must not look live.
function stale(on) {
  document.body.classList.toggle('stale', on && state.snap !== null);
  const b = document.getElementById('stale');
  b.hidden = !(on && state.snap !== null);
  if (on && state.lastUpdate) {
    b.textContent = 'Not live: the server cannot be reached, reconnecting\u2026 These figures are from '
      + clock(state.lastUpdate) + '.';
  }
}

function connect() {
  const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/supervisor/live');
  ws.onopen = () => { state.failures = 0; status('live', 'live'); };
  ws.onmessage = e => {
    stale(false);
    state.snap = JSON.parse(e.data);
    state.lastUpdate = Date.now();
    state.offset = state.snap.serverTime - Date.now();
    render();
  };
  ws.onclose = () => {
    status('reconnecting', 'down');
    stale(true);
    state.failures++;
    // A refused upgrade looks like any other failure: ask the API whether the session is still valid.
    fetch('/api/stats/live', { headers: { Accept: 'application/json' } }).then(r => {
      if (r.status === 401) location.href = '/login?next=/supervisor';
    }).catch(() => {});
    setTimeout(connect, Math.min(10000, 500 * 2 ** Math.min(5, state.failures)));
  };
}

for (const b of document.querySelectorAll('.switch button')) {
  b.addEventListener('click', () => {
    state.view = b.dataset.view;
    for (const o of document.querySelectorAll('.switch button')) o.setAttribute('aria-pressed', String(o === b));
    render();
  });
}
setInterval(tick, 1000);
setInterval(loadHourly, 60000);
loadHourly();
connect();
