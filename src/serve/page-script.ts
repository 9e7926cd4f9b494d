// The editor page's script, sent as /page.js. Plain browser JavaScript kept as a string so the build stays
// `tsc` alone (no bundler, no copied assets). It never uses innerHTML with article text: every piece of the
// article becomes a text node, so a pasted page cannot run script in the editor's browser.
// (No backquotes or dollar-brace pairs below: this is a template literal.)

export const PAGE_SCRIPT = String.raw`
'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var els = {
    article: $('article'), format: $('format'), publishedAt: $('publishedAt'), file: $('file'), check: $('check'),
    fixAll: $('fix-all'), copy: $('copy'), status: $('status'), result: $('result'), verdict: $('verdict'),
    view: $('view'), flags: $('flags'), token: $('token'), auth: $('auth'), other: $('other'),
    compareBtn: $('compare-btn'), pair: $('pair'), pairSummary: $('pair-summary'), sideA: $('side-a'),
    sideB: $('side-b'), comparisons: $('comparisons')
  };
  var safeRules = {};
  var state = { text: null, report: null };

  try { els.token.value = sessionStorage.getItem('credlint-token') || ''; } catch (e) { /* storage off */ }
  els.token.addEventListener('change', function () {
    try { sessionStorage.setItem('credlint-token', els.token.value); } catch (e) { /* storage off */ }
  });

  function say(message, isError) {
    els.status.textContent = message;
    els.status.className = isError ? 'error' : '';
  }

  function api(path, body, type) {
    var headers = {};
    if (type) headers['content-type'] = type;
    if (els.token.value) headers.authorization = 'Bearer ' + els.token.value;
    return fetch(path, { method: body === undefined ? 'GET' : 'POST', headers: headers, body: body }).then(function (res) {
      return res.text().then(function (raw) {
        var data = null;
        try { data = JSON.parse(raw); } catch (e) { data = null; }
        if (res.status === 401) {
          els.auth.open = true;
          els.token.focus();
          throw new Error('This server needs a token: enter it under "Server token" and try again.');
        }
        if (!res.ok && res.status !== 422) throw new Error((data && data.error) || raw || ('HTTP ' + res.status));
        return data;
      });
    });
  }

  function loadRules() {
    return api('/v1/rules').then(function (data) {
      data.rules.forEach(function (r) { safeRules[r.id] = r.safeFix; });
    }).catch(function () { /* the first check will say what is wrong */ });
  }

  function formatOf(text) {
    var f = els.format.value;
    if (f !== 'auto') return f;
    var t = text.replace(/^\s+/, '').slice(0, 200).toLowerCase();
    if (/^<(!doctype|html|head|body|article|div|p|h1|section|main)\b/.test(t)) return 'html';
    if (/^#{1,6} |\n#{1,6} |\n\s*[-*] |\]\(https?:/.test(text.slice(0, 5000))) return 'md';
    return 'txt';
  }

  var TYPES = { txt: 'text/plain', md: 'text/markdown', html: 'text/html' };

  function query() {
    var q = [];
    if (els.publishedAt.value) q.push('publishedAt=' + encodeURIComponent(els.publishedAt.value));
    return q.length ? '?' + q.join('&') : '';
  }

  // An HTML page is checked as the text credlint reads from it; that text replaces the page in the box, so
  // every offset, highlight and fix refers to what the editor sees.
  function asText(text) {
    if (formatOf(text) !== 'html') return Promise.resolve({ text: text, format: formatOf(text) });
    return api('/v1/extract', text, 'text/html').then(function (page) {
      if (page.publishedAt && !els.publishedAt.value) els.publishedAt.value = page.publishedAt;
      return { text: page.body, format: 'txt', converted: true };
    });
  }

  function check() {
    var source = els.article.value;
    if (!source.trim()) { say('Paste an article first.', true); els.article.focus(); return Promise.resolve(); }
    say('Checking…');
    els.check.disabled = true;
    return asText(source).then(function (input) {
      if (input.converted) { els.article.value = input.text; els.format.value = 'txt'; }
      return api('/v1/check' + query(), input.text, TYPES[input.format]).then(function (report) {
        state.text = input.text;
        state.report = report;
        render();
        var a = report.articles[0];
        say((input.converted ? 'Checked the visible text of the page. ' : '') + (a ? a.flags.length + ' flag(s).' : 'Not checked: ' + report.errors.map(function (e) { return e.message; }).join('; ')));
      });
    }).catch(function (e) { say(e.message, true); }).then(function () { els.check.disabled = false; });
  }

  // Splits [0, text.length) at every span boundary; each piece knows the spans covering it. One sweep over
  // sorted boundaries, so thousands of flags stay fast.
  function pieces(text, spans) {
    var live = spans.filter(function (s) { return s.end > s.start && s.start >= 0 && s.end <= text.length; });
    var raw = [0, text.length];
    live.forEach(function (s) { raw.push(s.start, s.end); });
    raw.sort(function (x, y) { return x - y; });
    var cuts = [];
    raw.forEach(function (c) { if (!cuts.length || cuts[cuts.length - 1] !== c) cuts.push(c); });
    var byStart = live.slice().sort(function (x, y) { return x.start - y.start; });
    var active = [];
    var k = 0;
    var out = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var from = cuts[i], to = cuts[i + 1];
      while (k < byStart.length && byStart[k].start <= from) active.push(byStart[k++]);
      active = active.filter(function (s) { return s.end > from; });
      out.push({ from: from, to: to, spans: active.slice() });
    }
    return out;
  }

  function highlight(container, text, spans, classOf, onPick) {
    container.textContent = '';
    var frag = document.createDocumentFragment();
    pieces(text, spans).forEach(function (p) {
      var chunk = text.slice(p.from, p.to);
      if (!p.spans.length) { frag.appendChild(document.createTextNode(chunk)); return; }
      // The narrowest span colours the piece: it is the most specific flag there.
      var top = p.spans.slice().sort(function (x, y) { return (x.end - x.start) - (y.end - y.start); })[0];
      var mark = document.createElement('mark');
      // Every covering flag's class (so each flag can be found and styled), the narrowest one's colour on top.
      var classes = ['top-' + classOf(top).split(' ')[0]];
      p.spans.forEach(function (s) { classOf(s).split(' ').forEach(function (c) { if (classes.indexOf(c) < 0) classes.push(c); }); });
      if (p.spans.length > 1) classes.push('multi');
      mark.className = classes.join(' ');
      mark.textContent = chunk;
      mark.tabIndex = 0;
      mark.dataset.spans = p.spans.map(function (s) { return s.key; }).join(' ');
      mark.title = p.spans.map(function (s) { return s.label; }).join('\n');
      mark.addEventListener('click', function () { onPick(top.key); });
      mark.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(top.key); } });
      frag.appendChild(mark);
    });
    container.appendChild(frag);
  }

  function activate(scope, key, list) {
    Array.prototype.forEach.call(scope.querySelectorAll('mark'), function (m) {
      m.classList.toggle('active', (' ' + m.dataset.spans + ' ').indexOf(' ' + key + ' ') >= 0);
    });
    Array.prototype.forEach.call(list.children, function (li) { li.classList.toggle('active', li.dataset.key === key); });
  }

  function render() {
    var report = state.report;
    var a = report.articles[0];
    els.result.hidden = false;
    els.verdict.textContent = '';
    if (!a) { els.view.textContent = state.text; els.flags.textContent = ''; return; }
    var badge = document.createElement('span');
    badge.className = 'badge ' + a.verdict;
    badge.textContent = a.verdict;
    els.verdict.appendChild(badge);
    els.verdict.appendChild(document.createTextNode(' score ' + a.score + ' · ' + a.flags.length + ' flag(s) · language ' + a.language + (a.publishedAt ? ' · published ' + a.publishedAt : '')));
    var spans = a.flags.map(function (f, i) { return { start: f.start, end: f.end, key: 'f' + i, label: f.ruleId + ': ' + f.message, flag: f }; });
    var pick = function (key) {
      activate(els.view, key, els.flags);
      var li = els.flags.querySelector('[data-key="' + key + '"]');
      if (li) { li.scrollIntoView({ block: 'nearest' }); li.focus(); }
    };
    highlight(els.view, state.text, spans, function (s) { return 'cat-' + s.flag.category + ' sev-' + s.flag.severity; }, pick);
    els.flags.textContent = '';
    a.flags.forEach(function (f, i) {
      var li = document.createElement('li');
      li.className = 'flag';
      li.dataset.key = 'f' + i;
      li.dataset.rule = f.ruleId;
      li.tabIndex = -1;
      var tag = document.createElement('span');
      tag.className = 'tag cat-' + f.category;
      tag.textContent = f.category;
      li.appendChild(tag);
      li.appendChild(document.createTextNode(f.severity + ' · line ' + f.line + ' · ' + f.message + ' '));
      var quote = document.createElement('q');
      quote.textContent = f.text.length > 120 ? f.text.slice(0, 119) + '…' : f.text;
      li.appendChild(quote);
      var show = document.createElement('button');
      show.type = 'button';
      show.textContent = 'Show';
      show.addEventListener('click', function () {
        activate(els.view, 'f' + i, els.flags);
        var m = els.view.querySelector('mark.active');
        if (m) { m.scrollIntoView({ block: 'center' }); m.focus(); }
      });
      li.appendChild(document.createTextNode(' '));
      li.appendChild(show);
      if (f.suggestion !== undefined) {
        var fix = document.createElement('button');
        fix.type = 'button';
        fix.className = 'apply';
        fix.textContent = f.suggestion === '' ? 'Apply: delete' : 'Apply: ' + (f.suggestion.length > 60 ? f.suggestion.slice(0, 59) + '…' : f.suggestion);
        fix.setAttribute('aria-label', 'Apply the suggestion for ' + f.ruleId + ' at line ' + f.line);
        fix.addEventListener('click', function () { applyFixes([f]); });
        li.appendChild(document.createTextNode(' '));
        li.appendChild(fix);
      }
      els.flags.appendChild(li);
    });
    els.fixAll.disabled = !safeFixes(a.flags).length;
    els.fixAll.textContent = 'Apply all safe fixes (' + safeFixes(a.flags).length + ')';
  }

  function safeFixes(flags) {
    return flags.filter(function (f) { return f.suggestion !== undefined && safeRules[f.ruleId]; });
  }

  // Replaces [start, end) of each fix, from the end of the text backwards so earlier offsets stay true;
  // a fix overlapping one already applied is skipped (the next check shows it again if it still applies).
  function applyFixes(fixes) {
    if (state.text === null || els.article.value !== state.text) { say('The text changed since the check: check it again first.', true); return Promise.resolve(); }
    var ordered = fixes.slice().sort(function (x, y) { return y.start - x.start || y.end - x.end; });
    var text = state.text;
    var floor = Infinity;
    var applied = 0;
    ordered.forEach(function (f) {
      if (f.end > floor || f.start > f.end || f.end > text.length) return;
      text = text.slice(0, f.start) + f.suggestion + text.slice(f.end);
      floor = f.start;
      applied++;
    });
    els.article.value = text;
    say(applied + ' fix(es) applied; checking again…');
    return check();
  }

  function copyText() {
    var text = els.article.value;
    var done = function () { say('The text is on the clipboard.'); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(); });
    } else fallbackCopy();
    function fallbackCopy() {
      els.article.focus();
      els.article.select();
      try { document.execCommand('copy'); done(); } catch (e) { say('Select the text and copy it (Ctrl+C).', true); }
    }
  }

  function readFile(file) {
    var name = (file.name || '').toLowerCase();
    file.text().then(function (text) {
      els.article.value = text;
      els.format.value = /\.html?$/.test(name) ? 'html' : /\.(md|markdown)$/.test(name) ? 'md' : /\.txt$/.test(name) ? 'txt' : 'auto';
      say('Read ' + file.name + '.');
      check();
    });
  }

  function compare() {
    var mine = els.article.value;
    var theirs = els.other.value;
    if (!mine.trim() || !theirs.trim()) { say('Paste both articles to compare them.', true); return Promise.resolve(); }
    say('Comparing…');
    return Promise.all([asText(mine), asText(theirs)]).then(function (both) {
      var body = JSON.stringify([{ id: 'this', body: both[0].text }, { id: 'other', body: both[1].text }]);
      return api('/v1/compare', body, 'application/json').then(function (report) {
        renderPair(both[0].text, both[1].text, report);
        say(report.comparisons.length + ' comparison(s) between the two articles.');
      });
    }).catch(function (e) { say(e.message, true); });
  }

  function renderPair(textA, textB, report) {
    els.pair.hidden = false;
    var list = report.comparisons;
    var counts = {};
    list.forEach(function (c) { counts[c.type] = (counts[c.type] || 0) + 1; });
    els.pairSummary.textContent = list.length ? Object.keys(counts).map(function (k) { return counts[k] + ' ' + k; }).join(', ') : 'No shared statements, copies or contradictions found.';
    var side = function (c, id) { return c.a.article === id ? c.a : c.b.article === id ? c.b : null; };
    var spansOf = function (id) {
      return list.map(function (c, i) { var s = side(c, id); return s ? { start: s.start, end: s.end, key: 'c' + i, label: c.type + ': ' + c.message, cmp: c } : null; }).filter(Boolean);
    };
    var pick = function (key) {
      activate(els.sideA, key, els.comparisons);
      activate(els.sideB, key, els.comparisons);
      [els.sideA, els.sideB].forEach(function (box) { var m = box.querySelector('mark.active'); if (m) m.scrollIntoView({ block: 'nearest' }); });
    };
    var cls = function (s) { return 'cmp-' + s.cmp.type; };
    highlight(els.sideA, textA, spansOf('this'), cls, pick);
    highlight(els.sideB, textB, spansOf('other'), cls, pick);
    els.comparisons.textContent = '';
    list.forEach(function (c, i) {
      var li = document.createElement('li');
      li.className = 'cmp';
      li.dataset.key = 'c' + i;
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = c.type + (c.kind ? ' (' + c.kind + ')' : '') + ' · similarity ' + c.similarity.toFixed(2);
      b.addEventListener('click', function () { pick('c' + i); });
      li.appendChild(b);
      li.appendChild(document.createTextNode(' ' + c.message));
      els.comparisons.appendChild(li);
    });
  }

  els.check.addEventListener('click', check);
  els.fixAll.addEventListener('click', function () { if (state.report && state.report.articles[0]) applyFixes(safeFixes(state.report.articles[0].flags)); });
  els.copy.addEventListener('click', copyText);
  els.compareBtn.addEventListener('click', compare);
  els.file.addEventListener('change', function () { if (els.file.files[0]) readFile(els.file.files[0]); });
  [els.article, els.other].forEach(function (box) {
    box.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); (box === els.article ? check : compare)(); }
    });
  });
  els.article.addEventListener('dragover', function (e) { e.preventDefault(); els.article.classList.add('drag'); });
  els.article.addEventListener('dragleave', function () { els.article.classList.remove('drag'); });
  els.article.addEventListener('drop', function (e) {
    els.article.classList.remove('drag');
    if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]) { e.preventDefault(); readFile(e.dataTransfer.files[0]); }
  });
  loadRules();
})();
`;
