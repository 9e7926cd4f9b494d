/**
 * The HTML report's browser script (plain ES2017, no template literals so it can sit in this string):
 * renders the article index, one page of articles at a time with their highlights and side lists, the
 * comparisons side by side, filters, links between the two sides of a comparison, and keyboard navigation.
 * It reads the report from <script id="cl-data" type="application/json"> and uses credlintHighlight.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  'use strict';
  var H = credlintHighlight;
  var esc = H.escapeHtml;
  var DATA = JSON.parse(document.getElementById('cl-data').textContent);
  var R = DATA.report, TEXTS = DATA.texts || {}, RULES = DATA.rules || {};
  var PAGE = DATA.pageSize || 10, CPAGE = DATA.comparisonPageSize || 25, WIDE = DATA.wideSpan || 600;
  var byId = {};
  R.articles.forEach(function (a, i) { byId[a.id] = i; });
  // Comparison sides by article, so each article view shows and links the statements it shares.
  var sidesOf = {};
  R.comparisons.forEach(function (c, k) {
    ['a', 'b'].forEach(function (s) {
      var i = byId[c[s].article];
      if (i === undefined) return;
      (sidesOf[i] = sidesOf[i] || []).push({ k: k, side: s });
    });
  });
  var S = { cats: {}, sevs: { error: true, warning: true, info: true }, types: { contradiction: true, 'near-duplicate': true, 'shared-claim': DATA.showSharedClaims === true }, verdicts: { pass: true, review: true, fail: true }, suppressed: false, q: '', sort: 'input', page: 0, cpage: 0, on: null };
  (DATA.categories || []).forEach(function (c) { S.cats[c] = true; });

  function suppressed(f) { return f.suppressed !== undefined && f.suppressed !== null && f.suppressed !== false; }
  function flagVisible(f) { return S.cats[f.category] !== false && S.sevs[f.severity] && (S.suppressed || !suppressed(f)); }
  function rank(v) { return v === 'fail' ? 2 : v === 'review' ? 1 : 0; }
  function sideVisible(c) { return S.types[c.type]; }

  function listed() {
    var q = S.q.toLowerCase();
    var list = [];
    R.articles.forEach(function (a, i) {
      if (!S.verdicts[a.verdict]) return;
      if (q && (a.id + ' ' + a.source + ' ' + (a.title || '')).toLowerCase().indexOf(q) < 0) return;
      list.push(i);
    });
    if (S.sort === 'worst') list.sort(function (x, y) { var a = R.articles[x], b = R.articles[y]; return rank(b.verdict) - rank(a.verdict) || a.score - b.score || x - y; });
    if (S.sort === 'best') list.sort(function (x, y) { var a = R.articles[x], b = R.articles[y]; return rank(a.verdict) - rank(b.verdict) || b.score - a.score || x - y; });
    return list;
  }

  function counts(a) {
    var n = { error: 0, warning: 0, info: 0 };
    a.flags.forEach(function (f) { if (flagVisible(f)) n[f.severity]++; });
    return n;
  }

  function renderIndex() {
    var list = listed();
    var rows = list.map(function (i) {
      var a = R.articles[i], n = counts(a);
      return '<tr data-a="' + i + '"><td class="n">' + (i + 1) + '</td><td><span class="badge ' + a.verdict + '">' + a.verdict + '</span></td><td class="n">' + a.score +
        '</td><td class="n">' + n.error + '</td><td class="n">' + n.warning + '</td><td class="n">' + n.info + '</td><td>' + esc(a.id) + (a.title ? ' — <i>' + esc(a.title) + '</i>' : '') + (a.id !== a.source ? ' <small>' + esc(a.source) + '</small>' : '') + '</td></tr>';
    });
    document.getElementById('cl-index-body').innerHTML = rows.join('');
    document.getElementById('cl-index-count').textContent = list.length + ' of ' + R.articles.length + ' articles';
    return list;
  }

  function at(x) { return x.line !== undefined ? x.line + ':' + (x.column || 1) : '@' + x.start; }

  function flagMarks(i) {
    var a = R.articles[i], marks = [], items = [];
    a.flags.forEach(function (f, j) {
      if (!flagVisible(f)) return;
      var key = 'f-' + i + '-' + j;
      var cls = 'c-' + f.category + ' s-' + f.severity + (suppressed(f) ? ' supp' : '');
      marks.push({ key: key, start: f.start, end: f.end, cls: cls, title: f.severity + ' ' + f.ruleId + ': ' + f.message, suggestion: f.suggestion, strike: f.category === 'chrome', wide: f.end - f.start > WIDE, label: String(j + 1) });
      items.push({ start: f.start, html: '<li class="' + cls + '" data-m="' + key + '" id="item-' + key + '" title="' + esc(RULES[f.ruleId] || '') + '"><span class="at">' + (j + 1) + '. ' + at(f) + '</span> <span class="sev">' + f.severity + '</span> <span class="rule">' + esc(f.ruleId) + '</span>' + (suppressed(f) ? ' <i>(suppressed)</i>' : '') + '<br>' + esc(f.message) +
        (f.end - f.start <= 200 ? ' <q>' + esc(f.text) + '</q>' : '') + (f.related ? ' <span class="rel">(the earlier passage: ' + at(f.related) + ' <q>' + esc(f.related.text.length > 80 ? f.related.text.slice(0, 79) + '…' : f.related.text) + '</q>)</span>' : '') + (f.suggestion !== undefined ? ' → <ins class="sugg">' + esc(JSON.stringify(f.suggestion).slice(1, -1)) + '</ins>' : '') + '</li>' });
    });
    (sidesOf[i] || []).forEach(function (s) {
      var c = R.comparisons[s.k];
      if (!sideVisible(c)) return;
      var me = c[s.side], other = s.side === 'a' ? c.b : c.a, os = s.side === 'a' ? 'b' : 'a';
      var key = 'x-' + s.k + '-' + s.side;
      var cls = 'c-comparison ' + (c.type === 'contradiction' ? 's-error' : 's-info') + ' k-' + c.type;
      marks.push({ key: key, start: me.start, end: me.end, cls: cls, title: c.type + (c.kind ? ' (' + c.kind + ')' : '') + ': ' + c.message, wide: me.end - me.start > WIDE, label: 'C' + (s.k + 1) });
      items.push({ start: me.start, html: '<li class="' + cls + '" data-m="' + key + '" id="item-' + key + '"><span class="at">C' + (s.k + 1) + '. ' + at(me) + '</span> <span class="sev">' + esc(c.type) + (c.kind ? ' · ' + esc(c.kind) : '') + '</span><br>' + esc(c.message) +
        '<br><a class="other" href="#x-' + s.k + '-' + os + '">other side: ' + esc(R.articles[byId[other.article]] ? R.articles[byId[other.article]].source : other.article) + ' ' + at(other) + '</a> · <a href="#cmp-' + s.k + '">side by side</a></li>' });
    });
    items.sort(function (x, y) { return x.start - y.start; });
    return { marks: marks, items: items };
  }

  function articleHtml(i) {
    var a = R.articles[i], m = flagMarks(i), text = TEXTS[a.id];
    var cats = Object.keys(a.categories).map(function (c) { return '<span class="c-' + c + '"><span class="sw"></span>' + esc(c) + ' ' + a.categories[c].flags + '</span>'; }).join(' ');
    var meta = [a.title ? '“' + esc(a.title) + '”' : '', a.publishedAt ? 'published ' + a.publishedAt + (a.publishedAtOrigin ? ' (' + a.publishedAtOrigin + ')' : '') : '', 'language ' + esc(a.language), (a.stats.words || 0) + ' words', a.flags.length + ' flags'].filter(Boolean).join(' · ');
    var body = text === undefined ? '<div class="notext">The article text is not in this report: the flags are listed on the right.</div>' : '<div class="cl-text">' + foldedText(text, a, m.marks) + '</div>';
    return '<article class="art" id="article-' + i + '" data-a="' + i + '"><header><span class="badge ' + a.verdict + '">' + a.verdict + '</span> <b>' + a.score + '/100</b><h2>' + esc(a.id) + (a.id !== a.source ? ' <small>' + esc(a.source) + '</small>' : '') + '</h2><span class="meta">' + meta + '</span><span class="meta">' + cats + '</span></header>' +
      '<div class="art-grid">' + body + '<div class="side"><ol>' + (m.items.length ? m.items.map(function (x) { return x.html; }).join('') : '<li class="none">' + (a.flags.length ? 'No flags shown: the filters hide all ' + a.flags.length + '.' : 'No flags.') + '</li>') + '</ol></div></div></article>';
  }

  // Long runs of site chrome (menus, link lists, comment threads) fold away behind one line, so the
  // article text is in view; each run is rendered on its own, marks clipped to it, so every flag's
  // runs still add up to exactly its span.
  var FOLD_LINES = DATA.foldLines || 6;
  function chromeRuns(text, a) {
    var spans = a.flags.filter(function (f) { return f.category === 'chrome' && flagVisible(f); }).map(function (f) { return [f.start, f.end]; }).sort(function (x, y) { return x[0] - y[0]; });
    var runs = [];
    spans.forEach(function (sp) {
      var last = runs[runs.length - 1];
      // Chrome lines separated only by line breaks and blanks belong to one run.
      if (last && /^\s*$/.test(text.slice(last[1], sp[0]))) last[1] = Math.max(last[1], sp[1]);
      else runs.push([sp[0], sp[1]]);
    });
    return runs.filter(function (r) { return (text.slice(r[0], r[1]).match(/\n/g) || []).length >= FOLD_LINES; });
  }
  function block(text, from, to, marks) {
    var local = [];
    marks.forEach(function (mk) {
      if (mk.end < from || mk.start > to || (mk.end === from && mk.start < from) || (mk.start === to && mk.end > to)) return;
      var c = {};
      for (var p in mk) c[p] = mk[p];
      c.start = Math.max(mk.start, from) - from;
      c.end = Math.min(mk.end, to) - from;
      if (mk.end > to) { delete c.suggestion; delete c.label; }
      local.push(c);
    });
    return H.renderMarkedText(text.slice(from, to), local);
  }
  function foldedText(text, a, marks) {
    var runs = chromeRuns(text, a);
    if (!runs.length) return H.renderMarkedText(text, marks);
    var out = [], at = 0;
    runs.forEach(function (r) {
      if (r[0] > at) out.push(block(text, at, r[0], marks));
      var lines = (text.slice(r[0], r[1]).match(/\n/g) || []).length + 1;
      out.push('<details class="fold"><summary>' + lines + ' lines of site chrome (struck through) — show</summary>' + block(text, r[0], r[1], marks) + '</details>');
      at = r[1];
    });
    if (at < text.length) out.push(block(text, at, text.length, marks));
    return out.join('');
  }

  // Paging keeps the index as it is; filters, search and sorting rebuild it.
  var indexList = null;
  function renderPage(keepIndex) {
    var list = keepIndex && indexList ? indexList : (indexList = renderIndex());
    var pages = Math.max(1, Math.ceil(list.length / PAGE));
    if (S.page >= pages) S.page = pages - 1;
    var shown = list.slice(S.page * PAGE, S.page * PAGE + PAGE);
    document.getElementById('cl-articles').innerHTML = shown.map(articleHtml).join('') || '<p class="help">No article matches the filters.</p>';
    document.querySelectorAll('.pager.articles .where').forEach(function (el) { el.textContent = 'articles ' + (list.length ? S.page * PAGE + 1 : 0) + '–' + Math.min(list.length, S.page * PAGE + PAGE) + ' of ' + list.length + ' (page ' + (S.page + 1) + ' of ' + pages + ')'; });
    document.querySelectorAll('#cl-index-body tr').forEach(function (tr) { tr.classList.toggle('cur', shown.indexOf(Number(tr.getAttribute('data-a'))) >= 0); });
    S.on = null;
  }

  function context(text, s, e) {
    var from = Math.max(0, s - 160), to = Math.min(text.length, e + 160);
    var nl = text.lastIndexOf('\n', s - 1);
    if (nl >= from) from = nl + 1;
    var nr = text.indexOf('\n', e);
    if (nr >= 0 && nr < to) to = nr;
    return { from: from, to: to };
  }

  function sideHtml(c, k, s) {
    var me = c[s], ai = byId[me.article], text = ai !== undefined ? TEXTS[R.articles[ai].id] : undefined;
    var key = 'y-' + k + '-' + s, cls = 'c-comparison ' + (c.type === 'contradiction' ? 's-error' : 's-info');
    var inner;
    if (text !== undefined) {
      var w = context(text, me.start, me.end);
      var cutBefore = w.from > 0 && text[w.from - 1] !== '\n', cutAfter = w.to < text.length && text[w.to] !== '\n';
      inner = (cutBefore ? '… ' : '') + H.renderMarkedText(text.slice(w.from, w.to), [{ key: key, start: me.start - w.from, end: me.end - w.from, cls: cls, title: c.message }]) + (cutAfter ? ' …' : '');
    } else {
      inner = H.renderMarkedText(me.text, [{ key: key, start: 0, end: me.text.length, cls: cls, title: c.message }]);
    }
    var name = ai !== undefined ? R.articles[ai].source : me.article;
    return '<div class="one" id="cmp-' + k + '-' + s + '"><div class="who">' + s.toUpperCase() + ' · ' + esc(name) + ' ' + at(me) + ' · <a class="open" href="#x-' + k + '-' + s + '">open in the article</a></div><div class="cl-text">' + inner + '</div></div>';
  }

  function renderComparisons() {
    var box = document.getElementById('cl-comparisons');
    if (!box) return;
    var order = { contradiction: 0, 'near-duplicate': 1, 'shared-claim': 2 };
    var list = [];
    R.comparisons.forEach(function (c, k) { if (sideVisible(c)) list.push(k); });
    list.sort(function (x, y) { return order[R.comparisons[x].type] - order[R.comparisons[y].type] || R.comparisons[y].similarity - R.comparisons[x].similarity || x - y; });
    var pages = Math.max(1, Math.ceil(list.length / CPAGE));
    if (S.cpage >= pages) S.cpage = pages - 1;
    box.innerHTML = list.slice(S.cpage * CPAGE, S.cpage * CPAGE + CPAGE).map(function (k) {
      var c = R.comparisons[k];
      return '<div class="cmp ' + c.type + '" id="cmp-' + k + '"><div class="head"><b>C' + (k + 1) + ' ' + esc(c.type) + (c.kind ? ' (' + esc(c.kind) + ')' : '') + '</b> · similarity ' + c.similarity.toFixed(2) + ' · ' + esc(c.message) + '</div><div class="pair">' +
        sideHtml(c, k, 'a') + '<a class="join" href="#cmp-' + k + '-b" title="the other side">⟷</a>' + sideHtml(c, k, 'b') + '</div></div>';
    }).join('') || '<p class="help">No comparison matches the filters.</p>';
    document.querySelectorAll('.pager.comparisons .where').forEach(function (el) { el.textContent = list.length + ' comparisons (page ' + (S.cpage + 1) + ' of ' + pages + ')'; });
  }

  function marksInPage() { return Array.prototype.slice.call(document.querySelectorAll('#cl-articles .side li[data-m]')); }

  function focusMark(key, scroll) {
    document.querySelectorAll('.on').forEach(function (el) { el.classList.remove('on'); el.classList.remove('edge'); });
    S.on = key;
    if (!key) return;
    var runs = document.querySelectorAll('#cl-articles [data-m~="' + key + '"]');
    // A short span gets a frame as well; on a long one (many lines) frames would only clutter.
    var framed = Array.prototype.reduce.call(runs, function (n, el) { return el.closest('.side') ? n : n + el.textContent.length; }, 0) <= 200 &&
      !Array.prototype.some.call(runs, function (el) { return !el.closest('.side') && el.textContent.indexOf('\n') >= 0; });
    runs.forEach(function (el) { el.classList.add('on'); if (framed) el.classList.add('edge'); var d = el.closest('details.fold'); if (d) d.open = true; });
    var item = document.getElementById('item-' + key);
    if (item) {
      item.classList.add('on');
      var list = item.parentNode;
      if (list.scrollHeight > list.clientHeight) list.scrollTop = item.offsetTop - list.clientHeight / 3;
    }
    var target = runs.length && !runs[0].classList.contains('caret') ? runs[0] : item;
    var first = Array.prototype.filter.call(runs, function (el) { return !el.closest('.side'); })[0] || target;
    if (scroll !== false && first) first.scrollIntoView({ block: 'center' });
  }

  function step(d) {
    var items = marksInPage();
    if (!items.length) return;
    var keys = items.map(function (li) { return li.getAttribute('data-m'); });
    var i = keys.indexOf(S.on);
    if (i < 0) {
      // Nothing selected yet: start in the article being read, not at the top of the page.
      var top = (document.querySelector('.toolbar') || { offsetHeight: 0 }).offsetHeight;
      var arts = document.querySelectorAll('#cl-articles article.art'), here = null;
      for (var n = 0; n < arts.length && !here; n++) if (arts[n].getBoundingClientRect().bottom > top + 40) here = arts[n];
      var first = here ? here.querySelector('.side li[data-m]') : null;
      i = first ? keys.indexOf(first.getAttribute('data-m')) : 0;
      if (d < 0 && i > 0) i--;
    } else i += d;
    if (i >= keys.length || i < 0) {
      // Past the last flag of the page: on to the next page (or back to the previous one).
      var pages = Math.ceil(listed().length / PAGE);
      if (S.page + d >= 0 && S.page + d < pages) { S.page += d; renderPage(true); items = marksInPage(); if (items.length) focusMark(items[d > 0 ? 0 : items.length - 1].getAttribute('data-m')); }
      return;
    }
    focusMark(keys[i]);
    history.replaceState(null, '', '#' + keys[i]);
  }

  // #f-i-j (a flag), #x-k-a (a comparison side in its article), #article-i, #cmp-k: show the page that holds it.
  function showArticle(i) {
    var list = listed(), pos = list.indexOf(i);
    if (pos < 0) { S.q = ''; S.verdicts = { pass: true, review: true, fail: true }; syncControls(); indexList = null; list = listed(); pos = list.indexOf(i); }
    var page = Math.floor(pos / PAGE);
    if (page !== S.page || !document.getElementById('article-' + i)) { S.page = page; renderPage(true); }
  }

  function route() {
    var h = decodeURIComponent(location.hash.slice(1)), m;
    if ((m = /^f-(\d+)-(\d+)$/.exec(h))) {
      var f = R.articles[+m[1]] && R.articles[+m[1]].flags[+m[2]];
      if (!f) return;
      if (!flagVisible(f)) { S.cats[f.category] = true; S.sevs[f.severity] = true; if (suppressed(f)) S.suppressed = true; syncControls(); renderPage(); }
      showArticle(+m[1]);
      focusMark(h);
    } else if ((m = /^x-(\d+)-([ab])$/.exec(h))) {
      var c = R.comparisons[+m[1]];
      if (!c) return;
      if (!sideVisible(c)) { S.types[c.type] = true; syncControls(); renderAll(); }
      var ai = byId[c[m[2]].article];
      if (ai === undefined) return;
      showArticle(ai);
      focusMark(h);
    } else if ((m = /^article-(\d+)$/.exec(h))) {
      showArticle(+m[1]);
      var el = document.getElementById(h);
      if (el) el.scrollIntoView({ block: 'start' });
    } else if ((m = /^cmp-(\d+)(-[ab])?$/.exec(h))) {
      var el2 = document.getElementById(h);
      if (el2) el2.scrollIntoView({ block: 'center' });
    }
  }

  function syncControls() {
    document.querySelectorAll('[data-filter]').forEach(function (el) {
      var kind = el.getAttribute('data-filter'), v = el.value;
      if (kind === 'cat') el.checked = S.cats[v] !== false;
      if (kind === 'sev') el.checked = !!S.sevs[v];
      if (kind === 'type') el.checked = !!S.types[v];
      if (kind === 'verdict') el.checked = !!S.verdicts[v];
      if (kind === 'suppressed') el.checked = S.suppressed;
    });
    var q = document.getElementById('cl-q');
    if (q) q.value = S.q;
  }

  function renderAll() { renderPage(); renderComparisons(); }

  document.addEventListener('change', function (e) {
    var el = e.target, kind = el.getAttribute && el.getAttribute('data-filter');
    if (!kind) { if (el.id === 'cl-sort') { S.sort = el.value; S.page = 0; renderPage(); } return; }
    if (kind === 'cat') S.cats[el.value] = el.checked;
    if (kind === 'sev') S.sevs[el.value] = el.checked;
    if (kind === 'type') S.types[el.value] = el.checked;
    if (kind === 'verdict') { S.verdicts[el.value] = el.checked; S.page = 0; }
    if (kind === 'suppressed') S.suppressed = el.checked;
    renderAll();
  });
  var qbox = document.getElementById('cl-q');
  if (qbox) qbox.addEventListener('input', function () { S.q = qbox.value; S.page = 0; renderPage(); });
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t.closest('a')) return;
    var pg = t.closest('[data-page]');
    if (pg) {
      var which = pg.getAttribute('data-page');
      if (pg.closest('.comparisons')) { S.cpage = Math.max(0, S.cpage + (which === 'next' ? 1 : -1)); renderComparisons(); return; }
      var pages = Math.ceil(listed().length / PAGE);
      S.page = Math.max(0, Math.min(pages - 1, S.page + (which === 'next' ? 1 : -1)));
      renderPage(true);
      document.getElementById('cl-articles').scrollIntoView({ block: 'start' });
      return;
    }
    var row = t.closest('#cl-index-body tr');
    if (row) { location.hash = 'article-' + row.getAttribute('data-a'); return; }
    var li = t.closest('.side li[data-m]');
    if (li) { focusMark(li.getAttribute('data-m')); history.replaceState(null, '', '#' + li.getAttribute('data-m')); return; }
    var run = t.closest('#cl-articles .hl[data-m]');
    if (run) {
      // The narrowest flag under the click, as painted.
      var keys = run.getAttribute('data-m').split(' ');
      var pick = keys[0];
      keys.forEach(function (k) { var item = document.getElementById('item-' + k); if (item && run.classList.contains(item.className.split(' ')[0])) pick = k; });
      focusMark(pick, false);
    }
  });
  document.addEventListener('keydown', function (e) {
    // Typing in the search box is typing; a ticked checkbox keeps the keys for navigation.
    if (e.target.closest && e.target.closest('input[type=search], input[type=text], select, textarea')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (k === 'j' || k === 'n') { step(1); e.preventDefault(); }
    else if (k === 'k' || k === 'p') { step(-1); e.preventDefault(); }
    else if (k === ']' || k === '[') { var pages = Math.ceil(listed().length / PAGE); var np = S.page + (k === ']' ? 1 : -1); if (np >= 0 && np < pages) { S.page = np; renderPage(true); document.getElementById('cl-articles').scrollIntoView({ block: 'start' }); } e.preventDefault(); }
    else if (k === 'Escape') focusMark(null);
    else if (k === '/') { if (qbox) { qbox.focus(); e.preventDefault(); } }
  });
  window.addEventListener('hashchange', route);
  // Print what is on screen, and every article of a small batch.
  window.addEventListener('beforeprint', function () { if (listed().length <= 100 && PAGE < listed().length) { PAGE = 100000; S.page = 0; renderPage(); } });
  // The side lists stick just below the toolbar, whatever height it wraps to.
  function fitToolbar() { var tb = document.querySelector('.toolbar'); if (tb) document.documentElement.style.setProperty('--tb', tb.offsetHeight + 'px'); }
  window.addEventListener('resize', fitToolbar);
  fitToolbar();
  syncControls();
  renderAll();
  if (location.hash) route();
  document.documentElement.setAttribute('data-ready', '1');
})();
`;
