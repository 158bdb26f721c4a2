// The search view: query box with entity autocomplete, active filter chips, results with highlights, facets,
// "more from this story" and paging by cursor.
import {
  append, clear, el, entityName, entityTypeName, externalLink, formatDate, formatDay, formatNumber, hashLink,
  highlighted, languageName,
} from './dom.js';
import {api, isBlank} from './api.js';

const FILTER_NAMES = {entity: 'كيان', person: 'شخص', place: 'مكان', org: 'منظمة', source: 'المصدر', lang: 'اللغة'};
const ENTITY_FACETS = [['persons', 'الأشخاص'], ['places', 'الأماكن'], ['organizations', 'المنظمات']];
const MAX_DAYS = 14;

/** Display names of filter values seen in facets, chips and suggestions, so that chips read as names, not ids. */
const labels = new Map();

function rememberLabel(param, value, label) {
  if (label) labels.set(param + '\u0000' + value, label);
}

function labelOf(filter) {
  if (filter.param === 'lang') return languageName(filter.value);
  return labels.get(filter.param + '\u0000' + filter.value) || filter.value;
}

export function articleHash(id) {
  return '/article/' + encodeURIComponent(id);
}

/** An entity chip: a button that filters the search by that entity. */
export function entityChip(entity, onSelect) {
  rememberLabel('entity', entity.id, entityName(entity));
  const chip = el('button', {
    type: 'button',
    class: 'chip chip-' + String(entity.type || '').toLowerCase(),
    title: entityTypeName(entity.type) + (entity.nameEn ? ' — ' + entity.nameEn : ''),
    'data-entity': entity.id,
  }, entityName(entity));
  chip.addEventListener('click', () => onSelect({param: 'entity', value: entity.id}));
  return chip;
}

/**
 * @param navigate called with a new search state; it goes into the address bar, whose change calls show()
 */
