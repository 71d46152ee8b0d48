/*
 * Gen AI co-author for Rundeck: a button on the job list and job editor that opens a dialog.
 * The dialog runs the project's "coauthor/Generate job" through the Rundeck API with the user's own
 * session, reads the one COAUTHOR:RESULT line of its log, shows the job YAML, the findings and the
 * dry-run, and imports the job when asked. Plain ES2017, no dependencies, no build step.
 */
(function () {
  'use strict';

  const JOB_GROUP = 'coauthor';
  const JOB_NAME = 'Generate job';
  const RESULT_PREFIX = 'COAUTHOR:RESULT:';
  const POLL_MS = 1000;
  const POLL_LIMIT_MS = 10 * 60 * 1000;
  const MAX_REQUEST_CHARS = 4000;

  const MSG = {
    button: 'Gen AI co-author',
    title: 'Gen AI co-author',
    intro: 'Describe the task in plain language. The co-author writes a Rundeck job, validates it and shows a dry-run.',
    category: 'Category',
    categoryNone: 'Any category',
    request: 'Request',
    requestHelp: 'For example: copy a file from a node to an S3 bucket; I pick the host, the file and the bucket.',
    requestMissing: 'Describe the task first.',
    project: 'Project',
    addToLibrary: 'Add to Jobs Library',
    addToLibraryHelp: 'When the job is valid, add it to this project right after it is generated.',
    generate: 'Generate',
    close: 'Close',
    loading: 'Looking for the Co-author job…',
    noProject: 'This page has no project, so there is nowhere to generate or import a job.',
    jobMissing: 'The Co-author job ("coauthor/Generate job") is not in this project yet.',
    install: 'Install the Co-author job',
    installed: 'The Co-author job was installed.',
    running: (id) => 'Generating (execution #' + id + ')…',
    execLink: 'Open the execution',
    status: {
      OK: 'The job was generated and passed validation.',
      INVALID: 'The job was generated but has errors, so it cannot be imported.',
      NO_MATCH: 'Nothing in the catalog fits this request.',
      REFUSED: 'The request was refused.',
    },
    yaml: 'Job definition (YAML)',
    copy: 'Copy YAML',
    copied: 'YAML copied to the clipboard.',
    copyFailed: 'Could not copy; select the text and copy it by hand.',
    findings: 'Findings',
    noFindings: 'No findings.',
    line: (l, c) => 'line ' + l + (c ? ', col ' + c : ''),
    transcript: 'Dry-run transcript',
    importButton: 'Add to Jobs Library',
    editButton: 'Open in editor',
    editHelp: 'Open in editor saves the job to the Jobs Library first, then opens it in the Rundeck job editor.',
    cannotImport: {
      status: (s) => 'Not importable: the generation status is ' + s + ', not OK.',
      errors: (n) => 'Not importable: ' + n + ' error finding(s) must be fixed first.',
      empty: 'Not importable: the result has no job definition.',
      done: 'Already added to the Jobs Library.',
    },
    importing: 'Adding the job to the Jobs Library…',
    imported: 'Added to the Jobs Library:',
    importFailed: 'Rundeck did not import the job:',
    importSkipped: 'Rundeck skipped the job:',
    errors: {
      permission: (what, status) => 'You do not have permission to ' + what + ' (HTTP ' + status + ').'
        + ' Ask an administrator for the access rule, or reload the page if your session has expired.',
      http: (what, status) => 'Rundeck could not ' + what + ' (HTTP ' + status + ').',
      network: (what) => 'Could not reach Rundeck to ' + what + '.',
      failed: 'The generation failed.',
      noResult: 'The Co-author job finished without a result line; open the execution log for details.',
      badResult: 'The Co-author job wrote a result that could not be read.',
      timeout: 'The generation did not finish within 10 minutes; open the execution to follow it.',
      noJobId: 'Rundeck did not return an id for the job.',
    },
    actions: {
      find: 'list the jobs of this project',
      read: 'read the Co-author job',
      run: 'run the Co-author job',
      poll: 'read the execution log',
      import: 'import jobs into this project',
      install: 'download the Co-author job definition',
    },
  };

  /* ---------- Rundeck page context and API client ---------- */

  const scriptSrc = document.currentScript ? document.currentScript.src : '';

  function rundeck() {
    const rd = window._rundeck || {};
    const page = window.rundeckPage;
    let rdBase = rd.rdBase || '/';
    if (!rdBase.endsWith('/')) rdBase += '/';
    const project = (page && typeof page.project === 'function' && page.project()) || rd.projectName || '';
    return { rdBase, project, api: rdBase + 'api/' + (rd.apiVersion || '48') + '/' };
  }

  function pluginBase() {
    const match = /^(.*\/)ui\/coauthor\.js(\?.*)?$/.exec(scriptSrc);
    return match ? match[1] : rundeck().rdBase + 'plugin/file/UI/coauthor-ui/';
  }

  // Synchronizer tokens are single use: every response may carry the next one.
  let token = null;

  function readPageToken() {
    const el = document.getElementById('web_ui_token');
    if (el) {
      try {
        const parsed = JSON.parse(el.textContent);
        if (parsed && parsed.TOKEN) return { TOKEN: parsed.TOKEN, URI: parsed.URI };
      } catch (e) { /* fall through to _rundeck.token */ }
    }
    const t = (window._rundeck || {}).token;
    return t && t.TOKEN ? { TOKEN: t.TOKEN, URI: t.URI } : { TOKEN: '', URI: '' };
  }

  async function api(method, path, what, body, contentType) {
    const headers = { 'X-Rundeck-ajax': 'true', Accept: 'application/json' };
    if (method !== 'GET') {
      if (!token) token = readPageToken();
      headers['X-RUNDECK-TOKEN-KEY'] = token.TOKEN;
      headers['X-RUNDECK-TOKEN-URI'] = token.URI;
    }
    if (contentType) headers['Content-Type'] = contentType;
    let resp;
    try {
      resp = await fetch(rundeck().api + path, { method, headers, body, credentials: 'same-origin' });
    } catch (e) {
      throw new Error(MSG.errors.network(what) + ' ' + e.message);
    }
    const key = resp.headers.get('x-rundeck-token-key');
    const uri = resp.headers.get('x-rundeck-token-uri');
    if (key && uri) token = { TOKEN: key, URI: uri };
    const text = await resp.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) { /* not JSON: keep the text for the message */ }
    if (!resp.ok) {
      const detail = data && data.message ? data.message : text.slice(0, 300);
      const kind = resp.status === 401 || resp.status === 403 ? 'permission' : 'http';
      throw new Error(MSG.errors[kind](what, resp.status) + (detail ? ' ' + detail : ''));
    }
    return data;
  }

  const enc = encodeURIComponent;

  async function findJob(project) {
    const jobs = await api('GET', 'project/' + enc(project) + '/jobs?groupPathExact=' + enc(JOB_GROUP)
      + '&jobExactFilter=' + enc(JOB_NAME), MSG.actions.find);
    return Array.isArray(jobs) && jobs.length ? jobs[0] : null;
  }

  async function categoriesOf(jobId) {
    const defs = await api('GET', 'job/' + enc(jobId) + '?format=json', MSG.actions.read);
    const options = (Array.isArray(defs) && defs[0] && defs[0].options) || [];
    const list = Array.isArray(options) ? options : Object.keys(options).map((k) => Object.assign({ name: k }, options[k]));
    const category = list.find((o) => o && o.name === 'category');
    const values = category && category.values;
    if (Array.isArray(values)) return values.map(String);
    return typeof values === 'string' ? values.split(category.valuesListDelimiter || ',').map((v) => v.trim()) : [];
  }

  function importJobs(project, yaml, what) {
    return api('POST', 'project/' + enc(project) + '/jobs/import?fileformat=yaml&dupeOption=create&uuidOption=remove',
      what, yaml, 'application/yaml');
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function runAndWait(jobId, options, onStarted) {
    const exec = await api('POST', 'job/' + enc(jobId) + '/run', MSG.actions.run, JSON.stringify({ options }),
      'application/json');
    onStarted(exec);
    const entries = [];
    const deadline = Date.now() + POLL_LIMIT_MS;
    let offset = 0;
    for (;;) {
      const out = await api('GET', 'execution/' + enc(exec.id) + '/output?format=json&offset=' + offset, MSG.actions.poll);
      (out.entries || []).forEach((e) => entries.push(e));
      if (typeof out.offset !== 'undefined') offset = out.offset;
      if (out.execCompleted && out.completed) return { exec, entries, state: out.execState };
      if (Date.now() > deadline) throw new Error(MSG.errors.timeout);
      if (!out.execCompleted) await sleep(POLL_MS);
    }
  }

  function decodeResult(entries) {
    for (const entry of entries) {
      const lines = String(entry.log || '').split('\n');
      for (const line of lines) {
        const at = line.indexOf(RESULT_PREFIX);
        if (at < 0) continue;
        try {
          const bytes = Uint8Array.from(atob(line.slice(at + RESULT_PREFIX.length).trim()), (c) => c.charCodeAt(0));
          return JSON.parse(new TextDecoder('utf-8').decode(bytes));
        } catch (e) {
          throw new Error(MSG.errors.badResult + ' ' + e.message);
        }
      }
    }
    return null;
  }

  /* ---------- DOM helpers ---------- */

  let uid = 0;
  const nextId = (name) => 'coauthor-' + name + '-' + (++uid);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === false || v === null || typeof v === 'undefined') return;
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach((c) => c !== null && typeof c !== 'undefined' && node.append(c));
    return node;
  }

  const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]),'
    + ' textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

  /* ---------- Result views (no dialog state) ---------- */

  function yamlSection(yaml) {
    const copyStatus = el('span', { class: 'coauthor-help', role: 'status' });
    const copy = el('button', { type: 'button', class: 'coauthor-btn', text: MSG.copy, onclick: async () => {
      try {
        await navigator.clipboard.writeText(yaml);
        copyStatus.textContent = MSG.copied;
      } catch (e) {
        copyStatus.textContent = MSG.copyFailed;
      }
    } });
    return el('section', { class: 'coauthor-section' },
      el('div', { class: 'coauthor-section-head' }, el('h3', { text: MSG.yaml }), copy, copyStatus),
      el('pre', { class: 'coauthor-yaml', tabindex: '0', text: yaml }));
  }

  function findingsSection(findings) {
    const items = findings.map((f) => {
      const severity = String(f.severity || 'info').toLowerCase();
      return el('li', { class: 'coauthor-finding coauthor-finding-' + severity },
        el('span', { class: 'coauthor-badge', text: severity }), ' ',
        el('code', { text: f.id || '' }), ' ',
        el('span', { class: 'coauthor-where', text: f.line ? MSG.line(f.line, f.column) : '' }), ' ',
        el('span', { class: 'coauthor-message', text: f.message || '' }),
        f.hint ? el('div', { class: 'coauthor-hint', text: f.hint }) : null);
    });
    return el('section', { class: 'coauthor-section' }, el('h3', { text: MSG.findings + ' (' + findings.length + ')' }),
      items.length ? el('ul', { class: 'coauthor-findings' }, items) : el('p', { text: MSG.noFindings }));
  }

  function importProblems(outcome) {
    const list = (title, entries) => entries.length ? [el('p', { text: title }), el('ul', { class: 'coauthor-import-errors' },
      entries.map((x) => el('li', { text: (x.name ? x.name + ': ' : '') + (x.error || '') })))] : [];
    return [...list(MSG.importFailed, (outcome && outcome.failed) || []),
      ...list(MSG.importSkipped, (outcome && outcome.skipped) || [])];
  }

  /* ---------- The dialog ---------- */

  function createDialog(opener) {
    const ctx = rundeck();
    const ids = { title: nextId('title'), intro: nextId('intro'), category: nextId('category'),
      request: nextId('request'), requestHelp: nextId('request-help'), project: nextId('project'),
      library: nextId('library'), libraryHelp: nextId('library-help') };
    const state = { job: null, result: null, importedId: null, busy: false };

    const status = el('div', { class: 'coauthor-status', role: 'status', 'aria-live': 'polite' });
    const alert = el('div', { class: 'coauthor-alert', role: 'alert' });
    const setup = el('div', { class: 'coauthor-setup' });
    const results = el('div', { class: 'coauthor-results' });
    const category = el('select', { id: ids.category, class: 'coauthor-input' });
    const request = el('textarea', { id: ids.request, class: 'coauthor-input', rows: '4', maxlength: String(MAX_REQUEST_CHARS),
      'aria-describedby': ids.requestHelp, required: true });
    const library = el('input', { id: ids.library, type: 'checkbox', 'aria-describedby': ids.libraryHelp });
    const generate = el('button', { type: 'submit', class: 'coauthor-btn coauthor-btn-primary', text: MSG.generate });
    const form = el('form', { class: 'coauthor-form', novalidate: true, onsubmit: onGenerate },
      el('div', { class: 'coauthor-field' }, el('label', { for: ids.category, text: MSG.category }), category),
      el('div', { class: 'coauthor-field' }, el('label', { for: ids.request, text: MSG.request }), request,
        el('p', { id: ids.requestHelp, class: 'coauthor-help', text: MSG.requestHelp })),
      el('div', { class: 'coauthor-field' }, el('label', { for: ids.project, text: MSG.project }),
        el('input', { id: ids.project, class: 'coauthor-input', type: 'text', readonly: true, value: ctx.project })),
      el('div', { class: 'coauthor-field coauthor-check' }, library,
        el('label', { for: ids.library, text: MSG.addToLibrary }),
        el('p', { id: ids.libraryHelp, class: 'coauthor-help', text: MSG.addToLibraryHelp })),
      el('div', { class: 'coauthor-actions' }, generate));
    const closeButton = el('button', { type: 'button', class: 'coauthor-close', 'aria-label': MSG.close, text: '×',
      onclick: () => close() });
    const dialog = el('div', { class: 'coauthor-dialog', role: 'dialog', 'aria-modal': 'true',
      'aria-labelledby': ids.title, 'aria-describedby': ids.intro, tabindex: '-1' },
      el('div', { class: 'coauthor-header' }, el('h2', { id: ids.title, text: MSG.title }), closeButton),
      el('p', { id: ids.intro, class: 'coauthor-help', text: MSG.intro }),
      status, alert, setup, form, results);
    const backdrop = el('div', { class: 'coauthor-backdrop', hidden: true,
      onmousedown: (e) => { if (e.target === backdrop) close(); } }, dialog);
    dialog.addEventListener('keydown', onKeydown);
    document.body.append(backdrop);

    function say(text) { status.textContent = text || ''; }
    function fail(error) {
      alert.replaceChildren(...(Array.isArray(error) ? error : [el('p', { text: error.message || String(error) })]));
    }
    function clearMessages() { say(''); alert.replaceChildren(); }
    function setBusy(busy) {
      state.busy = busy;
      generate.disabled = busy || !state.job;
      dialog.setAttribute('aria-busy', busy ? 'true' : 'false');
    }

    function onKeydown(e) {
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      } else if (e.key === 'Tab') {
        const items = Array.from(dialog.querySelectorAll(FOCUSABLE)).filter((n) => n.offsetParent !== null);
        if (!items.length) return;
        const first = items[0];
        const last = items[items.length - 1];
        if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }
    }

    function open() {
      backdrop.hidden = false;
      document.body.classList.add('coauthor-modal-open');
      opener.setAttribute('aria-expanded', 'true');
      (state.job ? category : dialog).focus();
      if (!state.job && !state.busy) load();
    }

    function close() {
      backdrop.hidden = true;
      document.body.classList.remove('coauthor-modal-open');
      opener.setAttribute('aria-expanded', 'false');
      opener.focus();
    }

    async function load() {
      clearMessages();
      setup.replaceChildren();
      if (!ctx.project) {
        fail(new Error(MSG.noProject));
        setBusy(false);
        return;
      }
      setBusy(true);
      say(MSG.loading);
      try {
        state.job = await findJob(ctx.project);
        if (!state.job) {
          say('');
          showInstall();
          return;
        }
        const values = await categoriesOf(state.job.id);
        category.replaceChildren(...(values.length ? values : ['']).map((v) =>
          el('option', { value: v, text: v || MSG.categoryNone })));
        say('');
        if (dialog.contains(document.activeElement) || document.activeElement === dialog) category.focus();
      } catch (e) {
        fail(e);
      } finally {
        setBusy(false);
      }
    }

    function showInstall() {
      const button = el('button', { type: 'button', class: 'coauthor-btn coauthor-btn-primary', text: MSG.install,
        onclick: () => install(button) });
      setup.replaceChildren(el('p', { text: MSG.jobMissing }), button);
      button.focus();
    }

    async function install(button) {
      button.disabled = true;
      clearMessages();
      try {
        let resp;
        try {
          resp = await fetch(pluginBase() + 'coauthor-job.yaml', { credentials: 'same-origin' });
        } catch (e) {
          throw new Error(MSG.errors.network(MSG.actions.install) + ' ' + e.message);
        }
        if (!resp.ok) throw new Error(MSG.errors.http(MSG.actions.install, resp.status));
        const outcome = await importJobs(ctx.project, await resp.text(), MSG.actions.import);
        if (!(outcome.succeeded || []).length) {
          fail(importProblems(outcome));
          button.disabled = false;
          return;
        }
        say(MSG.installed);
        await load();
      } catch (e) {
        fail(e);
        button.disabled = false;
      }
    }

    async function onGenerate(e) {
      e.preventDefault();
      if (state.busy || !state.job) return;
      clearMessages();
      if (!request.value.trim()) {
        request.setAttribute('aria-invalid', 'true');
        fail(new Error(MSG.requestMissing));
        request.focus();
        return;
      }
      request.removeAttribute('aria-invalid');
      results.replaceChildren();
      state.result = null;
      state.importedId = null;
      setBusy(true);
      try {
        const run = await runAndWait(state.job.id, { category: category.value, request: request.value },
          (exec) => showRunning(exec));
        const result = decodeResult(run.entries);
        if (!result) {
          const failed = run.state && run.state !== 'succeeded';
          const errors = run.entries.filter((x) => x.level === 'ERROR').map((x) => x.log).slice(-5);
          fail([el('p', { text: failed ? MSG.errors.failed + ' (' + run.state + ')' : MSG.errors.noResult }),
            ...errors.map((t) => el('pre', { class: 'coauthor-log', text: t })), executionLink(run.exec)]);
          say('');
          return;
        }
        state.result = result;
        say('');
        showResult(result);
        if (library.checked && !whyNotImportable(result)) await doImport(false);
      } catch (err) {
        say('');
        fail(err);
      } finally {
        setBusy(false);
      }
    }

    function executionLink(exec) {
      const href = exec.permalink || ctx.rdBase + 'project/' + enc(ctx.project) + '/execution/show/' + enc(exec.id);
      return el('p', {}, el('a', { href, target: '_blank', rel: 'noopener', text: MSG.execLink }));
    }

    function showRunning(exec) {
      say(MSG.running(exec.id));
      results.replaceChildren(executionLink(exec));
    }

    function whyNotImportable(result) {
      if (state.importedId) return MSG.cannotImport.done;
      if (result.status !== 'OK') return MSG.cannotImport.status(result.status);
      const errors = (result.findings || []).filter((f) => String(f.severity).toUpperCase() === 'ERROR').length;
      if (errors) return MSG.cannotImport.errors(errors);
      return result.yaml ? '' : MSG.cannotImport.empty;
    }

    function showResult(result) {
      const summary = el('div', { class: 'coauthor-summary coauthor-summary-' + String(result.status).toLowerCase() },
        el('strong', { text: MSG.status[result.status] || String(result.status) }),
        // "ok" repeats the headline; any other message (repair rounds, reasons) is worth showing.
        result.message && result.message !== 'ok' ? el('p', { text: result.message }) : null);
      const sections = [summary];
      if (result.yaml) sections.push(yamlSection(result.yaml));
      sections.push(findingsSection(result.findings || []));
      if (result.transcript) {
        sections.push(el('section', { class: 'coauthor-section' }, el('h3', { text: MSG.transcript }),
          el('pre', { class: 'coauthor-transcript', tabindex: '0', text: result.transcript })));
      }
      sections.push(importSection());
      results.replaceChildren(...sections);
    }

    function importSection() {
      const reasonId = nextId('reason');
      const reason = whyNotImportable(state.result);
      const add = el('button', { type: 'button', class: 'coauthor-btn coauthor-btn-primary', text: MSG.importButton,
        disabled: !!reason, 'aria-describedby': reasonId, onclick: () => doImport(false) });
      const edit = el('button', { type: 'button', class: 'coauthor-btn', text: MSG.editButton,
        disabled: !!reason && !state.importedId, 'aria-describedby': reasonId, onclick: () => doImport(true) });
      return el('section', { class: 'coauthor-section coauthor-import', 'data-coauthor': 'import' },
        el('div', { class: 'coauthor-actions' }, add, edit),
        el('p', { id: reasonId, class: 'coauthor-help coauthor-reason', text: reason || MSG.editHelp }),
        el('div', { class: 'coauthor-import-outcome' }));
    }

    function refreshImportSection(outcomeNodes) {
      const fresh = importSection();
      fresh.querySelector('.coauthor-import-outcome').replaceChildren(...outcomeNodes);
      results.querySelector('[data-coauthor="import"]').replaceWith(fresh);
    }

    async function doImport(thenEdit) {
      if (thenEdit && state.importedId) {
        window.location.assign(editUrl(state.importedId));
        return;
      }
      if (whyNotImportable(state.result)) return;
      setBusy(true);
      say(MSG.importing);
      let outcomeNodes = [];
      try {
        const outcome = await importJobs(ctx.project, state.result.yaml, MSG.actions.import);
        const done = (outcome.succeeded || [])[0];
        if (done && done.id) {
          state.importedId = done.id;
          const href = done.permalink || ctx.rdBase + 'project/' + enc(ctx.project) + '/job/show/' + enc(done.id);
          outcomeNodes = [el('p', { class: 'coauthor-success' }, MSG.imported + ' ',
            el('a', { href, text: (done.group ? done.group + '/' : '') + (done.name || done.id) }))];
        } else {
          fail(done ? [el('p', { text: MSG.errors.noJobId })] : importProblems(outcome));
        }
      } catch (e) {
        fail(e);
      } finally {
        say('');
        setBusy(false);
      }
      refreshImportSection(outcomeNodes);
      if (thenEdit && state.importedId) window.location.assign(editUrl(state.importedId));
    }

    function editUrl(id) {
      return ctx.rdBase + 'project/' + enc(ctx.project) + '/job/edit/' + enc(id);
    }

    return { open };
  }

  /* ---------- The button ---------- */

  // Places to try, best first: the job list's subtitle bar, then the job editor's form header.
  const ANCHORS = ['.subtitle-head-item', '.subtitle-head', '#subtitlebar', '#page_jobs', '#editForm', '.job-editor'];

  function placeButton() {
    if (document.getElementById('coauthor-open')) return true;
    const anchor = ANCHORS.map((s) => document.querySelector(s)).find((n) => n);
    if (!anchor) return false;
    anchor.append(makeButton('coauthor-launch coauthor-btn coauthor-btn-primary'));
    return true;
  }

  function makeButton(className) {
    let dialog = null;
    const button = el('button', { type: 'button', id: 'coauthor-open', class: className, 'aria-haspopup': 'dialog',
      'aria-expanded': 'false', text: MSG.button });
    button.addEventListener('click', () => {
      if (!dialog) dialog = createDialog(button);
      dialog.open();
    });
    return button;
  }

  function start() {
    if (placeButton()) return;
    // Vue renders parts of Rundeck's pages after load: watch briefly, then fall back to a fixed button.
    const observer = new MutationObserver(() => { if (placeButton()) observer.disconnect(); });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => {
      observer.disconnect();
      if (!document.getElementById('coauthor-open')) {
        document.body.append(makeButton('coauthor-launch coauthor-btn coauthor-btn-primary coauthor-fixed'));
      }
    }, 3000);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
