// Wall screen: no interaction. Signs its socket in with the kiosk name and token from the address
// (#kiosk=NAME&token=TOKEN: a fragment never reaches server logs), reconnects by itself, and says
// plainly when its figures are not live. Everything goes into the page as text.
'use strict';

const state = { data: null, offset: 0, failures: 0, lastUpdate: 0 };
const params = new URLSearchParams(location.hash.slice(1));
const kiosk = params.get('kiosk');
const token = params.get('token');
const LABELS = { ready: 'Ready', ringing: 'Ringing', on_call: 'On call', wrap_up: 'Wrap-up', paused: 'Paused', offline: 'Offline' };

const $ = id => document.getElementById(id);
const now = () => Date.now() + state.offset;
const pct = v => (v === null || v === undefined ? '\u2013' : Math.round(v) + ' %');
function duration(s) {
  s = Math.max(0, Math.round(s));
  const h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
  return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(s % 60).padStart(2, '0');
}
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function tile(id, value, base, cls) {
  $('v-' + id).textContent = value;
  $('b-' + id).textContent = base || '\u00a0';
  $('t-' + id).className = 'tile' + (cls ? ' ' + cls : '');
}
// Today's figure: its base, then the target (the minimum) when goals.yaml sets one.
function versus(f, noun) {
  const base = f.base ? 'of ' + f.base + ' ' + noun + (f.base === 1 ? '' : 's') : 'none yet';
  return f.target !== null && f.target !== undefined ? 'min ' + pct(f.target) + ', ' + base : base;
}
function judged(f) {
  if (f.value === null || f.value === undefined || f.target === null || f.target === undefined) return null;
  return f.value >= f.target ? 'good' : 'bad';
}

function render() {
  const d = state.data;
  if (!d) return;
  $('date').textContent = d.date + ' (' + d.zone + ')';
  let waiting = 0, oldest = null, offered = 0, inTarget = 0, answeredBase = 0, limit = null;
  for (const q of d.queues) {
    waiting += q.waiting;
    if (q.oldestWaitMillis && (oldest === null || q.oldestWaitMillis < oldest.since)) {
      oldest = { since: q.oldestWaitMillis, limit: q.serviceLevelSeconds };
    }
    offered += q.offered;
    if (q.serviceLevel !== null) { inTarget += q.serviceLevel * q.offered / 100; answeredBase += q.offered; }
    limit = limit === null ? q.serviceLevelSeconds : limit === q.serviceLevelSeconds ? limit : -1;
  }
  tile('waiting', String(waiting), waiting ? 'in ' + d.queues.filter(q => q.waiting).length + ' queue(s)' : 'nobody waiting',
    waiting ? 'warn' : 'good');
  $('v-longest').dataset.since = oldest ? oldest.since : '';
  $('v-longest').dataset.limit = oldest ? oldest.limit : '';
  tile('longest', oldest ? duration((now() - oldest.since) / 1000) : '\u2013', oldest ? 'target \u2264 ' + oldest.limit + ' s' : '\u00a0');
  const sl = answeredBase ? 100 * inTarget / answeredBase : null;
  tile('sl', pct(sl), offered ? (limit > 0 ? '\u2264 ' + limit + ' s, ' : '') + 'of ' + offered + ' offered' : 'no calls yet');
  tile('advance', pct(d.advanceRate.value), versus(d.advanceRate, 'call'), judged(d.advanceRate));
  tile('compliance', pct(d.compliance.value), versus(d.compliance, 'call'), judged(d.compliance));
  tile('csat', pct(d.csat.value), versus(d.csat, 'score'), judged(d.csat));

  const table = el('table');
  const head = el('tr');
  for (const h of ['Queue', 'Waiting', 'Longest', 'On calls', 'Service level', 'Abandoned', 'Handled']) head.appendChild(el('th', null, h));
  table.appendChild(head);
  for (const q of d.queues.slice(0, 9)) {
    const tr = el('tr');
    tr.appendChild(el('td', null, q.name));
    tr.appendChild(el('td', q.waiting ? 'waiting' : null, String(q.waiting)));
    const longest = el('td', 'ticker', q.oldestWaitMillis ? duration((now() - q.oldestWaitMillis) / 1000) : '\u2013');
    if (q.oldestWaitMillis) { longest.dataset.since = q.oldestWaitMillis; longest.dataset.limit = q.serviceLevelSeconds; }
    tr.appendChild(longest);
    tr.appendChild(el('td', null, String(q.onCalls)));
    tr.appendChild(el('td', null, q.serviceLevel === null ? '\u2013' : pct(q.serviceLevel) + ' \u2264' + q.serviceLevelSeconds + ' s'));
    tr.appendChild(el('td', null, String(q.abandoned)));
    tr.appendChild(el('td', null, String(q.handled)));
    table.appendChild(tr);
  }
  $('queues').replaceChildren(table);

  const chips = [];
  for (const [st, n] of Object.entries(d.agentsByState)) {
    const c = el('span', 'chip ' + st);
    c.appendChild(el('b', null, String(n)));
    c.appendChild(document.createTextNode(LABELS[st] || st));
    chips.push(c);
  }
  $('states').replaceChildren(...chips);
  const desks = $('desks');
  desks.replaceChildren(...d.agents.filter(a => a.state !== 'offline').map(a => {
    const row = el('div', 'desk ' + a.state);
    row.appendChild(el('span', 'n', a.name + (a.reason ? ' \u00b7 ' + a.reason : '')));
    const t = el('span', 't ticker', a.sinceMillis ? duration((now() - a.sinceMillis) / 1000) : '');
    if (a.sinceMillis) t.dataset.since = a.sinceMillis;
    if (a.state === 'on_call') t.dataset.limit = d.longCallSeconds;
    if (a.state === 'wrap_up') t.dataset.limit = d.longWrapUpSeconds;
    row.appendChild(t);
    return row;
  }));
  // Only what fits: a wall screen never scrolls.
  let hidden = 0;
  while (desks.lastChild && desks.scrollHeight > desks.clientHeight + 1) { desks.lastChild.remove(); hidden++; }
  $('more').textContent = hidden ? '+ ' + hidden + ' more signed in' : '';
  tick();
}

