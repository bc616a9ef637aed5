// Page script, part 1: building DOM safely. Every piece of data becomes a text node or an
// attribute value; the script never assigns innerHTML.
// Written as ES5-style plain JS in a string (no backticks, no `${`): it is inlined in the page.
export const DOM_SCRIPT = String.raw`
function byId(id) {
  return document.getElementById(id);
}

function readJson(id) {
  var node = byId(id);
  return node ? JSON.parse(node.textContent) : null;
}

// el('td', { className: 'num', title: text }, child, ...): strings become text nodes.
function el(tag, attrs) {
  var node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
  }
  for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
  return node;
}

function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    child.forEach(function (c) { append(node, c); });
    return;
  }
  node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
}

function badge(text, tone) {
  return el('span', { className: 'badge' + (tone ? ' ' + tone : '') }, text);
}

function prettyJson(value) {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2);
  } catch (e) {
    return String(value);
  }
}

function jsonBlock(value) {
  return el('pre', { className: 'json' }, prettyJson(value));
}

function fmtDuration(ms) {
  if (typeof ms !== 'number') return '—';
  if (ms < 1000) return Math.round(ms) + 'ms';
  var seconds = ms / 1000;
  if (seconds < 60) return seconds.toFixed(1) + 's';
  var total = Math.round(seconds);
  var hours = Math.floor(total / 3600);
  var minutes = Math.floor((total % 3600) / 60);
  var rest = total % 60;
  return hours > 0 ? hours + 'h ' + pad2(minutes) + 'm' : minutes + 'm ' + pad2(rest) + 's';
}

function pad2(n) {
  return (n < 10 ? '0' : '') + n;
}

function fmtLatency(ms) {
  if (typeof ms !== 'number') return '—';
  return ms < 10 ? ms.toFixed(1) + 'ms' : fmtDuration(ms);
}

function fmtUsd(usd) {
  if (usd === null || usd === undefined) return 'unknown';
  return '$' + (usd >= 0.1 || usd === 0 ? usd.toFixed(2) : usd.toPrecision(2));
}

function fmtCount(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : '—';
}

function truncate(text, limit) {
  return text.length > limit ? text.slice(0, limit - 1) + '…' : text;
}

function debounce(fn, ms) {
  var timer = null;
  return function () {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(function () {
      timer = null;
      fn();
    }, ms);
  };
}
`
