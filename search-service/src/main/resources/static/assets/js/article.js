// The article view: the whole text as indexed, its entities, quotes and keywords, then the rest of its story and
// similar articles.
import {append, clear, el, externalLink, formatDate, formatNumber, languageName} from './dom.js';
import {api} from './api.js';
import {entityChip, relatedItem} from './search.js';

/** @param onEntity called with an entity filter when an entity chip is chosen */
export function createArticleView({onEntity}) {
  const container = document.getElementById('article');
  let shown = null;

  async function show(id) {
    shown = id;
    clear(container);
    append(container, el('p', {class: 'status'}, 'جارٍ التحميل…'));
    let article;
    try {
      article = await api.article(id);
    } catch (error) {
      if (shown !== id) return;
      clear(container);
      append(container, el('p', {class: 'status error'},
        error.status === 404 ? 'لم يُعثر على هذا المقال.' : 'تعذّر تحميل المقال: ' + error.message));
      return;
    }
    if (shown !== id) return;
    clear(container);
    append(container, render(article, onEntity));
    const related = el('section', {class: 'related', 'aria-label': 'مقالات ذات صلة'});
    container.append(related);
    try {
      const answer = await api.related(id);
      if (shown !== id) return;
      const same = answer.related.filter((r) => r.relation === 'SAME_STORY');
      const similar = answer.related.filter((r) => r.relation !== 'SAME_STORY');
      if (same.length > 0) append(related, el('h2', {}, 'من القصة نفسها'), el('ol', {class: 'story-list'}, same.map(relatedItem)));
      if (similar.length > 0) append(related, el('h2', {}, 'مقالات مشابهة'), el('ol', {class: 'story-list'}, similar.map(relatedItem)));
    } catch (error) {
      append(related, el('p', {class: 'muted'}, 'تعذّر تحميل المقالات ذات الصلة.'));
    }
  }

  return {show};
}

function render(article, onEntity) {
  const header = el('header', {class: 'article-head'},
    el('h1', {dir: 'auto'}, article.title || 'بلا عنوان'),
    el('div', {class: 'hit-meta'},
      article.source ? el('span', {class: 'source'}, article.source) : null,
      article.publishedAt ? el('time', {datetime: article.publishedAt}, formatDate(article.publishedAt)) : null,
      article.language ? el('span', {class: 'lang'}, languageName(article.language)) : null,
      article.wordCount ? el('span', {}, formatNumber(article.wordCount) + ' كلمة') : null,
      article.url ? externalLink(article.url, 'المصدر الأصلي ↗', {class: 'original'}) : null));
  const summary = article.summary
    ? el('section', {class: 'summary'}, el('h2', {}, 'الملخص'), el('p', {dir: 'auto'}, article.summary)) : null;
  const entities = (article.entities || []).length === 0 ? null
    : el('ul', {class: 'chips', 'aria-label': 'الكيانات'}, article.entities.map((e) => el('li', {}, entityChip(e, onEntity))));
  const body = el('div', {class: 'article-body', dir: 'auto'},
    String(article.body || '').split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean).map((p) => el('p', {}, p)));
  const quotes = (article.quotes || []).length === 0 ? null : el('section', {class: 'quotes'},
    el('h2', {}, 'اقتباسات'),
    article.quotes.map((quote) => el('blockquote', {},
      el('p', {}, quote.text), quote.speakerName ? el('footer', {}, '— ' + quote.speakerName) : null)));
  const keywords = (article.keywords || []).length === 0 ? null : el('section', {class: 'keywords'},
    el('h2', {}, 'كلمات مفتاحية'),
    el('ul', {class: 'chips'}, article.keywords.map((k) => el('li', {}, el('span', {class: 'chip chip-plain'}, k.text)))));
  return el('div', {class: 'article-inner', 'data-id': article.id}, header, entities, summary, body, quotes, keywords);
}
