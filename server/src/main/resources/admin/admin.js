// Admin page: every value from the server is rendered with textContent (never innerHTML).
'use strict';

const $ = (id) => document.getElementById(id);

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    if (c instanceof Node) td.appendChild(c); else td.textContent = c == null ? '' : String(c);
    tr.appendChild(td);
  }
  return tr;
}

async function api(method, path, body) {
  const opts = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    opts.headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
  }
  const res = await fetch('/api/admin/' + path, opts);
  let data = null;
  try { data = await res.json(); } catch (e) { data = { error: 'no JSON answer (' + res.status + ')' }; }
  return { status: res.status, data };
}

function findingLine(f) {
  const where = f.file ? f.file.split('/').pop() + (f.line > 0 ? ':' + f.line : '') : '';
  return where + ' ' + f.severity.toLowerCase() + ' [' + f.rule + '] ' + f.objectiveId + ': ' + f.message;
}

function target(t) {
  return t ? t.primary + (t.secondary ? ' + ' + t.secondary : '') : '';
}

async function loadMappings() {
  const { data } = await api('GET', 'mappings');
  $('rule-order').textContent = 'Order: ' + data.order.join(' \u2192 ');
  const body = $('queues').querySelector('tbody');
  body.replaceChildren();
  for (const q of data.queues) {
    let what;
    if (q.stages) {
      what = el('span');
      q.stages.forEach((s, i) => {
        what.appendChild(el('span', (i + 1) + '. ' + s.id + ': ' + s.objective
          + (s.secondObjective ? ' + ' + s.secondObjective : ''), 'chip'));
      });
    } else {
      what = el('span', q.objective + (q.secondObjective ? ' + ' + q.secondObjective : ''));
    }
    const tr = row([q.queue, q.seen ? 'yes' : 'no', what, (q.dispositionCodes || []).join(' ')]);
    tr.dataset.queue = q.queue;
    body.appendChild(tr);
  }
  const other = $('other-rules');
  other.replaceChildren();
  const ob = data.outbound;
  other.appendChild(el('p', 'Outbound: default ' + ob.default
    + '; groups ' + JSON.stringify(ob.groups) + '; agents ' + JSON.stringify(ob.agents), 'muted'));
  const ov = Object.entries(data.agentOverrides).map(([a, t]) => a + ' \u2192 ' + target(t));
  other.appendChild(el('p', 'Agent overrides: ' + (ov.length ? ov.join(', ') : 'none'), 'muted'));
  const cs = data.campaigns.map((c) => c.id + ' ' + c.start + '..' + c.end + ' \u2192 ' + target(c.target));
  other.appendChild(el('p', 'Campaigns: ' + (cs.length ? cs.join(', ') : 'none'), 'muted'));
}

async function loadObjectives() {
  const { data } = await api('GET', 'objectives');
  const box = $('objectives');
  box.replaceChildren();
  for (const o of data) {
    const d = el('div', undefined, 'objective');
    d.dataset.objective = o.id;
    d.appendChild(el('h3', o.title + ' [' + o.id + ']'));
    d.appendChild(el('div', 'Advance: ' + o.advance));
    d.appendChild(el('div', 'Measure: ' + o.measure + ' \u00b7 By: ' + o.timeFrame, 'muted'));
    d.appendChild(el('div', 'Asked on the next call: ' + o.followUp + (o.followUpIsDefault ? ' (default)' : ''), 'muted'));
    if (o.findings.length === 0) d.appendChild(el('div', 'lint: no findings', 'finding ok'));
    for (const f of o.findings) {
      d.appendChild(findingBlock(f));
    }
    box.appendChild(d);
  }
}

async function loadStatus() {
  const { data } = await api('GET', 'status');
  const r = data.lastReload;
  $('last-reload').textContent = r.ok ? 'Configuration in force: ' + (r.detail || 'ok')
    : 'Last change REJECTED (' + r.error + '); the last good configuration stays in force';
}

async function loadFile() {
  const { status, data } = await api('GET', 'files/' + $('file').value);
  $('editor').value = status === 200 ? data.text : '';
}

function findingBlock(f) {
  const d = el('div', findingLine(f), 'finding ' + (f.severity === 'ERROR' ? 'err' : 'warn'));
  if (f.suggestion) d.appendChild(el('div', 'Suggested: ' + f.suggestion, 'suggestion'));
  return d;
}

function showOutcome(o, saved, live) {
  const box = $('result');
  box.replaceChildren();
  if (o.ok) {
    box.appendChild(el('div', saved ? 'Saved and in force. ' + (o.detail || '')
      : live ? 'Checked as you type: the server would load this.' : 'Valid: the server would load this.', 'ok'));
  } else {
    // Lint errors are listed one by one below; the headline only counts them.
    const errors = (o.findings || []).filter((f) => f.severity === 'ERROR').length;
    const why = errors > 0 ? errors + ' objective check error(s), listed below' : (o.error || 'unknown error');
    box.appendChild(el('div', (live ? 'Checked as you type: not loadable. ' : 'Rejected: ') + why, 'err'));
  }
  for (const f of o.findings || []) {
    box.appendChild(findingBlock(f));
  }
}

// Each check carries a number: an answer to an older text never replaces the newer one's.
let checkSeq = 0;
let typingTimer = null;

async function validate(live) {
  const seq = ++checkSeq;
  const { data } = await api('POST', 'lint', { file: $('file').value, text: $('editor').value });
  if (seq !== checkSeq) return;
  showOutcome(data, false, live === true);
}

