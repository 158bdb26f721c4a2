// The live panel: newly indexed articles matching the current query and filters, from GET /api/v1/stream
// (server-sent events). EventSource resumes after a dropped connection with Last-Event-ID on its own; a refused
// connection (an error status) closes it for good, so the panel tries again itself after a pause.
import {append, clear, el, formatTime, hashLink} from './dom.js';
import {streamParams} from './api.js';
import {articleHash} from './search.js';

const MAX_ITEMS = 50;
const RETRY_AFTER_REFUSAL_MS = 15000;
const STATES = {off: 'متوقف', connecting: 'جارٍ الاتصال…', live: 'متصل', retrying: 'إعادة الاتصال…', down: 'غير متاح'};

export function createLivePanel() {
  const list = document.getElementById('live-list');
  const stateLabel = document.getElementById('live-state');
  const toggle = document.getElementById('live-toggle');

  let enabled = true;
  let params = null;
  let source = null;
  let retry = null;
  const seen = new Set();

  function setState(name) {
    stateLabel.dataset.state = name;
    stateLabel.textContent = STATES[name];
    toggle.textContent = enabled ? 'إيقاف' : 'تشغيل';
    toggle.setAttribute('aria-pressed', String(enabled));
  }

  function close() {
    clearTimeout(retry);
    retry = null;
    if (source) source.close();
    source = null;
  }

  function open() {
    close();
    if (!enabled || params === null) {
      setState('off');
      return;
    }
    const query = params.toString();
    source = new EventSource('/api/v1/stream' + (query ? '?' + query : ''));
    setState('connecting');
    const current = source;
    source.addEventListener('ready', () => setState('live'));
    source.addEventListener('open', () => setState('live'));
    source.addEventListener('article', (event) => {
      let hit;
      try {
        hit = JSON.parse(event.data);
      } catch {
        return;
      }
      prepend(hit);
    });
    source.addEventListener('error', () => {
      if (current !== source) return;
      if (current.readyState === EventSource.CLOSED) {
        setState('down');
        retry = setTimeout(open, RETRY_AFTER_REFUSAL_MS);
      } else {
        setState('retrying');
      }
    });
  }

  function prepend(hit) {
    if (!hit || typeof hit.id !== 'string' || seen.has(hit.id)) return;
    seen.add(hit.id);
    const empty = list.querySelector('.empty');
    if (empty) empty.remove();
    const item = el('li', {class: 'live-item fresh', 'data-id': hit.id},
      hashLink(articleHash(hit.id), hit.title || 'بلا عنوان', {class: 'live-title'}),
      el('span', {class: 'hit-meta'},
        hit.source ? el('span', {class: 'source'}, hit.source) : null,
        el('time', {datetime: hit.publishedAt || ''}, formatTime(hit.publishedAt || Date.now()))));
    list.prepend(item);
    setTimeout(() => item.classList.remove('fresh'), 4000);
    while (list.children.length > MAX_ITEMS) {
      seen.delete(list.lastElementChild.dataset.id);
      list.lastElementChild.remove();
    }
  }

  function showEmpty() {
    clear(list);
    seen.clear();
    append(list, el('li', {class: 'empty muted'}, 'بانتظار أخبار جديدة…'));
  }

  toggle.addEventListener('click', () => {
    enabled = !enabled;
    open();
  });

  return {
    /** Subscribes with the state's query and filters; the same ones keep the running subscription. */
    follow(state) {
      const next = streamParams(state);
      if (params !== null && next.toString() === params.toString() && (source || !enabled)) return;
      params = next;
      showEmpty();
      open();
    },
  };
}
