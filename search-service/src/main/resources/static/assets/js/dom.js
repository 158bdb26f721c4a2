// Safe DOM building. Article titles, bodies, sources and URLs are untrusted: text only ever reaches the page through
// textContent or text nodes, attributes through setAttribute with names chosen here, never through innerHTML.

/**
 * el('a', {class: 'x', href: safe}, 'text', child) — children are strings (become text nodes) or nodes; null and
 * false children are skipped. Attribute values are set as strings; `on*` attributes are refused so that no data can
 * become a handler.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') {
      throw new Error('refused attribute ' + name);
    }
    if (name === 'href' || name === 'src') {
      throw new Error('use link() for ' + name);
    }
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** The URL when it is absolute http(s), otherwise null: javascript:, data: and relative URLs never become links. */
export function safeHttpUrl(value) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An outbound link to an http(s) URL, or plain text when the URL is anything else. */
export function externalLink(url, text, attributes = {}) {
  const href = safeHttpUrl(url);
  if (href === null) {
    return el('span', {class: attributes.class}, text);
  }
  const link = el('a', {...attributes, target: '_blank', rel: 'noopener noreferrer'}, text);
  link.href = href;
  return link;
}

/** A link inside the page (hash routes only). */
export function hashLink(hash, text, attributes = {}) {
  const link = el('a', attributes, text);
  link.href = '#' + hash.replace(/^#/, '');
  return link;
}

const ENTITIES = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

/** Text of an HTML-encoded fragment (as Elasticsearch's html encoder writes it); the result is text, never markup. */
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : whole;
  });
}

/**
 * Nodes for a highlight from the search API: HTML-encoded text with the matched words between literal <mark> and
 * </mark>. Because the text itself was encoded, a "<mark>" written in an article arrives as "&lt;mark&gt;" and stays
 * text. Pieces are decoded into text nodes; the marks become <mark> elements with textContent.
 */
export function highlighted(encoded) {
  const nodes = [];
  if (typeof encoded !== 'string') return nodes;
  const parts = encoded.split('<mark>');
  parts.forEach((part, index) => {
    if (index === 0) {
      nodes.push(...plainPieces(part));
      return;
    }
    const end = part.indexOf('</mark>');
    if (end < 0) {
      nodes.push(...plainPieces(part));
      return;
    }
    const mark = document.createElement('mark');
    mark.textContent = decodeEntities(part.slice(0, end));
    nodes.push(mark);
    nodes.push(...plainPieces(part.slice(end + '</mark>'.length)));
  });
  return nodes;
}

function plainPieces(encoded) {
  const text = decodeEntities(encoded.split('</mark>').join(''));
  return text === '' ? [] : [document.createTextNode(text)];
}

const dateFormat = new Intl.DateTimeFormat('ar', {dateStyle: 'medium', timeStyle: 'short'});
const dayFormat = new Intl.DateTimeFormat('ar', {dateStyle: 'medium', timeZone: 'UTC'});
const timeFormat = new Intl.DateTimeFormat('ar', {timeStyle: 'medium'});
const numberFormat = new Intl.NumberFormat('ar');
const decimalFormat = new Intl.NumberFormat('ar', {maximumFractionDigits: 2});

export function formatDate(value) {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? dateFormat.format(date) : '';
}

/** A facet day (yyyy-MM-dd, UTC) as an Arabic date. */
export function formatDay(day) {
  const date = new Date(day + 'T00:00:00Z');
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

export function formatTime(value) {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? timeFormat.format(date) : '';
}

export function formatNumber(value) {
  return typeof value === 'number' && Number.isFinite(value) ? numberFormat.format(value) : '—';
}

export function formatDecimal(value) {
  return typeof value === 'number' && Number.isFinite(value) ? decimalFormat.format(value) : '—';
}

const LANGUAGES = {ar: 'العربية', en: 'الإنجليزية', fr: 'الفرنسية', und: 'غير محددة'};

export function languageName(code) {
  return LANGUAGES[code] || code || '';
}

const ENTITY_TYPES = {PERSON: 'شخص', LOCATION: 'مكان', ORGANIZATION: 'منظمة'};

export function entityTypeName(type) {
  return ENTITY_TYPES[String(type).toUpperCase()] || type || '';
}

/** An entity's display name: Arabic first, English as a fallback. */
export function entityName(entity) {
  return entity.nameAr || entity.nameEn || entity.id || '';
}