function checkWhileTyping() {
  clearTimeout(typingTimer);
  $('result').dataset.pending = 'yes';
  typingTimer = setTimeout(async () => {
    await validate(true);
    delete $('result').dataset.pending;
  }, 400);
}

async function save() {
  const { data } = await api('PUT', 'files/' + $('file').value, { text: $('editor').value });
  showOutcome(data, true);
  await refresh();
}

async function reload() {
  const { data } = await api('POST', 'reload', {});
  showOutcome(data, true);
  await refresh();
}

async function preview(ev) {
  ev.preventDefault();
  const p = new URLSearchParams();
  for (const [k, id] of [['number', 'pv-number'], ['queue', 'pv-queue'], ['agent', 'pv-agent'], ['direction', 'pv-direction']]) {
    if ($(id).value) p.set(k, $(id).value);
  }
  const { status, data } = await api('GET', 'preview?' + p.toString());
  const out = $('preview');
  out.replaceChildren();
  if (status !== 200) { out.appendChild(el('span', data.error, 'err')); return; }
  const o = data.objective;
  let text = data.call + ' would get "' + o.title + '" [' + o.id + ']';
  if (o.stage) text += ' at stage ' + o.stage;
  if (o.secondary) text += ', also "' + o.secondary.title + '"';
  text += '\nbecause: ' + data.rule;
  text += '\nlast call: ' + (o.lastCall ? o.lastCall.code + (o.lastCall.advanceObtained ? ' (advance obtained)' : ' (no advance)') : 'none');
  out.appendChild(el('span', text));
}

async function loadProposals() {
  const { data } = await api('GET', 'proposals');
  const body = $('proposals').querySelector('tbody');
  body.replaceChildren();
  for (const p of data) {
    const actions = el('span');
    if (p.status === 'open') {
      for (const what of ['accept', 'dismiss']) {
        const b = el('button', what === 'accept' ? 'Accept' : 'Dismiss');
        b.type = 'button';
        b.dataset.action = what;
        b.addEventListener('click', async () => {
          await api('POST', 'proposals/' + p.id + '/' + what, {});
          await loadProposals();
          await loadAudit();
        });
        actions.appendChild(b);
      }
    }
    const tr = row([p.id, p.agentId, p.objectiveId || '(targets)', p.text, p.status, actions]);
    tr.dataset.proposal = p.id;
    body.appendChild(tr);
  }
}

async function loadAudit() {
  const { data } = await api('GET', 'audit');
  const body = $('audit').querySelector('tbody');
  body.replaceChildren();
  for (const a of data) {
    body.appendChild(row([new Date(a.at).toLocaleString(), a.who, a.action, a.file, a.summary]));
  }
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : 'never';
}

async function loadWebhooks() {
  const { status, data } = await api('GET', 'webhooks?limit=20');
  const body = $('webhooks').querySelector('tbody');
  const failures = $('webhook-failures').querySelector('tbody');
  body.replaceChildren();
  failures.replaceChildren();
  if (status !== 200) {
    body.appendChild(row([el('span', data.error || ('HTTP ' + status), 'err')]));
    return;
  }
  if (data.webhooks.length === 0) {
    body.appendChild(row(['none configured (server.yaml webhooks:)']));
  }
  for (const w of data.webhooks) {
    const name = el('span');
    name.appendChild(el('strong', w.name));
    name.appendChild(el('div', w.url, 'muted'));
    name.appendChild(el('div', w.events.join(', '), 'muted'));
    const state = el('span', w.state, w.state === 'ok' ? 'ok' : w.state === 'retrying' ? 'err' : 'muted');
    let problem = '';
    if (w.problem) {
      problem = el('span', w.problem + ' (since ' + when(w.problemSince) + ', next try ' + when(w.nextAttemptAt) + ')', 'err');
    } else if (w.lastError) {
      problem = el('span', 'last error ' + when(w.lastErrorAt) + ': ' + w.lastError, 'muted');
    }
    const tr = row([name, w.deliveredBy, state, w.delivered, w.retries,
      w.failedPermanently + ' (' + w.failuresOnRecord + ' on record)',
      w.backlog == null ? '?' : w.backlog, when(w.lastSuccessAt), problem]);
    tr.dataset.webhook = w.name;
    body.appendChild(tr);
  }
  if (data.failures.length === 0) {
    failures.appendChild(row(['none']));
  }
  for (const f of data.failures) {
    const tr = row([when(f.failedAt), f.webhook, f.type, f.callId, f.error, f.attempts, f.idempotencyKey]);
    tr.title = f.payload;
    tr.dataset.failure = f.id;
    failures.appendChild(tr);
  }
}

async function refresh() {
  await Promise.all([loadMappings(), loadObjectives(), loadStatus(), loadProposals(), loadAudit(),
    loadWebhooks()]);
}

async function start() {
  $('validate').addEventListener('click', () => validate(false));
  $('editor').addEventListener('input', checkWhileTyping);
  $('save').addEventListener('click', save);
  $('reload').addEventListener('click', reload);
  $('file').addEventListener('change', loadFile);
  $('preview-form').addEventListener('submit', preview);
  try {
    await refresh();
    await loadFile();
    $('status').textContent = 'ready';
    setInterval(() => loadWebhooks().catch(() => {}), 10000);
  } catch (e) {
    $('status').textContent = 'error: ' + e;
  }
}

document.addEventListener('DOMContentLoaded', start);
