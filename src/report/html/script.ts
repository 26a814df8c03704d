/**
 * The report's client script, inlined into the page. It reads the embedded JSON report, opens
 * the details of a claim (click, Enter or Space), and applies the verdict, severity and tag
 * filters. It never parses markup: details are cloned from the page, text is set as text.
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
  var current = -1;
  var trigger = null;

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

  function select(i, on) {
    marksOf(i).forEach(function (m) { m.classList.toggle('active', on); });
    var row = rowOf(i);
    if (row) row.classList.toggle('selected', on);
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
    if (options && options.scroll) {
      var head = headOf(i);
      if (head) {
        head.scrollIntoView({ block: 'center', behavior: 'auto' });
        head.classList.remove('flash');
        void head.offsetWidth;
        head.classList.add('flash');
      }
    }
    if (options && options.focus) panel.focus({ preventScroll: true });
  }

  function close() {
    if (current >= 0) select(current, false);
    current = -1;
    panelBody.replaceChildren();
    panelEmpty.hidden = false;
    panel.classList.remove('open');
    panel.removeAttribute('data-showing');
    if (trigger && document.contains(trigger)) trigger.focus();
    trigger = null;
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
    if (!(target instanceof Element) || !target.matches('.doc-text mark.claim.head')) return;
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      open(Number(target.getAttribute('data-r')), target, { focus: true });
    }
  });

  document.getElementById('panel-close').addEventListener('click', close);

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
      var on = !!verdicts[r.verdict] && !!severities[r.severity] &&
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
})();
`;
