// reportx review page: the metrics table (built from the highlights in the text) and the detail panel.
// The page is offline by design: no requests, and report text only ever goes through textContent.
(function () {
  'use strict';
  var PAGE = 200;
  var FIELDS = [
    ['value', 'value'], ['unit', 'unit'], ['kind', 'kind'], ['qualifier', 'approx'], ['change', 'delta'],
    ['subject', 'subject'], ['indicator', 'indicator'], ['year', 'year'], ['section', 'section'],
    ['text', 'text'], ['span', 'span'], ['table', 'table'], ['sentence', 'sentence']
  ];

  var marks = Array.prototype.slice.call(document.querySelectorAll('mark.m[data-i]'));
  var detail = document.getElementById('detail');
  var detailTitle = document.getElementById('detail-title');
  var detailFields = document.getElementById('detail-fields');
  var active = null;

  function reportOf(mark) {
    var article = mark.closest('article.report');
    return article ? { id: article.id, title: article.getAttribute('data-title') || article.id } : { id: '', title: '' };
  }

  function show(mark) {
    if (active) { active.classList.remove('active'); }
    active = mark;
    mark.classList.add('active');
    var d = mark.dataset;
    var report = reportOf(mark);
    detailTitle.textContent = (d.approx ? d.approx + ' ' : '') + d.value + ' ' + (d.unit || '');
    while (detailFields.firstChild) { detailFields.removeChild(detailFields.firstChild); }
    FIELDS.forEach(function (f) {
      var v = d[f[1]];
      if (v === undefined || v === '') { return; }
      var dt = document.createElement('dt');
      dt.textContent = f[0];
      var dd = document.createElement('dd');
      dd.textContent = v;
      dd.setAttribute('data-field', f[1]);
      detailFields.appendChild(dt);
      detailFields.appendChild(dd);
    });
    var dt = document.createElement('dt');
    dt.textContent = 'report';
    var dd = document.createElement('dd');
    dd.textContent = report.title;
    dd.setAttribute('data-field', 'report');
    detailFields.appendChild(dt);
    detailFields.appendChild(dd);
    detail.hidden = false;
  }

  document.addEventListener('click', function (e) {
    var mark = e.target.closest ? e.target.closest('mark.m[data-i]') : null;
    if (mark) { show(mark); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { detail.hidden = true; }
    else if (e.key === 'Enter' && e.target.matches && e.target.matches('mark.m[data-i]')) { show(e.target); }
  });
  document.getElementById('detail-close').addEventListener('click', function () { detail.hidden = true; });

  // The table: one row object per highlight, filtered and sorted in memory, rendered a page at a time so that
  // thousands of metrics stay responsive.
  var rows = marks.map(function (m) {
    var d = m.dataset;
    return {
      mark: m, i: Number(d.i), value: Number(d.value), valueText: d.value, unit: d.unit || '', kind: d.kind || '',
      approx: d.approx || '', subject: d.subject || '', indicator: d.indicator || '', year: d.year || '',
      section: d.section || '', sentence: d.sentence || '', report: reportOf(m).title
    };
  });
  var byIndicator = document.getElementById('filter-indicator');
  var byKind = document.getElementById('filter-kind');
  var byYear = document.getElementById('filter-year');
  var byText = document.getElementById('filter-text');
  var tbody = document.querySelector('#metric-table tbody');
  var count = document.getElementById('metric-count');
  var pageInfo = document.getElementById('page-info');
  var sort = 0;
  var page = 0;
  var shown = rows;

  function fill(select, key) {
    var seen = {};
    rows.forEach(function (r) { if (r[key] !== '') { seen[r[key]] = true; } });
    Object.keys(seen).sort().forEach(function (v) {
      var o = document.createElement('option');
      o.value = v;
      o.textContent = v;
      select.appendChild(o);
    });
  }
  fill(byIndicator, 'indicator');
  fill(byKind, 'kind');
  fill(byYear, 'year');

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    tr.appendChild(td);
  }

  function render() {
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages - 1);
    shown.slice(page * PAGE, (page + 1) * PAGE).forEach(function (r) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-i', String(r.i));
      cell(tr, String(r.i + 1), 'n');
      cell(tr, r.valueText, 'value');
      cell(tr, r.unit);
      cell(tr, r.kind);
      cell(tr, r.approx);
      cell(tr, r.subject);
      cell(tr, r.indicator);
      cell(tr, r.year);
      cell(tr, r.section);
      cell(tr, r.report);
      tr.title = r.sentence;
      tr.addEventListener('click', function () {
        r.mark.scrollIntoView({ block: 'center' });
        show(r.mark);
      });
      tbody.appendChild(tr);
    });
    count.textContent = shown.length + ' of ' + rows.length + ' metrics';
    pageInfo.textContent = 'page ' + (page + 1) + ' of ' + pages;
  }

  function apply() {
    var indicator = byIndicator.value, kind = byKind.value, year = byYear.value, text = byText.value.trim();
    shown = rows.filter(function (r) {
      return (!indicator || r.indicator === indicator) && (!kind || r.kind === kind) && (!year || r.year === year)
        && (!text || r.subject.indexOf(text) >= 0 || r.unit.indexOf(text) >= 0 || r.sentence.indexOf(text) >= 0);
    });
    if (sort !== 0) {
      shown.sort(function (a, b) { return sort * (a.value - b.value) || a.i - b.i; });
    }
    page = 0;
    render();
  }

  [byIndicator, byKind, byYear].forEach(function (s) { s.addEventListener('change', apply); });
  byText.addEventListener('input', apply);
  document.getElementById('metric-filters').addEventListener('submit', function (e) { e.preventDefault(); });
  document.getElementById('sort-value').addEventListener('click', function () {
    sort = sort === 1 ? -1 : 1;
    this.textContent = sort === 1 ? 'value \u2191' : 'value \u2193';
    apply();
  });
  document.getElementById('page-prev').addEventListener('click', function () { if (page > 0) { page--; render(); } });
  document.getElementById('page-next').addEventListener('click', function () { page++; render(); });
  apply();
  document.documentElement.setAttribute('data-ready', 'true');
}());
