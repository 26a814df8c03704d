/**
 * The report's client script, inlined into the page. It reads the embedded JSON report, opens
 * the details of a claim (click, Enter or Space, a #rule-<id> link, or stepping through the
 * findings with j/k and the panel's buttons), marks the number that claim states, keeps the
 * address bar on the open finding, and applies the verdict, severity and tag filters. It never
 * parses markup: details are cloned from the page, text is set as text.
 */
export const SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('tally-data').textContent);
  var results = data.results;
  var panel = document.getElementById('panel');
  var panelBody = document.getElementById('panel-body');
  var panelEmpty = document.getElementById('panel-empty');
  var shown = document.getElementById('shown');
  var prevButton = document.getElementById('finding-prev');
  var nextButton = document.getElementById('finding-next');
  var position = document.getElementById('finding-position');
  var narrow = window.matchMedia('(max-width: 760px)');
  var current = -1;
  var trigger = null;

  // The findings in the order the list at the top gives them: what j/k and the buttons step through.
  var findings = Array.prototype.map.call(document.querySelectorAll('#findings a[data-finding]'), function (a) {
    return Number(a.getAttribute('data-finding'));
  });

  var fragments = {};
  Array.prototype.forEach.call(document.querySelectorAll('.doc-text mark.claim[data-r]'), function (mark) {
    var i = mark.getAttribute('data-r');
    (fragments[i] = fragments[i] || []).push(mark);
  });
  function marksOf(i) { return fragments[String(i)] || []; }
  function headOf(i) {
    var list = marksOf(i);
    for (var k = 0; k < list.length; k++) if (list[k].classList.contains('head')) return list[k];
    return null;
  }
  function rowOf(i) { return document.getElementById('result-' + i); }
  function anchorOf(i) { var row = rowOf(i); return row ? row.getAttribute('data-anchor') : null; }

  function select(i, on) {
    marksOf(i).forEach(function (m) { m.classList.toggle('active', on); });
    Array.prototype.forEach.call(document.querySelectorAll('.doc-text .stated[data-stated~="' + i + '"]'), function (n) {
      n.classList.toggle('current', on);
    });
    var row = rowOf(i);
    if (row) row.classList.toggle('selected', on);
  }

  /** The address bar names the open finding, so it can be copied as a link; closing clears it. */
  function showInAddress(i) {
    var anchor = i >= 0 ? anchorOf(i) : null;
    try {
      history.replaceState(null, '', anchor ? '#' + anchor : location.pathname + location.search);
    } catch (e) { /* some file:// contexts refuse: the page works the same */ }
  }

  function visibleFindings() {
    return findings.filter(function (i) { var row = rowOf(i); return !row || !row.classList.contains('filtered-out'); });
  }

  function updateSteps() {
    var list = visibleFindings();
    var at = list.indexOf(current);
    prevButton.disabled = list.length === 0 || at === 0;
    nextButton.disabled = list.length === 0 || at === list.length - 1;
    position.textContent = list.length === 0 ? 'No findings'
      : at >= 0 ? 'Finding ' + (at + 1) + ' of ' + list.length
      : list.length + ' finding' + (list.length === 1 ? '' : 's');
  }

  function step(delta) {
    var list = visibleFindings();
    if (list.length === 0) return;
    var at = list.indexOf(current);
    var next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : at + delta;
    if (next < 0 || next >= list.length) return;
    open(list[next], null, { scroll: true });
  }

  function open(i, from, options) {
    var source = document.getElementById('detail-' + i);
    if (!source) return;
    if (current >= 0) select(current, false);
    current = i;
    trigger = from || null;
    var copy = source.cloneNode(true);
    copy.removeAttribute('id');
    panelBody.replaceChildren(copy);
    panelEmpty.hidden = true;
    panel.classList.add('open');
    panel.setAttribute('data-showing', String(i));
    select(i, true);
    showInAddress(i);
    updateSteps();
    // On a phone the details sheet covers the lower screen: the claim always moves above it.
    if ((options && options.scroll) || narrow.matches) {
      var head = headOf(i);
      // A result without a mark is shown by its row, unless that row is what was just clicked.
      var target = head || (from ? null : rowOf(i));
      if (target) target.scrollIntoView({ block: narrow.matches ? 'start' : 'center', behavior: 'auto' });
      if (head) {
        head.classList.remove('flash');
        void head.offsetWidth;
        head.classList.add('flash');
      }
    }
    if (options && options.focus) panel.focus({ preventScroll: true });
  }

  /** A #rule-<id> fragment, when the page opens with one or a link changes it, opens that result. */
  function openFromAddress() {
    var name;
    try { name = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (name.indexOf('rule-') !== 0) return;
    var rows = document.querySelectorAll('.result[data-anchor]');
    for (var k = 0; k < rows.length; k++) {
      if (rows[k].getAttribute('data-anchor') === name) {
        var i = Number(rows[k].getAttribute('data-r'));
        if (i !== current) open(i, null, { scroll: true });
        return;
      }
    }
  }

  function close() {
    if (current >= 0) select(current, false);
    current = -1;
    panelBody.replaceChildren();
    panelEmpty.hidden = false;
    panel.classList.remove('open');
    panel.removeAttribute('data-showing');
    showInAddress(-1);
    updateSteps();
    if (trigger && document.contains(trigger)) trigger.focus();
    trigger = null;
  }

  /** Keys typed into a text field are text, not commands. */
  function typing(target) {
    return target instanceof Element &&
      (target.matches('textarea, select, [contenteditable], [contenteditable] *') ||
        (target.matches('input') && !target.matches('[type="checkbox"], [type="radio"], [type="button"], [type="reset"], [type="submit"]')));
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var opener = target.closest('[data-open]');
    if (opener) {
      var fromList = !!opener.closest('.result-list');
      open(Number(opener.getAttribute('data-open')), opener, { scroll: true, focus: !fromList });
      return;
    }
    var mark = target.closest('.doc-text mark.claim[data-r]:not(.off)');
    if (mark) open(Number(mark.getAttribute('data-r')), headOf(mark.getAttribute('data-r')) || mark, {});
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key === 'Escape' && current >= 0) {
      close();
      return;
    }
    if ((event.key === 'j' || event.key === 'k') && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(target)) {
      event.preventDefault();
      step(event.key === 'j' ? 1 : -1);
      return;
    }
    if (!(target instanceof Element) || !target.matches('.doc-text mark.claim.head')) return;
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      open(Number(target.getAttribute('data-r')), target, { focus: true });
    }
  });

  document.getElementById('panel-close').addEventListener('click', close);
  prevButton.addEventListener('click', function () { step(-1); });
  nextButton.addEventListener('click', function () { step(1); });
  window.addEventListener('hashchange', openFromAddress);

  function checkedValues(name) {
    var set = {};
    Array.prototype.forEach.call(document.querySelectorAll('input[name="' + name + '"]'), function (box) {
      if (box.checked) set[box.value] = true;
    });
    return set;
  }

  function applyFilters() {
    var verdicts = checkedValues('verdict');
    var severities = checkedValues('severity');
    var tags = [];
    Array.prototype.forEach.call(document.querySelectorAll('button.tag[aria-pressed="true"]'), function (b) {
      tags.push(b.getAttribute('data-tag'));
    });
    var visible = 0;
    results.forEach(function (r, i) {
      var on = !!verdicts[r.verdict] && !!severities[r.level] &&
        (tags.length === 0 || tags.some(function (t) { return r.tags.indexOf(t) >= 0; }));
      if (on) visible++;
      marksOf(i).forEach(function (m) {
        m.classList.toggle('off', !on);
        if (m.classList.contains('head')) {
          m.setAttribute('tabindex', on ? '0' : '-1');
          if (on) {
            m.setAttribute('role', 'button');
            m.setAttribute('aria-label', m.getAttribute('data-label'));
          } else {
            m.removeAttribute('role');
            m.removeAttribute('aria-label');
          }
        }
      });
      var row = rowOf(i);
      if (row) row.classList.toggle('filtered-out', !on);
      if (!on && i === current) close();
    });
    shown.textContent = 'Showing ' + visible + ' of ' + results.length + ' result' + (results.length === 1 ? '' : 's');
    updateSteps();
  }

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && (target.name === 'verdict' || target.name === 'severity')) applyFilters();
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.tag'), function (b) {
    b.addEventListener('click', function () {
      b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
      applyFilters();
    });
  });
  document.getElementById('reset').addEventListener('click', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.controls input[type="checkbox"]'), function (box) { box.checked = true; });
    Array.prototype.forEach.call(document.querySelectorAll('button.tag'), function (b) { b.setAttribute('aria-pressed', 'false'); });
    applyFilters();
  });
  applyFilters();
  openFromAddress();
})();
`;
