// The search-service HTTP API, and the search state that the address bar, the search view and the live panel share.

/** Filters that take several values; the rest of the state is single-valued. */
export const MULTI_FILTERS = ['entity', 'person', 'place', 'org', 'source', 'lang'];

/**
 * Listing (or streaming) the newest articles needs a filter when there is no query: a date far enough back to cover
 * everything.
 */
const EVERYTHING_SINCE = '2000-01-01';

export function emptyState() {
  return {q: '', sort: '', from: '', to: '', filters: []};
}

/** The state from the part of the address after "#/?". */
export function stateFromParams(params) {
  const state = emptyState();
  state.q = params.get('q') || '';
  state.sort = params.get('sort') || '';
  state.from = params.get('from') || '';
  state.to = params.get('to') || '';
  for (const param of MULTI_FILTERS) {
    for (const value of params.getAll(param)) {
      if (value.trim() !== '') state.filters.push({param, value});
    }
  }
  return state;
}

/** What the stream and the search both filter by: the query, the filters and the dates; not sort or paging. */
function filterParams(state) {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const filter of state.filters) params.append(filter.param, filter.value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return params;
}

export function stateParams(state) {
  const params = filterParams(state);
  if (state.sort) params.set('sort', state.sort);
  return params;
}

export function isBlank(state) {
  return state.q.trim() === '' && state.filters.length === 0 && !state.from && !state.to;
}

/** The live stream's parameters: those of the search, or everything when there is neither query nor filter. */
export function streamParams(state) {
  const params = filterParams(state);
  if (isBlank(state)) params.set('from', EVERYTHING_SINCE);
  return params;
}

export function searchParams(state, cursor) {
  const params = stateParams(state);
  if (isBlank(state)) {
    params.set('from', EVERYTHING_SINCE);
    params.set('sort', 'newest');
  }
  params.set('size', '20');
  if (cursor) params.set('cursor', cursor);
  return params;
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET a JSON document; problem+json answers become an ApiError carrying the problem's detail. */
export async function getJson(path, params, signal) {
  const query = params && params.toString() !== '' ? '?' + params.toString() : '';
  let response;
  try {
    response = await fetch(path + query, {headers: {Accept: 'application/json'}, signal});
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'تعذّر الاتصال بالخادم');
  }
  if (!response.ok) {
    let message = 'خطأ ' + response.status;
    try {
      const problem = await response.json();
      message = problem.detail || problem.title || message;
    } catch {
      // Not a problem document: the status is all there is to say.
    }
    throw new ApiError(response.status, message);
  }
  return response.json();
}

export const api = {
  search: (state, cursor, signal) => getJson('/api/v1/search', searchParams(state, cursor), signal),
  article: (id) => getJson('/api/v1/articles/' + encodeURIComponent(id)),
  related: (id) => getJson('/api/v1/articles/' + encodeURIComponent(id) + '/related', new URLSearchParams({size: '20'})),
  suggest: (prefix, signal) => getJson('/api/v1/entities', new URLSearchParams({prefix, limit: '8'}), signal),
  pipeline: () => getJson('/api/v1/ops/pipeline'),
};
