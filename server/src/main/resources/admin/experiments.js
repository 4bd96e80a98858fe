// Admin page, Experiments section: start an experiment, watch its review, end it and roll out a
// variant. Every value from the server is rendered with textContent (never innerHTML).
'use strict';

(() => {
  const node = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  };
  const pct = (x) => (x * 100).toFixed(1) + ' %';
  const points = (x) => (x >= 0 ? '+' : '') + (x * 100).toFixed(1);

  async function call(method, path, body) {
    const opts = { method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    const res = await fetch(path, opts);
    let data = null;
    try { data = await res.json(); } catch (e) { data = { error: 'no JSON answer (' + res.status + ')' }; }
    return { status: res.status, data };
  }

  const section = document.getElementById('experiments-section');
  if (!section) return;
  // Supervisors' review page shows the reviews only; starting and ending is for admins.
  const readonly = section.dataset.readonly === 'true';
  section.replaceChildren(
    node('h2', 'Experiments'),
    node('p', 'Split a queue\u2019s (or stage\u2019s) callers between objectives; the same caller always gets the same variant. '
      + 'The verdict comes from a sequential test that stays valid however often you look.', 'muted'));
  const list = node('div'); list.id = 'experiments';
  section.appendChild(list);

  // ---- start form ----
  const form = node('form'); form.id = 'exp-form';
  form.appendChild(node('h3', 'Start an experiment', 'sub'));
  const top = node('div', null, 'row');
  const field = (label, input) => { const l = node('label', label); l.appendChild(input); top.appendChild(l); return input; };
  const idIn = field('Id', node('input')); idIn.id = 'exp-id'; idIn.placeholder = 'support-wording-1'; idIn.size = 18;
  const queueIn = field('Queue', node('select')); queueIn.id = 'exp-queue';
  const stageIn = field('Stage', node('select')); stageIn.id = 'exp-stage';
  const startIn = field('Start', node('input')); startIn.id = 'exp-start'; startIn.type = 'date';
  const endIn = field('Planned end (optional)', node('input')); endIn.id = 'exp-end'; endIn.type = 'date';
  form.appendChild(top);
  const variants = node('div'); variants.id = 'exp-variants';
  form.appendChild(variants);
  const buttons = node('div', null, 'row');
  const addBtn = node('button', 'Add variant'); addBtn.type = 'button';
  const goBtn = node('button', 'Start experiment'); goBtn.type = 'submit'; goBtn.id = 'exp-start-btn';
  buttons.append(addBtn, goBtn);
  form.appendChild(buttons);
  const formResult = node('div', null, 'result'); formResult.id = 'exp-form-result';
  form.appendChild(formResult);
  if (!readonly) section.appendChild(form);

  let objectives = [];
  let queues = [];

  function variantRow(id, weight) {
    const r = node('div', null, 'row exp-variant');
    const vid = node('input'); vid.value = id; vid.size = 8; vid.className = 'exp-vid';
    const obj = node('select'); obj.className = 'exp-vobj';
    for (const o of objectives) { const opt = node('option', o.id + ' \u2014 ' + o.title); opt.value = o.id; obj.appendChild(opt); }
    const w = node('input'); w.type = 'number'; w.min = 1; w.max = 99; w.value = weight; w.className = 'exp-vweight'; w.style.width = '5em';
    const l1 = node('label', variants.children.length === 0 ? 'Control id' : 'Variant id'); l1.appendChild(vid);
    const l2 = node('label', 'Objective'); l2.appendChild(obj);
    const l3 = node('label', 'Split %'); l3.appendChild(w);
    r.append(l1, l2, l3);
    variants.appendChild(r);
    return r;
  }

  function fillStages() {
    const q = queues.find((x) => x.queue === queueIn.value);
    stageIn.replaceChildren();
    const stages = (q && q.stages) || [];
    stageIn.disabled = stages.length === 0;
    if (stages.length === 0) stageIn.appendChild(node('option', '(no stages)'));
    for (const s of stages) { const o = node('option', s.id + ' (' + s.objective + ')'); o.value = s.id; stageIn.appendChild(o); }
    // The control defaults to what the queue (or stage) gets today.
    const current = stages.length ? stages[0].objective : q && q.objective;
    const first = variants.querySelector('.exp-vobj');
    if (first && current) first.value = current;
  }

  async function loadForm() {
    const [o, m] = await Promise.all([call('GET', '/api/admin/objectives'), call('GET', '/api/admin/mappings')]);
    objectives = o.data || [];
    queues = ((m.data && m.data.queues) || []).filter((q) => q.configured);
    queueIn.replaceChildren();
    for (const q of queues) { const opt = node('option', q.queue); opt.value = q.queue; queueIn.appendChild(opt); }
    variants.replaceChildren();
    variantRow('A', 50);
    variantRow('B', 50);
    startIn.value = new Date().toISOString().slice(0, 10);
    fillStages();
  }

  queueIn.addEventListener('change', fillStages);
  stageIn.addEventListener('change', () => {
    const q = queues.find((x) => x.queue === queueIn.value);
    const s = q && q.stages && q.stages.find((x) => x.id === stageIn.value);
    const first = variants.querySelector('.exp-vobj');
    if (s && first) first.value = s.objective;
  });
  addBtn.addEventListener('click', () => variantRow(String.fromCharCode(65 + variants.children.length), 0));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {
      id: idIn.value.trim(),
      queue: queueIn.value,
      stage: stageIn.disabled ? null : stageIn.value,
      start: startIn.value || null,
      end: endIn.value || null,
      variants: [...variants.querySelectorAll('.exp-variant')].map((r) => ({
        id: r.querySelector('.exp-vid').value.trim(),
        objective: r.querySelector('.exp-vobj').value,
        weight: Number(r.querySelector('.exp-vweight').value),
      })),
    };
    formResult.className = 'result';
    formResult.textContent = 'saving\u2026';
    const { status, data } = await call('POST', '/api/admin/experiments', body);
    if (status === 200 && data.ok) {
      formResult.className = 'result ok';
      formResult.textContent = 'Started ' + body.id + ': objectives.yaml saved and reloaded.';
      idIn.value = '';
      await refreshAll();
    } else {
      formResult.className = 'result err';
      formResult.textContent = 'Not started: ' + (data.error || status)
        + (data.errorLine ? ' (objectives.yaml line ' + data.errorLine + ')' : '');
    }
  });

  // ---- reviews ----
  function review(x) {
    const box = node('div', null, 'experiment');
    box.id = 'exp-' + x.id;
    const head = node('h3', x.id + ' \u00b7 ' + x.where + ' \u00b7 ' + x.status);
    box.appendChild(head);
    box.appendChild(node('p', 'Since ' + x.start + (x.plannedEnd ? ', planned to ' + x.plannedEnd : '')
      + (x.ended ? '; ended ' + x.ended + (x.rolledOut ? ', rolled out ' + x.rolledOut : '') : '')
      + '; ' + x.looks + (x.looks === 1 ? ' daily look' : ' daily looks'), 'muted'));
    const t = node('table', null, 'exp-figures');
    const h = node('tr');
    for (const c of ['Variant', 'Objective', 'Split', 'Calls', 'Advances', 'Advance rate', '95 % interval', 'vs control']) h.appendChild(node('th', c));
    const thead = node('thead'); thead.appendChild(h); t.appendChild(thead);
    const tb = node('tbody');
    for (const v of x.variants) {
      const k = x.comparisons.find((c) => c.variant === v.id);
      const tr = node('tr');
      tr.dataset.variant = v.id;
      const cells = [v.id + (v.control ? ' (control)' : ''), v.objectiveTitle + ' [' + v.objective + ']', v.weight + ' %',
        v.calls, v.advances, v.calls ? pct(v.rate) : '\u2013', v.calls ? pct(v.low) + ' \u2013 ' + pct(v.high) : '\u2013',
        k ? k.verdict.replace(/_/g, ' ').toLowerCase() + (k.verdict === 'NOT_ENOUGH_DATA' ? '' : ', ' + points(k.difference) + ' pts') : ''];
      for (const c of cells) tr.appendChild(node('td', c));
      tb.appendChild(tr);
    }
    t.appendChild(tb);
    box.appendChild(t);
    const verdict = node('p', x.summary, 'verdict ' + (x.rollOut ? 'ok' : ''));
    verdict.className = 'exp-verdict' + (x.rollOut ? ' ok' : '');
    box.appendChild(verdict);
    if (x.ended || readonly) return box;

    const actions = node('div', null, 'row');
    const result = node('div', null, 'result');
    if (x.rollOut) {
      const b = node('button', 'End and roll out ' + x.rollOut);
      b.className = 'exp-rollout';
      b.addEventListener('click', () => end(x, x.rollOut, false, result));
      actions.appendChild(b);
    }
    const pick = node('select'); pick.className = 'exp-pick';
    for (const v of x.variants) { const o = node('option', v.id); o.value = v.id; pick.appendChild(o); }
    const other = node('button', x.rollOut ? 'End and roll out another variant\u2026' : 'End and roll out chosen variant\u2026');
    other.className = 'exp-choose';
    other.addEventListener('click', () => {
      if (pick.value === x.rollOut) { end(x, pick.value, false, result); return; }
      // No verdict (or another one): ask once more, in the page, what that means.
      result.replaceChildren();
      result.className = 'result warn';
      result.appendChild(node('span', (x.rollOut ? 'The test supports ' + x.rollOut + ', not ' + pick.value
        : 'The test has no verdict yet') + '. Rolling out ' + pick.value + ' now is a guess. '));
      const yes = node('button', 'Yes, end and roll out ' + pick.value);
      yes.className = 'exp-confirm';
      yes.addEventListener('click', () => end(x, pick.value, true, result));
      result.appendChild(yes);
    });
    const l = node('label', 'Variant'); l.appendChild(pick);
    actions.append(l, other);
    box.append(actions, result);
    return box;
  }

  async function end(x, variant, confirm, result) {
    result.className = 'result';
    result.textContent = 'ending\u2026';
    const { status, data } = await call('POST', '/api/admin/experiments/' + encodeURIComponent(x.id) + '/end',
      { rollOut: variant, confirm });
    if (status === 200 && data.ok) {
      result.className = 'result ok';
      result.textContent = 'Ended; ' + x.where + ' now gets ' + data.objective + ' (variant ' + data.rolledOut + ').';
      await refreshAll();
    } else {
      result.className = 'result err';
      result.textContent = 'Not ended: ' + (data.error || status);
    }
  }

  async function loadReviews() {
    const { status, data } = await call('GET', '/api/experiments');
    list.replaceChildren();
    if (status !== 200) { list.appendChild(node('p', 'Experiments unavailable: ' + (data.error || status), 'err')); return; }
    if (data.length === 0) list.appendChild(node('p', 'No experiments yet.', 'muted'));
    for (const x of data) list.appendChild(review(x));
    list.dataset.loaded = String(Date.now());
  }

  async function refreshAll() {
    await loadReviews();
    // The rest of the page shows the mappings and the audit: refresh them too when present.
    for (const f of ['loadMappings', 'loadAudit', 'loadStatus']) {
      if (typeof window[f] === 'function') { try { await window[f](); } catch (e) { /* the page shows its own errors */ } }
    }
  }

  (readonly ? Promise.resolve() : loadForm()).then(loadReviews);
  setInterval(loadReviews, 60000);
})();
