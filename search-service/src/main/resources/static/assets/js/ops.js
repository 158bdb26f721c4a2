// The ops panel: GET /api/v1/ops/pipeline every few seconds. Stage boxes from ingest to Elasticsearch, red when a
// stage lags, errs or produces new dead letters; rate and freshness charts from the samples this page has kept;
// feed health when the summary carries it.
import {append, clear, el, externalLink, formatDate, formatDecimal, formatNumber, formatTime} from './dom.js';
import {api} from './api.js';
import {drawLineChart} from './chart.js';

const POLL_MS = 5000;
/** 15 minutes of samples. */
const MAX_SAMPLES = 180;
/** Older unprocessed records than this make a stage red even below the server's record threshold. */
const LAG_SECONDS_ALERT = 60;
const STAGE_NAMES = {ingest: 'الاستقبال', enrichment: 'الإثراء اللغوي', indexing: 'الفهرسة'};
const STAGE_CLASSES = ['s1', 's2', 's3', 's4'];
const LEVEL_NAMES = {ok: 'سليم', warn: 'تنبيه', alert: 'خلل'};

/** The server's problem text, in Arabic where it is one the page knows. */
function problemText(problem) {
  if (!problem) return null;
  const lagging = /^lagging by (\d+) records$/.exec(problem);
  if (lagging) return 'متأخرة بمقدار ' + formatNumber(Number(lagging[1])) + ' سجل';
  if (problem.startsWith('cannot read Kafka')) return 'تعذّرت قراءة Kafka: ' + problem.slice('cannot read Kafka'.length).replace(/^:\s*/, '');
  return problem;
}

