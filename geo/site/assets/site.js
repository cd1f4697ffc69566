// The static edition's page script: panels, controls and the embed snippet follow the map's view.
// Every text it writes goes through textContent or a textarea's value, never innerHTML.
(function () {
  'use strict';
  function rebase(box) {
    // Served over HTTP(S), the snippet points at this very copy of the site.
    if (!/^https?:$/.test(location.protocol)) { return null; }
    return new URL((box.getAttribute('data-rel') || '') + './', location.href).href;
  }
  function escapeHtml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  var code = document.getElementById('fi-embed-code');
  function fill(query, title) {
    if (!code) { return; }
    var base = code.getAttribute('data-base');
    var text = code.getAttribute('data-template') ? code.getAttribute('data-template')
      .split('__QUERY__').join(escapeHtml(query))
      .split('__TITLE__').join(escapeHtml((code.getAttribute('data-title') || '{title}').split('{title}').join(title)))
      : code.value;
    var real = rebase(code);
    if (real && base) { text = text.split(base.replace(/\/?$/, '/')).join(real.replace(/\/?$/, '/')); }
    code.value = text;
  }
  fill('', '');
  document.querySelectorAll('.fi-copy').forEach(function (b) {
    b.addEventListener('click', function () {
      var t = document.getElementById(b.getAttribute('data-for'));
      t.select();
      if (navigator.clipboard) { navigator.clipboard.writeText(t.value).catch(function () { document.execCommand('copy'); }); }
      else { document.execCommand('copy'); }
      b.textContent = b.getAttribute('data-done') || b.textContent;
    });
  });
  var filter = document.getElementById('fi-filter');
  if (filter) {
    // Fold case and accents, as the app's search does, and keep items holding every word.
    var fold = function (t) { return t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); };
    var items = Array.prototype.slice.call(document.querySelectorAll(filter.getAttribute('data-items')));
    var texts = items.map(function (el) { return fold(el.textContent); });
    var count = document.getElementById('fi-filter-count');
    filter.addEventListener('input', function () {
      var words = fold(filter.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (el, i) {
        var hit = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        el.hidden = !hit;
        shown += hit ? 1 : 0;
      });
      count.textContent = count.getAttribute('data-of').split('{shown}').join(shown).split('{total}').join(items.length);
    });
  }
  if (!window.fiSetView) { return; }
  document.body.classList.add('fi-map-page');
  var year = document.getElementById('fi-year');
  var yearOut = document.getElementById('fi-year-out');
  var persp = document.getElementById('fi-perspective');
  var open = document.getElementById('fi-open');
  // A panel holds placeholders for the events and excerpts it shares with other panels:
  // copy them in from the store the first time it opens, then number its sources.
  function fillPanel(panel) {
    if (panel.getAttribute('data-filled')) { return; }
    panel.querySelectorAll('.fi-clone').forEach(function (ph) {
      var copy = document.getElementById('store-' + ph.getAttribute('data-from')).firstElementChild.cloneNode(true);
      copy.removeAttribute('id');
      ph.parentNode.replaceChild(copy, ph);
    });
    var list = panel.querySelector('.fi-sources[data-ids]');
    var order = list ? list.getAttribute('data-ids').split(' ') : [];
    order.forEach(function (id) {
      list.appendChild(document.getElementById('store-source-' + id).firstElementChild.cloneNode(true));
    });
    panel.querySelectorAll('code[data-head]').forEach(function (code) {
      code.textContent = code.getAttribute('data-head') + order.map(function (id) {
        return document.getElementById('store-cite-' + id).textContent;
      }).join('; ');
    });
    panel.querySelectorAll('.fi-refs[data-src]').forEach(function (r) {
      r.textContent = '[' + r.getAttribute('data-src').split(' ').map(function (id) { return order.indexOf(id) + 1; }).join(', ') + ']';
    });
    panel.setAttribute('data-filled', '1');
  }
  function onView(v) {
    document.querySelectorAll('.fi-panel').forEach(function (p) {
      var id = p.getAttribute('data-island');
      p.hidden = v.island ? id !== v.island : !!id;
      if (!p.hidden && id) { fillPanel(p); }
    });
    document.querySelectorAll('.fi-pick').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-island') === v.island));
    });
    document.querySelectorAll('.fi-key').forEach(function (b) {
      b.setAttribute('aria-pressed', String(Number(b.getAttribute('data-year')) === v.year));
    });
    if (year) { year.value = v.year; yearOut.textContent = v.year; }
    if (persp) { persp.value = v.perspective; }
    if (open) { open.href = 'index.html#' + v.query; }
    // The links to the other languages keep the view.
    document.querySelectorAll('.fi-langs a').forEach(function (a) { a.hash = v.query; });
    fill(v.query, v.title);
  }
  document.addEventListener('fi:view', function (e) { onView(e.detail); });
  document.querySelectorAll('.fi-pick').forEach(function (b) {
    b.addEventListener('click', function () { window.fiSetView({island: b.getAttribute('data-island')}, true); });
  });
  document.querySelectorAll('.fi-key').forEach(function (b) {
    b.addEventListener('click', function () { window.fiSetView({year: Number(b.getAttribute('data-year'))}, false); });
  });
  if (year) {
    year.addEventListener('input', function () { yearOut.textContent = year.value; });
    year.addEventListener('change', function () { window.fiSetView({year: Number(year.value)}, false); });
  }
  if (persp) { persp.addEventListener('change', function () { window.fiSetView({perspective: persp.value}, false); }); }
  window.fiSetView({}, false);  // the map applied its view before this script ran: show it
})();
