// Routes on the address bar's fragment, so that back, forward, reload and shared links keep the view:
//   #/?q=…&entity=…&source=…   search (the default)
//   #/article/<id>              one article
//   #/ops                       the ops panel
import {emptyState, stateFromParams, stateParams} from './api.js';
import {createSearchView} from './search.js';
import {createArticleView} from './article.js';
import {createLivePanel} from './live.js';
import {createOpsPanel} from './ops.js';

const views = {
  search: document.getElementById('search-view'),
  article: document.getElementById('article-view'),
  ops: document.getElementById('ops-view'),
};

function navigate(state) {
  const query = stateParams(state).toString();
  location.hash = '/' + (query ? '?' + query : '');
}

const search = createSearchView({navigate});
const live = createLivePanel();
// An entity chosen in an article starts a new search for that entity alone.
const article = createArticleView({onEntity: (filter) => navigate({...emptyState(), filters: [filter]})});
const ops = createOpsPanel();

let lastSearchHash = '#/';

document.getElementById('article-back').addEventListener('click', () => {
  location.hash = lastSearchHash;
});

function setCurrent(link, current) {
  if (current) {
    link.setAttribute('aria-current', 'page');
  } else {
    link.removeAttribute('aria-current');
  }
}

function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  let view = 'search';
  if (hash === '/ops') {
    view = 'ops';
  } else if (hash.startsWith('/article/')) {
    view = 'article';
  }
  for (const [name, node] of Object.entries(views)) node.hidden = name !== view;
  setCurrent(document.getElementById('nav-search'), view !== 'ops');
  setCurrent(document.getElementById('nav-ops'), view === 'ops');
  if (view === 'ops') {
    document.title = 'أخبار — لوحة التشغيل';
    ops.show();
    return;
  }
  ops.hide();
  if (view === 'article') {
    article.show(decodeURIComponent(hash.slice('/article/'.length)));
    window.scrollTo(0, 0);
    return;
  }
  lastSearchHash = '#' + hash;
  const queryStart = hash.indexOf('?');
  const state = stateFromParams(new URLSearchParams(queryStart >= 0 ? hash.slice(queryStart + 1) : ''));
  document.title = state.q ? state.q + ' — أخبار' : 'أخبار — البحث في الأخبار';
  search.show(state);
  live.follow(state);
}

window.addEventListener('hashchange', route);
route();