export function createOpsPanel() {
  const stages = document.getElementById('stages');
  const overall = document.getElementById('ops-overall');
  const sampled = document.getElementById('ops-sampled');
  const error = document.getElementById('ops-error');
  const rates = document.getElementById('chart-rates');
  const freshness = document.getElementById('chart-freshness');
  const deadLetters = document.getElementById('dead-letters');
  const feeds = document.getElementById('feeds');

  const samples = [];
  /** Dead letters per topic at the first sample: a count above it is new since the page opened. */
  const firstDeadLetters = new Map();
  let timer = null;
  let visible = false;

  async function poll() {
    clearTimeout(timer);
    try {
      const summary = await api.pipeline();
      error.hidden = true;
      record(summary);
      if (visible) render(summary);
    } catch (failure) {
      error.hidden = false;
      error.textContent = failure.status === 401 || failure.status === 403
        ? 'لوحة التشغيل تحتاج إلى صلاحية (مفتاح API).'
        : 'تعذّر قراءة حالة خط المعالجة: ' + failure.message;
      overall.textContent = 'غير متاح';
      overall.dataset.level = 'alert';
    }
    timer = setTimeout(poll, POLL_MS);
  }

  function record(summary) {
    const t = Date.parse(summary.sampledAt) || Date.now();
    if (samples.length > 0 && samples[samples.length - 1].t === t) return;
    for (const [topic, count] of Object.entries(summary.deadLetters || {})) {
      if (!firstDeadLetters.has(topic)) firstDeadLetters.set(topic, count);
    }
    samples.push({
      t,
      rates: Object.fromEntries((summary.stages || []).map((s) => [s.name, (s.perSecond || {})['1m'] ?? null])),
      freshness: summary.freshness && summary.freshness.count > 0 ? summary.freshness : null,
    });
    if (samples.length > MAX_SAMPLES) samples.shift();
  }

  function newDeadLetters(topic, count) {
    return count - (firstDeadLetters.get(topic) ?? count);
  }

  function render(summary) {
    overall.textContent = summary.status === 'ok' ? 'يعمل بسلام' : 'متعثر';
    overall.dataset.level = summary.status === 'ok' ? 'ok' : 'alert';
    sampled.textContent = 'آخر قراءة: ' + formatTime(summary.sampledAt);
    clear(stages);
    const dead = summary.deadLetters || {};
    (summary.stages || []).forEach((stage, index) => {
      append(stages, stageBox(stage, STAGE_CLASSES[index] || '', deadLettersOf(stage, dead)));
    });
    append(stages, clusterBox(summary.elasticsearch || {}));
    renderCharts(summary);
    renderDeadLetters(dead);
    renderFeeds(summary.feeds);
  }

  /** A stage's dead-letter topic is the topic it consumes plus ".dlq"; the ingest stage consumes nothing. */
  function deadLettersOf(stage, dead) {
    const topic = stage.group ? stage.topic + '.dlq' : null;
    return topic && topic in dead ? {topic, count: dead[topic], fresh: newDeadLetters(topic, dead[topic])} : null;
  }

  function stageBox(stage, className, dead) {
    const lagging = !stage.healthy || stage.lagSeconds > LAG_SECONDS_ALERT;
    const level = lagging || (dead && dead.fresh > 0) ? 'alert' : dead && dead.count > 0 ? 'warn' : 'ok';
    const rate = stage.perSecond || {};
    const facts = [
      ['السجلات', formatNumber(stage.records)],
      ['المعدل (سجل/ث)', ['1m', '5m', '15m'].map((w) => formatDecimal(rate[w])).join(' · ')],
    ];
    if (stage.group) {
      facts.push(['التأخر', formatNumber(stage.lagRecords) + ' سجل، ' + formatDecimal(stage.lagSeconds) + ' ث']);
    }
    if (dead) {
      facts.push(['مرفوضة', formatNumber(dead.count) + (dead.fresh > 0 ? ' (+' + formatNumber(dead.fresh) + ' جديدة)' : '')]);
    }
    return box(STAGE_NAMES[stage.name] || stage.name, stage.name, level, facts,
      problemText(stage.problem) || (stage.lagSeconds > LAG_SECONDS_ALERT ? 'أقدم سجل ينتظر منذ أكثر من دقيقة' : null),
      stage.group ? stage.topic + ' ← ' + stage.group : stage.topic, className);
  }

  function clusterBox(cluster) {
    const level = cluster.problem || cluster.status === 'red' || cluster.status === 'unreachable' ? 'alert'
      : cluster.status === 'yellow' ? 'warn' : 'ok';
    return box('Elasticsearch', 'elasticsearch', level,
      [['الحالة', cluster.status || '—'], ['المستندات', formatNumber(cluster.documents)]],
      cluster.problem || null, 'alias articles', 's4');
  }

  function box(title, name, level, facts, problem, detail, className) {
    return el('li', {class: 'stage ' + className, 'data-stage': name, 'data-level': level},
      el('div', {class: 'stage-head'}, el('h3', {}, title),
        el('span', {class: 'badge', 'data-level': level}, LEVEL_NAMES[level])),
      el('dl', {}, facts.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
      problem ? el('p', {class: 'stage-problem', dir: 'auto'}, problem) : null,
      el('p', {class: 'stage-detail', dir: 'ltr'}, detail));
  }

  function renderCharts(summary) {
    const names = (summary.stages || []).map((s) => s.name);
    drawLineChart(rates, names.map((name, index) => ({
      name: STAGE_NAMES[name] || name,
      className: STAGE_CLASSES[index] || '',
      points: samples.map((s) => ({t: s.t, v: s.rates[name] ?? null})),
    })), {unit: '/ث'});
    drawLineChart(freshness, [['p50', 's1'], ['p95', 's2'], ['p99', 's3']].map(([q, className]) => ({
      name: q,
      className,
      points: samples.map((s) => ({t: s.t, v: s.freshness ? s.freshness[q] : null})),
    })), {unit: 'ث'});
  }

  function renderDeadLetters(dead) {
    clear(deadLetters);
    const rows = Object.entries(dead).map(([topic, count]) => {
      const fresh = newDeadLetters(topic, count);
      return el('tr', {'data-level': fresh > 0 ? 'alert' : count > 0 ? 'warn' : 'ok'},
        el('td', {dir: 'ltr'}, topic), el('td', {}, formatNumber(count)), el('td', {}, formatNumber(fresh)));
    });
    append(deadLetters, el('h2', {}, 'الرسائل المرفوضة (قوائم الرسائل الميتة)'),
      el('table', {class: 'ops-table'},
        el('thead', {}, el('tr', {}, el('th', {}, 'الموضوع'), el('th', {}, 'الإجمالي'), el('th', {}, 'منذ فتح الصفحة'))),
        el('tbody', {}, rows)));
  }

  function renderFeeds(list) {
    if (!Array.isArray(list)) {
      feeds.hidden = true;
      return;
    }
    feeds.hidden = false;
    clear(feeds);
    const rows = list.map((feed) => {
      const lastSuccess = feed.lastSuccess ?? feed.lastSuccessAt;
      const lastError = typeof feed.lastError === 'string' ? feed.lastError
        : feed.lastError && typeof feed.lastError === 'object' ? String(feed.lastError.message || feed.lastError.error || '')
          : '';
      const level = lastError ? 'alert' : feed.silentSince ? 'warn' : 'ok';
      return el('tr', {'data-level': level},
        el('td', {}, feed.source || '—'),
        el('td', {dir: 'ltr'}, externalLink(feed.url, String(feed.url || '—'))),
        el('td', {}, lastSuccess ? formatDate(lastSuccess) : '—'),
        el('td', {dir: 'auto'}, lastError || '—'),
        el('td', {}, formatDecimal(feed.articlesPerDay)),
        el('td', {}, feed.silentSince ? formatDate(feed.silentSince) : '—'));
    });
    append(feeds, el('h2', {}, 'صحة الخلاصات'),
      list.length === 0 ? el('p', {class: 'muted'}, 'لا خلاصات مشترك فيها.')
        : el('table', {class: 'ops-table'},
          el('thead', {}, el('tr', {}, ['المصدر', 'الرابط', 'آخر نجاح', 'آخر خطأ', 'مقالات/يوم', 'صامتة منذ']
            .map((h) => el('th', {}, h)))),
          el('tbody', {}, rows)));
  }

  poll();
  return {
    show() {
      visible = true;
      poll();
    },
    hide() {
      visible = false;
    },
  };
}