export function createSearchView({navigate}) {
  const form = document.getElementById('search-form');
  const input = document.getElementById('q');
  const sort = document.getElementById('sort');
  const from = document.getElementById('from');
  const to = document.getElementById('to');
  const chips = document.getElementById('active-filters');
  const facets = document.getElementById('facets');
  const status = document.getElementById('status');
  const results = document.getElementById('results');
  const more = document.getElementById('more-results');

  let state = null;
  let cursor = null;
  let inFlight = null;

  const withFilter = (filter) => {
    const next = structuredClone(state);
    if (!next.filters.some((f) => f.param === filter.param && f.value === filter.value)) next.filters.push(filter);
    return next;
  };
  const addFilter = (filter) => navigate(withFilter(filter));
  const removeFilter = (filter) => {
    const next = structuredClone(state);
    next.filters = next.filters.filter((f) => !(f.param === filter.param && f.value === filter.value));
    navigate(next);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    suggestions.close();
    navigate({...structuredClone(state), q: input.value, sort: sort.value, from: from.value, to: to.value});
  });
  sort.addEventListener('change', () => form.requestSubmit());

  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await api.search(state, cursor);
      append(results, page.hits.map((hit) => renderHit(hit, addFilter)));
      cursor = page.cursor || null;
      more.hidden = !cursor;
    } catch (error) {
      showError(error);
    } finally {
      more.disabled = false;
    }
  });

  const suggestions = createSuggestions(input, (entity, token) => {
    rememberLabel('entity', entity.id, entityName(entity));
    const next = withFilter({param: 'entity', value: entity.id});
    // The typed start of the name is replaced by the entity filter: as a word it would have to match on its own.
    next.q = removeToken(input.value, token);
    next.sort = sort.value;
    next.from = from.value;
    next.to = to.value;
    navigate(next);
  });

  function showError(error) {
    status.textContent = 'تعذّر البحث: ' + error.message;
    status.classList.add('error');
  }

  async function show(nextState) {
    state = nextState;
    input.value = state.q;
    sort.value = state.sort;
    from.value = state.from;
    to.value = state.to;
    renderChips();
    if (inFlight) inFlight.abort();
    inFlight = new AbortController();
    status.classList.remove('error');
    status.textContent = 'جارٍ البحث…';
    more.hidden = true;
    let page;
    try {
      page = await api.search(state, null, inFlight.signal);
    } catch (error) {
      if (error.name === 'AbortError') return;
      clear(results);
      clear(facets);
      showError(error);
      return;
    }
    cursor = page.cursor || null;
    status.textContent = isBlank(state)
      ? 'أحدث الأخبار'
      : formatNumber(page.total) + ' ' + (page.total === 1 ? 'نتيجة' : 'نتائج');
    clear(results);
    if (page.hits.length === 0) {
      append(results, el('li', {class: 'empty'}, 'لا نتائج. جرّب كلمات أقل أو أزل بعض المرشحات.'));
    }
    append(results, page.hits.map((hit) => renderHit(hit, addFilter)));
    more.hidden = !cursor;
    renderFacets(page.facets);
  }

  function renderChips() {
    clear(chips);
    const items = state.filters.map((filter) => filterChip(
      (FILTER_NAMES[filter.param] || filter.param) + ': ' + labelOf(filter), () => removeFilter(filter),
      {'data-param': filter.param, 'data-value': filter.value}));
    if (state.from) {
      items.push(filterChip('من: ' + formatDay(state.from), () => navigate({...structuredClone(state), from: ''}),
        {'data-param': 'from'}));
    }
    if (state.to) {
      items.push(filterChip('إلى: ' + formatDay(state.to), () => navigate({...structuredClone(state), to: ''}),
        {'data-param': 'to'}));
    }
    if (items.length > 0) {
      const reset = el('button', {type: 'button', class: 'link-button'}, 'إزالة كل المرشحات');
      reset.addEventListener('click', () => navigate({...structuredClone(state), filters: [], from: '', to: ''}));
      append(chips, el('span', {class: 'muted'}, 'المرشحات:'), items, reset);
    }
  }

  function renderFacets(data) {
    clear(facets);
    if (!data) return;
    const selected = (param, value) => state.filters.some((f) => f.param === param && f.value === value);
    const toggle = (filter) => (selected(filter.param, filter.value) ? removeFilter(filter) : addFilter(filter));
    for (const [key, title] of ENTITY_FACETS) {
      const buckets = data[key] || [];
      buckets.forEach((b) => rememberLabel('entity', b.id, entityName(b)));
      append(facets, facetSection(title, key, buckets.map((b) => ({
        label: entityName(b), count: b.articles, selected: selected('entity', b.id),
        filter: {param: 'entity', value: b.id}, title: b.nameEn || '',
      })), toggle));
    }
    append(facets, facetSection('المصادر', 'sources', (data.sources || []).map((b) => ({
      label: b.value, count: b.articles, selected: selected('source', b.value), filter: {param: 'source', value: b.value},
    })), toggle));
    append(facets, facetSection('اللغة', 'languages', (data.languages || []).map((b) => ({
      label: languageName(b.value), count: b.articles, selected: selected('lang', b.value),
      filter: {param: 'lang', value: b.value},
    })), toggle));
    const days = [...(data.days || [])].filter((b) => b.articles > 0)
      .sort((a, b) => b.value.localeCompare(a.value)).slice(0, MAX_DAYS);
    append(facets, facetSection('الأيام', 'days', days.map((b) => ({
      label: formatDay(b.value), count: b.articles, selected: state.from === b.value && state.to === b.value,
      day: b.value,
    })), (item) => {
      const on = state.from === item.day && state.to === item.day;
      navigate({...structuredClone(state), from: on ? '' : item.day, to: on ? '' : item.day});
    }));
  }

  return {show};
}

function filterChip(text, onRemove, attributes) {
  const remove = el('button', {type: 'button', class: 'chip-remove', 'aria-label': 'إزالة ' + text}, '×');
  remove.addEventListener('click', onRemove);
  return el('span', {class: 'filter-chip', ...attributes}, el('span', {}, text), remove);
}

function facetSection(title, key, items, onPick) {
  if (items.length === 0) return null;
  const list = el('ul', {class: 'facet-values'});
  for (const item of items) {
    const button = el('button', {
      type: 'button', class: 'facet-value', 'aria-pressed': item.selected ? 'true' : 'false', title: item.title || null,
    }, el('span', {class: 'facet-label'}, item.label), el('span', {class: 'count'}, formatNumber(item.count)));
    button.addEventListener('click', () => onPick(item.filter || item));
    append(list, el('li', {}, button));
  }
  return el('section', {class: 'facet', 'data-facet': key}, el('h3', {}, title), list);
}

