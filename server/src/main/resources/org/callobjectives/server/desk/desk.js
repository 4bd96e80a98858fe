// The agent's desk: the same protocol as agent-bridge (see agent-protocol.schema.json), over the
// /desk/socket WebSocket signed in by the session cookie. A disposition stays in this browser's
// storage until the server acks it, and is sent again (same requestId: stored once) after a
// reconnect. Every text from the server goes in with textContent, never as HTML.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const RETRY_MIN_MS = 1000;
  const RETRY_MAX_MS = 30000;
  const GUARD_MS = 800; // keys right after the shown call changed were meant for the old one
  const ACK_TIMEOUT_MS = 20000;
  const WORKING_MS = 4000; // a form touched this recently is being worked on: a new pop waits
  const DRAFT_DAYS = 3;
  // Answers to a pop's commitment question, by key: as on the buttons and in the help.
  const COMMITMENT_KEYS = { v: 'kept', x: 'not_kept', w: 'not_yet' };
  const COMMITMENT_ANSWERS = ['kept', 'not_kept', 'not_yet'];

  /** The server's time: deadlines come from its clock, not this PC's. */
  function serverNow() { return Date.now() + desk.skew; }

  const desk = {
    me: null, // agent id, known from the welcome
    name: '',
    calls: new Map(), // callId -> {pop, ended, sending, error, order}
    selected: null,
    order: 0,
    socket: null,
    connected: false,
    signedOut: false,
    retryMs: RETRY_MIN_MS,
    guardUntil: 0,
    lastKeyAt: 0,
    lastTouchAt: 0, // keys, clicks or focus on the form: the agent is working on it
    figures: null,
    state: null,
    proposals: new Map(), // requestId -> text
    resendTimer: null,
    reconnectTimer: null,
    replaying: false,
    replayTimer: null,
    skew: 0,
    firstAgent: null, // whom this tab was opened for: another agent's cookie must not take it over
    sent: new Set(), // requestIds sent on the current socket and not answered yet
    sentAt: new Map(),
    confirmed: new Set(), // calls the server listed again since the last welcome
    incoming: null, // a new call not shown yet because the agent was busy with another form
  };

  // ---- storage: drafts and the outbox, per agent, so two agents on one browser never mix ----
  const storage = {
    key(kind) { return 'co.desk.' + desk.me + '.' + kind; },
    load(kind) {
      if (!desk.me) return {};
      try { return JSON.parse(localStorage.getItem(storage.key(kind)) || '{}') || {}; }
      catch (e) { return {}; }
    },
    save(kind, value) {
      if (!desk.me) return;
      try { localStorage.setItem(storage.key(kind), JSON.stringify(value)); }
      catch (e) { note('This browser could not save your draft (storage full?): ' + e.message, 'bad'); }
    },
  };
  const drafts = {
    get(callId) { return storage.load('drafts')[callId] || emptyDraft(); },
    put(callId, d) {
      const all = storage.load('drafts');
      d.savedAt = Date.now();
      all[callId] = d;
      storage.save('drafts', all);
    },
    drop(callId) {
      const all = storage.load('drafts');
      delete all[callId];
      storage.save('drafts', all);
    },
    prune() {
      const all = storage.load('drafts');
      const old = Date.now() - DRAFT_DAYS * 86400000;
      let changed = false;
      for (const [id, d] of Object.entries(all)) {
        if (!d.savedAt || d.savedAt < old) { delete all[id]; changed = true; }
      }
      if (changed) storage.save('drafts', all);
    },
  };
  // The calls shown, so that one the server no longer lists (wrap-up time over: stored as
  // undisposed, still takes a late disposition) survives a reload with its draft.
  const known = {
    put(c) {
      const all = storage.load('calls');
      all[c.pop.callId] = { pop: c.pop, ended: c.ended, order: c.order, savedAt: Date.now() };
      storage.save('calls', all);
    },
    drop(callId) {
      const all = storage.load('calls');
      delete all[callId];
      storage.save('calls', all);
    },
    all() { return storage.load('calls'); },
    prune() {
      const all = storage.load('calls');
      const old = Date.now() - DRAFT_DAYS * 86400000;
      for (const [id, c] of Object.entries(all)) if (!c.savedAt || c.savedAt < old) delete all[id];
      storage.save('calls', all);
    },
  };

  const outbox = {
    all() { return storage.load('outbox'); },
    add(entry) { const all = outbox.all(); all[entry.submit.requestId] = entry; storage.save('outbox', all); },
    remove(requestId) { const all = outbox.all(); delete all[requestId]; storage.save('outbox', all); },
    forCall(callId) { return Object.values(outbox.all()).find((e) => e.submit.callId === callId) || null; },
  };

  function emptyDraft() {
    return { code: null, advance: null, checklist: [], upsell: 0, upsellNotes: '', csat: '', notes: '',
      commitment: null };
  }

  function requestId() {
    // crypto.randomUUID needs a secure context; getRandomValues does not.
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return 'desk-' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }

  // ---- the socket ----
  function connect() {
    if (desk.signedOut || desk.socket) return;
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    let ws;
    try { ws = new WebSocket(scheme + location.host + '/desk/socket'); }
    catch (e) { scheduleReconnect(); return; }
    desk.socket = ws;
    setConnection('Connecting…', false);
    ws.onmessage = (ev) => {
      let m;
      try { m = JSON.parse(ev.data); } catch (e) { return; }
      handle(m);
    };
    ws.onclose = (ev) => {
      if (desk.socket !== ws) return;
      desk.socket = null;
      desk.connected = false;
      if (ev.code === 1008 && ev.reason === 'signed out') { signedOut(); return; }
      setConnection('Not connected: trying again… Your work stays in this browser.', true);
      stillSignedIn().then((yes) => { if (yes) scheduleReconnect(); else signedOut(); });
    };
  }

  function scheduleReconnect() {
    const wait = desk.retryMs * (0.75 + Math.random() * 0.5);
    desk.retryMs = Math.min(RETRY_MAX_MS, desk.retryMs * 2);
    clearTimeout(desk.reconnectTimer);
    desk.reconnectTimer = setTimeout(connect, wait);
  }

  // A background tab's timers may be held back for a minute: the network coming back, or the
  // agent returning to the tab, reconnects at once.
  function reconnectNow() {
    if (desk.socket || desk.signedOut) return;
    clearTimeout(desk.reconnectTimer);
    desk.retryMs = RETRY_MIN_MS;
    connect();
  }

  // A socket refused at the handshake looks like any lost connection: ask the page itself.
  function stillSignedIn() {
    return fetch('/desk', { redirect: 'manual', headers: { Accept: 'text/html' }, cache: 'no-store' })
      .then((r) => r.type !== 'opaqueredirect' && r.status !== 401 && r.status !== 403)
      .catch(() => true); // the server is down: keep trying
  }

  function signedOut() {
    desk.signedOut = true;
    desk.connected = false;
    setConnection('Signed out', true);
    const pending = desk.me ? Object.keys(outbox.all()).length : 0;
    banner('Your session ended. ', 'Sign in again', '/login?next=%2Fdesk',
      pending ? ' (' + pending + ' disposition' + (pending > 1 ? 's' : '') +
        ' kept in this browser will be sent then).' : '.');
  }

  function send(m) {
    if (!desk.connected || !desk.socket) return false;
    desk.socket.send(JSON.stringify(m));
    return true;
  }

  function handle(m) {
    switch (m.type) {
      case 'welcome': return welcome(m);
      case 'call_started': return callStarted(m);
      case 'call_ended': return callEnded(m);
      case 'disposition_ack': return dispositionAck(m);
      case 'error': return error(m);
      case 'agent_stats': desk.figures = m; replayOver(); return renderFigures();
      case 'agent_state': desk.state = m; replayOver(); return renderState();
      case 'congratulation': return congratulate(m);
      case 'compliance_reminder': return reminder(m);
      case 'proposal_ack': return proposalAck(m);
      default: return undefined; // a newer server's message: nothing to do with it here
    }
  }

  function welcome(m) {
    if (desk.firstAgent && desk.firstAgent !== m.agentId) {
      // Someone else signed in on this browser since: this tab stays the first agent's.
      desk.signedOut = true;
      if (desk.socket) desk.socket.close();
      setConnection('Signed out', true);
      banner('Agent ' + m.agentId + ' has signed in on this browser since. This tab belonged to ' +
        desk.firstAgent + ' (anything waiting to be sent is kept for them). ', 'Open the desk again',
        '/desk', '');
      return;
    }
    desk.firstAgent = m.agentId;
    if (m.serverTimeMillis) desk.skew = m.serverTimeMillis - Date.now();
    desk.me = m.agentId;
    desk.name = m.displayName || m.agentId;
    desk.connected = true;
    desk.retryMs = RETRY_MIN_MS;
    $('agent-name').textContent = desk.name + ' (' + desk.me + ')';
    document.title = desk.name + ' - Agent desk';
    setConnection('Connected', false);
    hideBanner();
    // The server sends every call still waiting for this agent right after. What is shown stays
    // meanwhile (the agent may be typing); calls it does not list again are settled in
    // replayOver.
    desk.confirmed.clear();
    desk.sent.clear();
    desk.sentAt.clear();
    drafts.prune();
    known.prune();
    desk.replaying = true;
    clearTimeout(desk.replayTimer);
    desk.replayTimer = setTimeout(replayOver, 5000);
    resendOutbox();
    render();
  }

  /** After the server's replay: calls it no longer holds, from storage, as past their wrap-up. */
  function replayOver() {
    if (!desk.replaying) return;
    desk.replaying = false;
    clearTimeout(desk.replayTimer);
    // Shown or stored but not listed again: the server settled it meanwhile (stored elsewhere, or
    // past its wrap-up: stored as undisposed, still open to a late disposition).
    for (const [id, c] of desk.calls) {
      if (!desk.confirmed.has(id) && !(c.ended && c.ended.wrapUpDeadlineMillis <= serverNow())) {
        c.ended = { callId: id, endedAtMillis: (c.ended && c.ended.endedAtMillis) || 0,
          reason: 'unknown', wrapUpDeadlineMillis: 0, forcedWrapUp: false };
        known.put(c);
      }
    }
    for (const [id, k] of Object.entries(known.all())) {
      if (desk.calls.has(id)) continue;
      const ended = k.ended && k.ended.wrapUpDeadlineMillis <= serverNow()
        ? k.ended
        : { callId: id, endedAtMillis: (k.ended && k.ended.endedAtMillis) || 0, reason: 'unknown',
          wrapUpDeadlineMillis: 0, forcedWrapUp: false };
      desk.calls.set(id, { pop: k.pop, ended: ended, error: null, order: k.order || ++desk.order, reminder: null });
      desk.order = Math.max(desk.order, k.order || 0);
    }
    if (!desk.selected) selectNext();
    render();
  }

  /** Sends what waits in the outbox and is due, once per connection (an answer is awaited). */
  function resendOutbox() {
    clearTimeout(desk.resendTimer);
    const entries = Object.values(outbox.all()).sort((a, b) => a.queuedAt - b.queuedAt);
    let next = Infinity;
    for (const e of entries) {
      if (desk.sent.has(e.submit.requestId)) continue;
      if (e.notBefore && e.notBefore > Date.now()) {
        next = Math.min(next, e.notBefore - Date.now());
        continue;
      }
      sendDisposition(e.submit);
    }
    if (next !== Infinity) desk.resendTimer = setTimeout(resendOutbox, next);
  }

  function sendDisposition(submit) {
    if (!send(submit)) return false;
    desk.sent.add(submit.requestId);
    desk.sentAt.set(submit.requestId, Date.now());
    return true;
  }

  function callStarted(m) {
    const was = desk.calls.get(m.callId);
    const c = {
      pop: m, ended: was ? was.ended : null, error: was ? was.error : null,
      order: was ? was.order : (known.all()[m.callId] || {}).order || ++desk.order,
      reminder: was ? was.reminder : null,
    };
    desk.order = Math.max(desk.order, c.order);
    // A call answered while this page was away is new to the agent too.
    const fresh = !was && (!m.replay || !known.all()[m.callId]);
    desk.calls.set(m.callId, c);
    desk.confirmed.add(m.callId);
    known.put(c);
    if (fresh) {
      if (working()) {
        // The agent is in the middle of another call's form: it stays; the new call waits to be
        // shown until they pause (a bar on the form says so).
        desk.incoming = m.callId;
      } else {
        select(m.callId, true);
      }
      notify(m);
      screenPop(m);
    } else if (!desk.selected) {
      select(m.callId, false);
    }
    render();
  }

  function callEnded(m) {
    const c = desk.calls.get(m.callId);
    if (!c) return;
    desk.confirmed.add(m.callId);
    c.ended = m;
    known.put(c);
    render();
  }

  function dispositionAck(m) {
    const entry = outbox.all()[m.requestId];
    desk.sent.delete(m.requestId);
    desk.sentAt.delete(m.requestId);
    outbox.remove(m.requestId);
    drafts.drop(m.callId);
    known.drop(m.callId);
    const c = desk.calls.get(m.callId);
    const who = c ? callerLabel(c.pop) : (entry && entry.caller) || 'call ' + m.callId;
    const code = m.stored ? m.stored.code : '';
    // Sent again after a lost ack, ours is the one stored: that is no duplicate for the agent.
    const ours = entry && entry.submit.code === code;
    // A commitment question left unanswered is asked again next time, unless this call's advance
    // replaces it: say so, so the agent knows it was not recorded.
    const asked = c && c.pop.objective && c.pop.objective.commitment;
    const open = asked && m.stored && (!m.stored.commitment || m.stored.commitment === 'not_yet');
    const unanswered = !open ? ''
      : m.stored.advanceObtained
        ? ' The earlier commitment was ' + (m.stored.commitment ? 'not due yet' : 'not answered')
          + '; this call\'s advance replaces it (only the latest advance is asked about).'
        : m.stored.commitment ? '' : ' The earlier commitment was not answered; it will be asked on the next call.';
    note(m.duplicate && !ours
      ? 'Already stored for ' + who + ' as ' + code + ': nothing changed.'
      : 'Disposition saved for ' + who + ': ' + code + '.' + unanswered, m.duplicate && !ours ? '' : 'ok');
    desk.calls.delete(m.callId);
    if (desk.selected === m.callId) {
      desk.selected = null;
      if (desk.incoming && desk.calls.has(desk.incoming)) select(desk.incoming, false);
      else selectNext();
    }
    render();
  }

  function error(m) {
    const entry = m.requestId ? outbox.all()[m.requestId] : null;
    if (m.requestId) { desk.sent.delete(m.requestId); desk.sentAt.delete(m.requestId); }
    if (entry) {
      const c = desk.calls.get(entry.submit.callId);
      if (m.code === 'store_failed' || m.code === 'rate_limited') {
        // Not taken, may be sent again unchanged: it stays in the outbox.
        const wait = Math.max(2000, m.retryAfterMillis || 5000);
        entry.notBefore = Date.now() + wait;
        const all = outbox.all(); all[m.requestId] = entry; storage.save('outbox', all);
        if (c) c.error = { text: 'Kept in this browser; the server will get it again in ' +
          Math.ceil(wait / 1000) + ' s (' + m.message + ')', kind: 'wait' };
        clearTimeout(desk.resendTimer);
        desk.resendTimer = setTimeout(resendOutbox, wait);
      } else {
        outbox.remove(m.requestId);
        if (c) c.error = { text: 'Not saved: ' + m.message, kind: 'bad' };
        else note('A disposition was refused: ' + m.message, 'bad');
      }
      render();
      return;
    }
    if (m.requestId && desk.proposals.has(m.requestId)) {
      desk.proposals.delete(m.requestId);
      note('Your suggestion was not sent: ' + m.message, 'bad');
      return;
    }
    if (m.code === 'unauthorized') {
      signedOut();
      return;
    }
    note(m.message, 'bad');
  }

  function congratulate(m) {
    note('🎉 ' + m.text, 'congrats');
  }

  function reminder(m) {
    const c = desk.calls.get(m.callId);
    if (!c || c.ended) return;
    c.reminder = m;
    render();
  }

  function proposalAck(m) {
    desk.proposals.delete(m.requestId);
    note('Suggestion #' + m.proposalId + ' sent to the admins. Thank you.', 'ok');
  }

  // ---- notifications and the CRM screen-pop ----
  function notify(pop) {
    // Only when the agent is elsewhere; never takes the focus by itself.
    if (!document.hidden || !('Notification' in window) || Notification.permission !== 'granted') return;
    const o = pop.objective || {};
    const n = new Notification(callerLabel(pop) + (o.title ? ': ' + o.title : ''), {
      body: o.advance || '', tag: 'call-' + pop.callId,
    });
    n.onclick = () => { window.focus(); n.close(); };
  }

  function screenPop(pop) {
    if (!pop.screenPopUrl || !/^https?:\/\//i.test(pop.screenPopUrl)) return;
    const w = window.open(pop.screenPopUrl, '_blank');
    if (w) { try { w.opener = null; } catch (e) { /* cross-origin already */ } }
    const c = desk.calls.get(pop.callId);
    if (c) c.popBlocked = !w;
  }

  function setupNotifications() {
    const b = $('notify');
    if (!('Notification' in window)) {
      if (!window.isSecureContext) b.title = 'Desktop notifications need the server on HTTPS';
      return;
    }
    if (Notification.permission === 'default') {
      b.hidden = false;
      b.onclick = () => Notification.requestPermission().then((answer) => {
        b.hidden = true;
        if (answer !== 'granted') {
          note('Desktop notifications are blocked for this site: allow them in the browser\'s site settings.', 'bad');
        }
      });
    }
  }

  // ---- choosing what is shown ----
  function ordered() {
    // In the order they came: a list that reorders itself under the agent's keys misleads.
    return [...desk.calls.values()].sort((a, b) => a.order - b.order);
  }

  /** True while the agent works on the shown call's form: typing in it, or keys just now. */
  function working() {
    const el = document.activeElement;
    return !!desk.selected && ((typing(el) && el.closest('#pop')) || Date.now() - desk.lastTouchAt < WORKING_MS);
  }

  function select(callId, fromServer) {
    if (desk.selected !== callId && desk.selected && fromServer) {
      if (Date.now() - desk.lastKeyAt < GUARD_MS) desk.guardUntil = Date.now() + GUARD_MS;
      const el = document.activeElement;
      if (el && el.closest && el.closest('#pop')) el.blur(); // typing must not go on into another call
    }
    if (desk.incoming === callId || !desk.calls.has(desk.incoming)) desk.incoming = null;
    desk.selected = callId;
  }

  function selectNext() {
    const list = ordered();
    if (list.length) select(list[0].pop.callId, false);
  }

  function move(step) {
    const list = ordered();
    if (!list.length) return;
    const i = list.findIndex((c) => c.pop.callId === desk.selected);
    const next = list[(i + step + list.length) % list.length];
    select(next.pop.callId, false);
    render();
  }

  // ---- the draft of the shown call ----
  function current() { return desk.selected ? desk.calls.get(desk.selected) : null; }

  function update(change) {
    updateCall(desk.selected, change);
  }

  function updateCall(callId, change) {
    const c = callId ? desk.calls.get(callId) : null;
    if (!c || sending(c)) return;
    const d = drafts.get(c.pop.callId);
    change(d, c);
    drafts.put(c.pop.callId, d);
    c.error = null;
    render();
  }

  function sending(c) { return !!outbox.forCall(c.pop.callId); }

  function codeOf(c, code) { return (c.pop.dispositionCodes || []).find((x) => x.code === code) || null; }

  function pickCode(code) {
    update((d, c) => {
      d.code = code;
      const rule = codeOf(c, code);
      if (rule && rule.advance !== undefined && rule.advance !== null) d.advance = rule.advance;
    });
  }

  function pickKey(n) {
    const c = current();
    if (!c) return;
    const codes = c.pop.dispositionCodes || [];
    const hit = codes.find((x) => x.key === n) || (codes.every((x) => !x.key) ? codes[n - 1] : null);
    if (hit) pickCode(hit.code);
  }

  function tick(index) {
    const c = current();
    if (!c) return;
    const items = (c.pop.objective && c.pop.objective.checklist) || [];
    const item = items[index];
    if (!item) return;
    toggle(item.id);
  }

  function toggle(itemId) {
    update((d, c) => {
      const done = new Set(d.checklist);
      if (done.has(itemId)) done.delete(itemId); else done.add(itemId);
      d.checklist = [...done];
      if (c.reminder && done.has(c.reminder.itemId)) c.reminder = null;
      if (!c.ended) send({ type: 'checklist_progress', callId: c.pop.callId, done: d.checklist });
    });
  }

  function submit() {
    const c = current();
    if (!c || sending(c)) return;
    const d = drafts.get(c.pop.callId);
    const problem = missing(c, d);
    if (problem) { c.error = { text: problem, kind: 'bad' }; render(); return; }
    const notes = d.upsellNotes.split('\n').map((s) => s.trim()).filter((s) => s).slice(0, 20)
      .map((s) => s.slice(0, 500));
    const csat = d.csat === '' || d.csat === null ? null : Number(d.csat);
    const submit = {
      type: 'disposition', requestId: requestId(), callId: c.pop.callId, code: d.code,
      advanceObtained: d.advance === true, checklistDone: d.checklist, upsellCount: d.upsell,
      upsellNotes: notes, csat: csat, notes: d.notes || null,
    };
    // Only when this call's pop asked: the server refuses an answer to a question not asked.
    const answer = commitmentAnswer(c, d);
    if (answer) submit.commitment = answer;
    outbox.add({ submit: submit, queuedAt: Date.now(), caller: callerLabel(c.pop) });
    c.error = null;
    if (!sendDisposition(submit)) {
      c.error = { text: 'Saved in this browser; it goes to the server as soon as the connection is back.', kind: 'wait' };
    }
    render();
  }

  /** The draft's answer to the pop's commitment question, or null (none asked, or not answered). */
  function commitmentAnswer(c, d) {
    const asked = c.pop.objective && c.pop.objective.commitment;
    return asked && COMMITMENT_ANSWERS.includes(d.commitment) ? d.commitment : null;
  }

  /** Picks an answer for a call's commitment question; the one already picked clears it. */
  function answerCommitment(callId, answer) {
    const c = callId ? desk.calls.get(callId) : null;
    if (!c || !(c.pop.objective && c.pop.objective.commitment)) return;
    updateCall(callId, (d) => { d.commitment = d.commitment === answer ? null : answer; });
  }

  function missing(c, d) {
    if (!d.code) {
      const n = Math.min(9, (c.pop.dispositionCodes || []).length);
      return 'Pick an outcome' + (n > 1 ? ' (1–' + n + ')' : '') + '.';
    }
    if (d.advance === null || d.advance === undefined) return 'Say whether the advance was obtained (y / n).';
    const rule = codeOf(c, d.code);
    if (rule && rule.advance === true && !d.advance) return d.code + ' means an advance was obtained: pick yes or another outcome.';
    if (rule && rule.advance === false && d.advance) return d.code + ' means no advance: pick no or another outcome.';
    if (d.csat !== '' && d.csat !== null && d.csat !== undefined && !/^(100|[1-9]?[0-9])$/.test(String(d.csat))) {
      return 'CSAT is a whole number from 0 to 100, or empty.';
    }
    return null;
  }

  // ---- drawing ----
  function render() {
    if (desk.selected && !desk.calls.has(desk.selected)) {
      desk.selected = null;
      selectNext();
    }
    renderList();
    renderPop();
    renderState();
  }

  function callerLabel(pop) {
    return pop.callerName || pop.callerNumber || 'Unknown caller';
  }

  function clock(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const m = Math.floor(s / 60);
    return m + ':' + String(s % 60).padStart(2, '0');
  }

  function statusOf(c) {
    if (sending(c)) return { text: 'Saving…', cls: '' };
    if (!c.ended) return { text: 'On call ' + clock(serverNow() - c.pop.connectedAtMillis), cls: '' };
    const left = c.ended.wrapUpDeadlineMillis - serverNow();
    if (left > 0) return { text: 'Wrap-up: ' + clock(left) + ' left', cls: 'wrapup' };
    return { text: 'Wrap-up time over (stored as undisposed; you can still save it)', cls: 'late' };
  }

  function whenOf(c) {
    const st = statusOf(c);
    return {
      text: sending(c) ? 'saving' : !c.ended ? 'on call' : st.cls === 'late' ? 'late'
        : clock(c.ended.wrapUpDeadlineMillis - serverNow()),
      cls: 'when' + (st.cls === 'late' ? ' late' : ''),
    };
  }

  /** The list's clocks, in place: a click or the keyboard focus on it must not be lost. */
  function renderTimes() {
    for (const li of $('calls').querySelectorAll('li[data-call-id]')) {
      const c = desk.calls.get(li.dataset.callId);
      const when = li.querySelector('.when');
      if (!c || !when) continue;
      const w = whenOf(c);
      if (when.textContent !== w.text) when.textContent = w.text;
      if (when.className !== w.cls) when.className = w.cls;
    }
  }

  function renderList() {
    const ol = $('calls');
    const list = ordered();
    const queued = Object.values(outbox.all());
    const sig = JSON.stringify([desk.selected, list.map((c) => [c.pop.callId, sending(c)]),
      queued.map((e) => e.submit.requestId)]);
    if (ol.dataset.sig === sig) { renderTimes(); return; }
    ol.dataset.sig = sig;
    ol.replaceChildren();
    for (const c of list) {
      const li = document.createElement('li');
      li.dataset.callId = c.pop.callId;
      if (c.pop.callId === desk.selected) li.className = 'selected';
      const b = document.createElement('button');
      b.type = 'button';
      const what = document.createElement('span');
      what.className = 'what';
      what.textContent = callerLabel(c.pop) + ' · ' + ((c.pop.objective && c.pop.objective.title) || c.pop.queue || '');
      const when = document.createElement('span');
      const w = whenOf(c);
      when.className = w.cls;
      when.textContent = w.text;
      b.append(what, when);
      b.onclick = () => { select(c.pop.callId, false); render(); };
      li.append(b);
      ol.append(li);
    }
    // Dispositions waiting in this browser for calls the server no longer lists.
    const shown = new Set(list.map((c) => c.pop.callId));
    for (const e of queued) {
      if (shown.has(e.submit.callId)) continue;
      const li = document.createElement('li');
      li.className = 'queued';
      li.textContent = 'Waiting to send: ' + (e.caller || e.submit.callId) + ' (' + e.submit.code + ')';
      ol.append(li);
    }
    $('calls-count').textContent = list.length ? '(' + list.length + ')' : '';
    $('calls-empty').hidden = ol.children.length > 0;
  }

  function renderPop() {
    const c = current();
    $('idle').hidden = !!c;
    $('pop').hidden = !c;
    if (!c) return;
    const pop = c.pop;
    const o = pop.objective || { checklist: [] };
    const d = drafts.get(pop.callId);
    const busy = sending(c);
    $('pop').dataset.callId = pop.callId;
    const incoming = desk.incoming ? desk.calls.get(desk.incoming) : null;
    $('incoming').hidden = !incoming;
    if (incoming) {
      $('incoming-text').textContent = 'New call: ' + callerLabel(incoming.pop) + ' · ' +
        ((incoming.pop.objective && incoming.pop.objective.title) || '') +
        ' (shown once you leave this form alone for a few seconds)';
    }
    document.title = (incoming ? '● New call - ' : '') + (desk.name || 'Agent') + ' - Agent desk';
    $('pop-caller').textContent = callerLabel(pop);
    $('pop-number').textContent = pop.callerName && pop.callerNumber ? pop.callerNumber : '';
    $('pop-queue').textContent = pop.direction === 'outbound' ? 'outbound call' : 'queue ' + (pop.queue || '');
    const st = statusOf(c);
    $('pop-status').textContent = st.text;
    $('pop-status').className = 'status ' + st.cls;
    $('pop-context').textContent = contextOf(c);
    const r = $('pop-reminder');
    r.hidden = !c.reminder || c.ended;
    r.textContent = c.reminder ? 'Reminder: ' + c.reminder.text + ' (' + c.reminder.secondsIntoCall + ' s into the call)' : '';
    renderCommitment(c, d, busy);
    $('pop-title').textContent = o.title || 'No objective for this call';
    $('pop-advance').textContent = o.advance || '';
    $('pop-measure').textContent = o.measure || '';
    $('pop-timeframe').textContent = o.timeFrame || '';
    $('pop-second').hidden = !o.secondary;
    $('pop-second-title').textContent = o.secondary ? o.secondary.title : '';
    $('pop-second-advance').textContent = o.secondary ? o.secondary.advance : '';
    const crm = $('pop-crm');
    $('pop-crm-line').hidden = !pop.screenPopUrl;
    if (pop.screenPopUrl && /^https?:\/\//i.test(pop.screenPopUrl)) crm.href = pop.screenPopUrl;
    else crm.removeAttribute('href');
    $('pop-crm-blocked').hidden = !c.popBlocked;

    // Checklist and outcomes are rebuilt only for another call; otherwise updated in place, so
    // the keyboard focus on a box or an outcome stays where the agent put it.
    const ul = $('pop-checklist');
    const listSig = pop.callId + '|' + (o.checklist || []).map((i) => i.id).join(',');
    if (ul.dataset.sig === listSig) {
      for (const li of ul.querySelectorAll('li[data-item]')) {
        const box = li.querySelector('input');
        box.checked = d.checklist.includes(li.dataset.item);
        box.disabled = busy;
        li.className = c.reminder && c.reminder.itemId === li.dataset.item ? 'reminded' : '';
      }
    } else {
    ul.dataset.sig = listSig;
    ul.replaceChildren();
    (o.checklist || []).forEach((item, i) => {
      const li = document.createElement('li');
      li.dataset.item = item.id;
      if (c.reminder && c.reminder.itemId === item.id) li.className = 'reminded';
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.dataset.item = item.id;
      box.checked = d.checklist.includes(item.id);
      box.disabled = busy;
      box.onchange = () => toggle(item.id);
      label.append(box, ' ');
      if (i < 9) {
        const k = document.createElement('kbd');
        k.textContent = '⇧' + (i + 1);
        label.append(k, ' ');
      }
      label.append(item.text + ' ');
      const kind = document.createElement('span');
      kind.className = 'kind ' + (item.kind || '').toLowerCase();
      kind.textContent = (item.kind || '').toLowerCase();
      label.append(kind);
      if (item.required) {
        const req = document.createElement('span');
        req.className = 'req';
        req.textContent = ' required';
        label.append(req);
      }
      li.append(label);
      ul.append(li);
    });
    if (!(o.checklist || []).length) {
      const li = document.createElement('li');
      li.className = 'hint';
      li.textContent = 'No checklist for this call.';
      ul.append(li);
    }
    }

    $('upsell-count').textContent = String(d.upsell);
    syncField($('upsell-notes'), d.upsellNotes, busy, pop.callId);
    syncField($('notes'), d.notes, busy, pop.callId);
    syncField($('csat'), d.csat === null || d.csat === undefined ? '' : String(d.csat), busy, pop.callId);
    $('upsell-minus').disabled = busy;
    $('upsell-plus').disabled = busy;

    const fs = $('codes');
    const codes = pop.dispositionCodes || [];
    const codeSig = pop.callId + '|' + codes.map((x) => x.code).join(',');
    if (fs.dataset.sig === codeSig) {
      for (const radio of fs.querySelectorAll('input[name=code]')) {
        radio.checked = d.code === radio.value;
        radio.disabled = busy;
        radio.parentElement.className = radio.checked ? 'picked' : '';
      }
    } else {
    fs.dataset.sig = codeSig;
    fs.querySelectorAll('label').forEach((x) => x.remove());
    codes.forEach((code, i) => {
      const label = document.createElement('label');
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'code';
      radio.value = code.code;
      radio.checked = d.code === code.code;
      radio.disabled = busy;
      radio.onchange = () => pickCode(code.code);
      if (radio.checked) label.className = 'picked';
      const key = code.key || (codes.every((x) => !x.key) ? i + 1 : 0);
      label.append(radio, ' ');
      if (key >= 1 && key <= 9) {
        const k = document.createElement('kbd');
        k.textContent = String(key);
        label.append(k, ' ');
      }
      label.append(code.label || code.code);
      fs.append(label);
    });
    }
    $('advance-yes').checked = d.advance === true;
    $('advance-no').checked = d.advance === false;
    $('advance-yes').disabled = busy;
    $('advance-no').disabled = busy;
    $('submit').disabled = busy;
    $('dismiss').hidden = busy || !c.ended || c.ended.wrapUpDeadlineMillis > serverNow();
    const s = $('dispo-status');
    if (c.error) { s.textContent = c.error.text; s.className = 'dispo-status ' + c.error.kind; }
    else if (busy) { s.textContent = 'Saving… (kept in this browser until the server confirms)'; s.className = 'dispo-status wait'; }
    else { s.textContent = ''; s.className = 'dispo-status'; }
  }

  /** One date format on the page: "3 Dec 2026" in the browser's language. */
  function shortDate(millis) {
    return new Date(millis).toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' });
  }

  /** The earlier commitment to ask about, and the agent's answer (part of the call's draft). */
  function renderCommitment(c, d, busy) {
    const box = $('commitment');
    const k = c.pop.objective && c.pop.objective.commitment;
    box.hidden = !k;
    if (!k) { delete box.dataset.callId; return; }
    // The buttons answer for the call they were drawn for, whatever is shown when clicked.
    box.dataset.callId = c.pop.callId;
    const days = k.agreedAtMillis ? Math.floor((serverNow() - k.agreedAtMillis) / 86400000) : null;
    const when = k.agreedAtMillis
      ? ' from ' + shortDate(k.agreedAtMillis) + (days === 0 ? ', today' : days === 1 ? ', yesterday' : days > 1 ? ', ' + days + ' days ago' : '')
      : '';
    const who = k.agentId ? ' (agent ' + k.agentId + (k.agentId === desk.me ? ', you' : '') + ')' : '';
    $('commitment-from').textContent = 'Commitment' + when + who;
    $('commitment-question').textContent = k.question || 'Did the customer do what they agreed last time?';
    $('commitment-advance').textContent = k.advance || '';
    $('commitment-timeframe').textContent = k.timeFrame ? '(time frame agreed: ' + k.timeFrame + ')' : '';
    const picked = COMMITMENT_ANSWERS.includes(d.commitment) ? d.commitment : null;
    for (const b of box.querySelectorAll('button[data-answer]')) {
      const on = b.dataset.answer === picked;
      b.setAttribute('aria-checked', on ? 'true' : 'false');
      b.classList.toggle('picked', on);
      b.disabled = busy;
    }
  }

  // Redrawing must not fight the agent's typing: a field being edited keeps its text.
  function syncField(el, value, disabled, callId) {
    if (el.dataset.callId !== callId) {
      if (document.activeElement === el) el.blur();
      el.dataset.callId = callId;
      el.value = value;
    } else if (document.activeElement !== el && el.value !== value) {
      el.value = value;
    }
    el.disabled = disabled;
  }

  function renderState() {
    const s = desk.state;
    const el = $('agent-state');
    if (!s) { el.textContent = desk.connected ? 'signed in' : 'connecting'; el.className = 'state'; return; }
    const words = { ready: 'ready', ringing: 'ringing', on_call: 'on a call', wrap_up: 'wrap-up', paused: 'paused', offline: 'offline' };
    el.textContent = (words[s.state] || s.state) + (s.reason && s.state === 'paused' ? ' (' + s.reason + ')' : '');
    el.className = 'state ' + s.state;
  }

  function renderFigures() {
    const f = desk.figures;
    const dl = $('figures');
    dl.replaceChildren();
    if (!f) return;
    const pct = (v) => (v === null || v === undefined ? '–' : Math.round(v) + ' %');
    const rows = [
      ['Calls', String(f.calls)],
      ['Advances', f.advances + ' (' + pct(f.advanceRatePercent) + ')'],
      ['Compliance', pct(f.compliancePercent)],
      ['Upsell this shift', f.shiftOpportunities + (f.shiftOpportunitiesTarget ? ' / ' + f.shiftOpportunitiesTarget : '')],
      ['Missed wrap-ups', String(f.undisposed)],
    ];
    for (const [k, v] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    }
  }

  function note(text, cls, keep = true) {
    const li = document.createElement('li');
    const line = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + ' ' + text;
    li.textContent = line;
    if (cls) li.className = cls;
    const ul = $('messages');
    ul.prepend(li);
    while (ul.children.length > 50) ul.lastChild.remove();
    if (keep) {
      // For this tab only (sessionStorage): a reload keeps what the agent was told.
      try {
        const kept = JSON.parse(sessionStorage.getItem('co.desk.messages') || '[]');
        kept.unshift([line, cls || '']);
        sessionStorage.setItem('co.desk.messages', JSON.stringify(kept.slice(0, 50)));
      } catch (e) { /* storage full or off: the list on screen is enough */ }
    }
  }

  function restoreNotes() {
    let kept = [];
    try { kept = JSON.parse(sessionStorage.getItem('co.desk.messages') || '[]'); } catch (e) { kept = []; }
    const ul = $('messages');
    for (const [line, cls] of kept) {
      const li = document.createElement('li');
      li.textContent = line;
      if (cls) li.className = cls;
      ul.append(li);
    }
  }

  function setConnection(text, down) {
    const el = $('connection');
    el.textContent = text;
    el.className = 'conn' + (down ? ' down' : '');
  }

  function banner(before, linkText, href, after) {
    const b = $('banner');
    b.replaceChildren();
    b.append(before);
    if (linkText) {
      const a = document.createElement('a');
      a.href = href;
      a.id = 'signin-again';
      a.textContent = linkText;
      b.append(a);
    }
    if (after) b.append(after);
    b.hidden = false;
  }

  function hideBanner() { $('banner').hidden = true; }

  // ---- suggestions to the admins ----
  function propose() {
    const c = current();
    const about = c && c.pop.objective ? c.pop.objective : null;
    $('propose-about').textContent = about ? 'About: ' + about.title : 'About the targets in general.';
    $('propose-text').value = '';
    const dlg = $('propose');
    dlg.returnValue = '';
    dlg.onclose = () => {
      const text = $('propose-text').value.trim();
      if (dlg.returnValue !== 'send' || !text) return;
      const id = requestId();
      desk.proposals.set(id, text);
      if (!send({ type: 'proposal', requestId: id, objectiveId: about ? about.id : null, text: text })) {
        desk.proposals.delete(id);
        note('Not connected: your suggestion was not sent. Try again when connected.', 'bad');
      }
    };
    dlg.showModal();
  }

  // ---- keys ----
  function typing(el) {
    return el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && el.type !== 'checkbox' && el.type !== 'radio'));
  }

  function onKey(e) {
    const guarded = Date.now() < desk.guardUntil;
    desk.lastKeyAt = Date.now();
    desk.lastTouchAt = desk.lastKeyAt;
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      if (!$('pop').hidden && !document.querySelector('dialog[open]')) { e.preventDefault(); submit(); }
      return;
    }
    if (document.querySelector('dialog[open]')) return;
    if (e.key === 'Escape' && typing(document.activeElement)) { document.activeElement.blur(); return; }
    if (typing(document.activeElement) || e.ctrlKey || e.metaKey) return;
    if (guarded) { e.preventDefault(); return; }
    const digit = /^Digit([1-9])$/.exec(e.code) || /^Numpad([1-9])$/.exec(e.code);
    if (digit && e.shiftKey) { e.preventDefault(); tick(Number(digit[1]) - 1); return; }
    if (digit) { e.preventDefault(); pickKey(Number(digit[1])); return; }
    switch (e.key) {
      case 'y': case 'Y': e.preventDefault(); update((d) => { d.advance = true; }); break;
      case 'n': case 'N': e.preventDefault(); update((d) => { d.advance = false; }); break;
      case 'v': case 'V': case 'x': case 'X': case 'w': case 'W':
        e.preventDefault(); answerCommitment(desk.selected, COMMITMENT_KEYS[e.key.toLowerCase()]); break;
      case '+': case '=': e.preventDefault(); update((d) => { d.upsell = Math.min(100, d.upsell + 1); }); break;
      case '-': case '_': e.preventDefault(); update((d) => { d.upsell = Math.max(0, d.upsell - 1); }); break;
      case 't': e.preventDefault(); if (!$('pop').hidden) $('notes').focus(); break;
      case 'j': e.preventDefault(); move(1); break;
      case 'k': e.preventDefault(); move(-1); break;
      case 'o': {
        const c = current();
        if (c && c.pop.screenPopUrl && /^https?:\/\//i.test(c.pop.screenPopUrl)) {
          e.preventDefault();
          window.open(c.pop.screenPopUrl, '_blank', 'noopener');
        } else if (c) {
          note('No CRM link for this call (the queue has no screenPop).', '');
        }
        break;
      }
      case '?': e.preventDefault(); $('help').showModal(); break;
      default: break;
    }
  }

  function wire() {
    document.addEventListener('keydown', onKey);
    const touched = (e) => { if (e.target.closest && e.target.closest('#pop')) desk.lastTouchAt = Date.now(); };
    document.addEventListener('pointerdown', touched, true);
    document.addEventListener('focusin', touched, true);
    window.addEventListener('beforeunload', (e) => {
      if (desk.me && !desk.connected && Object.keys(outbox.all()).length) {
        e.preventDefault(); // kept in this browser anyway; the agent should know it is not sent
        e.returnValue = '';
      }
    });
    $('dispo').addEventListener('submit', (e) => { e.preventDefault(); submit(); });
    $('advance-yes').onchange = () => update((d) => { d.advance = true; });
    $('advance-no').onchange = () => update((d) => { d.advance = false; });
    for (const b of $('commitment').querySelectorAll('button[data-answer]')) {
      b.onclick = () => answerCommitment($('commitment').dataset.callId, b.dataset.answer);
    }
    $('upsell-plus').onclick = () => update((d) => { d.upsell = Math.min(100, d.upsell + 1); });
    $('upsell-minus').onclick = () => update((d) => { d.upsell = Math.max(0, d.upsell - 1); });
    // Every keystroke is in the draft at once: a reload or a crash loses nothing typed.
    // A field's text belongs to the call it was filled for (data-call-id), whatever is shown now.
    const field = (id, set) => $(id).addEventListener('input', (e) =>
      updateCall(e.target.dataset.callId, (d) => set(d, e.target.value)));
    field('notes', (d, v) => { d.notes = v; });
    field('upsell-notes', (d, v) => { d.upsellNotes = v; });
    field('csat', (d, v) => { d.csat = v.trim(); });
    $('help-button').onclick = () => $('help').showModal();
    $('propose-button').onclick = propose;
    $('dismiss').onclick = () => {
      const c = current();
      if (!c || !window.confirm('Remove the call from ' + callerLabel(c.pop) + ' from your list? Its draft is' +
          ' deleted; the call stays stored as undisposed.')) return;
      desk.calls.delete(c.pop.callId);
      drafts.drop(c.pop.callId);
      known.drop(c.pop.callId);
      render();
    };
    setupNotifications();
    window.addEventListener('online', reconnectNow);
    document.addEventListener('visibilitychange', () => { if (!document.hidden) reconnectNow(); });
    // The clocks on the card and the list.
    setInterval(() => {
      if (desk.incoming && !working()) { select(desk.incoming, true); render(); }
      if (desk.calls.size) { renderTimes(); renderStatus(); }
      // A connection that takes a disposition and never answers is dead (half-open): start over.
      for (const t of desk.sentAt.values()) {
        if (desk.socket && Date.now() - t > ACK_TIMEOUT_MS) { desk.socket.close(); break; }
      }
    }, 1000);
    $('incoming-show').onclick = () => { select(desk.incoming, false); render(); };
  }

  /** Stage, last outcome, and the pause while a forced wrap-up lasts (it ends with the clock). */
  function contextOf(c) {
    const o = c.pop.objective || {};
    const context = [];
    if (o.stage) context.push('Stage: ' + o.stage);
    if (o.lastCall) {
      context.push('Last call: ' + o.lastCall.code + (o.lastCall.advanceObtained ? ' (advance obtained)' : ' (no advance)') +
        ' on ' + shortDate(o.lastCall.atMillis));
    }
    if (c.ended && c.ended.forcedWrapUp && c.ended.wrapUpDeadlineMillis > serverNow()) {
      context.push('You are paused in the queue until this is saved');
    }
    return context.join(' · ');
  }

  function renderStatus() {
    const c = current();
    if (!c) return;
    const st = statusOf(c);
    $('pop-status').textContent = st.text;
    $('pop-status').className = 'status ' + st.cls;
    const context = contextOf(c);
    if ($('pop-context').textContent !== context) $('pop-context').textContent = context;
  }

  wire();
  restoreNotes();
  connect();
})();