function tick() {
  $('clock').textContent = new Date(now()).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  for (const t of document.querySelectorAll('.ticker, #v-longest')) {
    if (!t.dataset.since) continue;
    const s = (now() - Number(t.dataset.since)) / 1000;
    t.textContent = duration(s);
    if (t.dataset.limit) t.classList.toggle('late', s > Number(t.dataset.limit));
  }
}

function status(text, live) {
  $('status').textContent = text;
  $('status').className = live ? 'live' : 'down';
  document.body.classList.toggle('stale', !live && state.data !== null);
  $('banner').textContent = 'Not live: reconnecting\u2026' + (state.lastUpdate
    ? ' These figures are from ' + new Date(state.lastUpdate).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) + '.'
    : '');
}

function refused(why) {
  document.body.classList.add('refused');
  $('signin-text').textContent = 'This screen is not signed in: ' + why
    + '. Open it as /wallboard#kiosk=NAME&token=TOKEN with a wallboard user from server.yaml.';
}

function connect() {
  let admitted = false;
  const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/wallboard/live');
  ws.onopen = () => {
    if (kiosk && token) ws.send(JSON.stringify({ kiosk, token }));
  };
  ws.onmessage = e => {
    const msg = JSON.parse(e.data);
    if (msg.error) { refused(msg.error); return; }
    admitted = true;
    state.failures = 0;
    document.body.classList.remove('refused');
    state.data = msg;
    state.offset = msg.serverTime - Date.now();
    state.lastUpdate = Date.now();
    status('live', true);
    render();
  };
  ws.onclose = () => {
    if (!admitted && !kiosk) refused('no kiosk name and token in the address');
    state.failures++;
    status('reconnecting', false);
    // A screen whose token was refused keeps trying slowly: the admin may fix server.yaml.
    const wait = document.body.classList.contains('refused') ? 30000 : Math.min(10000, 500 * 2 ** Math.min(5, state.failures));
    setTimeout(connect, wait);
  };
}

setInterval(tick, 1000);
connect();