/** One result: highlighted title and snippets, source, date, entity chips, the story's other articles. */
export function renderHit(hit, onFilter) {
  const titleNodes = highlighted(hit.titleHighlighted || '');
  const title = el('h3', {class: 'hit-title'}, append(hashLink(articleHash(hit.id), '', {class: 'hit-link'}),
    titleNodes.length > 0 ? titleNodes : [hit.title || 'بلا عنوان']));
  const meta = el('div', {class: 'hit-meta'},
    hit.source ? el('span', {class: 'source'}, hit.source) : null,
    hit.publishedAt ? el('time', {datetime: hit.publishedAt}, formatDate(hit.publishedAt)) : null,
    hit.language ? el('span', {class: 'lang'}, languageName(hit.language)) : null);
  const snippets = (hit.snippets && hit.snippets.length ? hit.snippets : [hit.snippet]).filter(Boolean)
    .map((snippet) => append(el('p', {class: 'snippet'}), highlighted(snippet)));
  const entities = (hit.entities || []).length === 0 ? null
    : el('ul', {class: 'chips', 'aria-label': 'الكيانات'},
      hit.entities.map((entity) => el('li', {}, entityChip(entity, onFilter))));
  const item = el('li', {class: 'hit', 'data-id': hit.id}, title, meta, snippets, entities);
  const actions = el('div', {class: 'hit-actions'});
  if (hit.storyArticles > 1) {
    append(actions, storyToggle(hit, item));
  }
  if (hit.url) {
    append(actions, externalLink(hit.url, 'المصدر الأصلي ↗', {class: 'original'}));
  }
  if (actions.childNodes.length > 0) append(item, actions);
  return item;
}

function storyToggle(hit, item) {
  const others = hit.storyArticles - 1;
  const label = 'المزيد من هذه القصة (' + formatNumber(others) + ' ' + (others === 1 ? 'مقال آخر' : 'مقالات أخرى')
    + (hit.otherSources > 0 ? ' من ' + formatNumber(hit.otherSources) + ' ' + (hit.otherSources === 1 ? 'مصدر آخر' : 'مصادر أخرى') : '')
    + ')';
  const button = el('button', {type: 'button', class: 'link-button story-toggle', 'aria-expanded': 'false'}, label);
  let list = null;
  button.addEventListener('click', async () => {
    if (list) {
      const open = list.hidden;
      list.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      return;
    }
    button.disabled = true;
    list = el('ol', {class: 'story-list'});
    try {
      const related = await api.related(hit.id);
      const same = related.related.filter((r) => r.relation === 'SAME_STORY');
      append(list, same.length === 0
        ? el('li', {class: 'muted'}, 'لا مقالات أخرى في هذه القصة الآن.')
        : same.map(relatedItem));
    } catch (error) {
      append(list, el('li', {class: 'error'}, 'تعذّر التحميل: ' + error.message));
    }
    item.append(list);
    button.disabled = false;
    button.setAttribute('aria-expanded', 'true');
  });
  return button;
}

/** A related article as a line: title (opens it here), source, date. */
export function relatedItem(related) {
  return el('li', {class: 'related-item'},
    hashLink(articleHash(related.id), related.title || 'بلا عنوان'),
    el('span', {class: 'hit-meta'},
      related.source ? el('span', {class: 'source'}, related.source) : null,
      related.publishedAt ? el('time', {datetime: related.publishedAt}, formatDate(related.publishedAt)) : null));
}

function removeToken(text, token) {
  const index = text.lastIndexOf(token);
  if (!token || index < 0) return text;
  return (text.slice(0, index) + text.slice(index + token.length)).replace(/\s+/g, ' ').trim();
}

/** Autocomplete of entity names for the word being typed (the one before the caret). */
function createSuggestions(input, onChoose) {
  const list = document.getElementById('suggestions');
  let timer = null;
  let request = null;
  let items = [];
  let active = -1;
  let token = '';

  function close() {
    list.hidden = true;
    clear(list);
    items = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function currentToken() {
    const before = input.value.slice(0, input.selectionStart ?? input.value.length);
    const match = before.match(/[^\s"«»“”-][^\s"«»“”]*$/u);
    return match ? match[0] : '';
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((child, i) => child.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', list.children[index].id);
  }

  function choose(index) {
    const entity = items[index];
    close();
    if (entity) onChoose(entity, token);
  }

  async function lookUp() {
    token = currentToken();
    if (token.length < 2) {
      close();
      return;
    }
    if (request) request.abort();
    request = new AbortController();
    let answer;
    try {
      answer = await api.suggest(token, request.signal);
    } catch {
      close();
      return;
    }
    items = answer.entities || [];
    clear(list);
    if (items.length === 0) {
      close();
      return;
    }
    items.forEach((entity, index) => {
      const option = el('li', {id: 'suggestion-' + index, role: 'option', 'aria-selected': 'false'},
        el('span', {class: 'suggestion-name'}, entityName(entity)),
        el('span', {class: 'suggestion-type'}, entityTypeName(entity.type)
          + (entity.nameEn && entity.nameAr ? ' · ' + entity.nameEn : '')),
        el('span', {class: 'count'}, formatNumber(entity.articles)));
      // mousedown, not click: the input's blur would close the list before a click lands.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(index);
      });
      list.append(option);
    });
    active = -1;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 180);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      highlight((active + 1) % items.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight((active - 1 + items.length) % items.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return {close};
}
