// cncd for JavaScript: the rules of Vietnam's community digital technology teams, in
// WebAssembly. Every answer comes from the Rust core through its JSON contract, so a web
// form gets the answers the province's server gets. Types: index.d.ts.
//
// In a browser or a bundler: `await init()` once, then call. In Node.js, `import` the
// package: the module is loaded before the import returns (node.mjs).

import wasmInit, * as raw from './web/cncd_wasm.js';

/** A failed call: `code` is the contract's error code, `path` a JSON pointer. */
export class CncdError extends Error {
  constructor(code, message, path) {
    super(`${code}${path === undefined ? '' : ` at ${path === '' ? '(request)' : path}`}: ${message.en}`);
    this.name = 'CncdError';
    this.code = code;
    this.path = path;
    this.messages = message;
  }
}

let ready = false;
let loading = null;

/** Loads the module: from `source` (a URL, a Response, bytes or a compiled module), or
 *  from `web/cncd_wasm_bg.wasm` beside this file. Safe to call more than once. */
export function init(source) {
  if (ready) return Promise.resolve();
  loading ??= wasmInit(source === undefined ? undefined : { module_or_path: source }).then(
    () => { ready = true; },
    (e) => { loading = null; throw e; },
  );
  return loading;
}

/** Loads the module from its bytes (or a compiled `WebAssembly.Module`), synchronously. */
export function initSync(bytes) {
  if (!ready) {
    raw.initSync({ module: bytes });
    ready = true;
  }
}

function need() {
  if (!ready) {
    throw new CncdError('not_initialized', {
      vi: 'Mô-đun chưa được nạp: gọi await init() trước',
      en: 'the module is not loaded: call await init() first',
    });
  }
}

function text(value, name) {
  if (typeof value !== 'string') {
    throw new CncdError('bad_request', {
      vi: `"${name}" phải là chuỗi ký tự`,
      en: `"${name}" must be a string`,
    }, `/${name}`);
  }
  return value;
}

// A trap inside the module (a bug: the core is built never to panic) becomes an error
// with code `internal`, like the other doors' caught panics.
function guard(f) {
  need();
  try {
    return f();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      throw new CncdError('internal', { vi: `Lỗi nội bộ của cncd: ${e.message}`, en: `cncd failed: ${e.message}` });
    }
    throw e;
  }
}

function unwrap(reply) {
  const r = JSON.parse(reply);
  if (r.error !== undefined) throw new CncdError(r.error.code, r.error.message, r.error.path);
  return r.ok;
}

/** Runs operation `op` of the contract with `request` (a plain object); returns its
 *  result object, or throws a `CncdError`. */
export function call(op, request = {}) {
  text(op, 'op');
  let json;
  try {
    json = JSON.stringify(request);
  } catch (e) {
    throw new CncdError('bad_request', { vi: `Yêu cầu không chuyển được sang JSON: ${e.message}`, en: `the request cannot be turned into JSON: ${e.message}` }, '');
  }
  if (json === undefined) json = 'null';
  return unwrap(guard(() => raw.callJson(op, json)));
}

/** The contract's envelope as a string, for callers that hold JSON text already. */
export function callJson(op, requestJson) {
  return guard(() => raw.callJson(text(op, 'op'), text(requestJson, 'request')));
}

export function version() { return call('version', {}); }
export function clean(s) { return guard(() => raw.clean(text(s, 'text'))); }
export function nameKey(s) { return guard(() => raw.nameKey(text(s, 'text'))); }
export function asciiKey(s) { return guard(() => raw.asciiKey(text(s, 'text'))); }

/** `asciiKey` of many names at once, in one crossing into the module. */
export function asciiKeys(names) {
  if (!Array.isArray(names)) {
    throw new CncdError('bad_request', { vi: '"names" phải là một mảng chuỗi ký tự', en: '"names" must be an array of strings' }, '/names');
  }
  // The path of the error is written only for a name that is not a string.
  for (let i = 0; i < names.length; i++) if (typeof names[i] !== 'string') text(names[i], `names/${i}`);
  if (names.length === 0) return [];
  // A name with a line break would split; `clean` makes it a space, so key it alone.
  if (names.some((n) => n.includes('\n'))) return names.map(asciiKey);
  return guard(() => raw.asciiKeyLines(names.join('\n'))).split('\n');
}

export function toneStyle(s, style) { return call('text.tone_style', { text: text(s, 'text'), style }).text; }
export function titleCase(s) { return call('text.title_case', { text: text(s, 'text') }).text; }

/** NAME-ZALO: checks a group name against the standard, with the canonical name. */
export function checkName(name, options = {}) {
  return call('names.check', { registry: 'ninh-thuan-2022', ...options, name: text(name, 'name') });
}

/** Every rule of one team (TEAM-*, ORG-DECISION, NAME-ZALO). */
export function validateTeam(team, options = {}) {
  return call('teams.validate', { registry: 'ninh-thuan-2022', as_of: today(), ...options, team });
}

/** Every rule over a roster, ORG-COMMUNE, ORG-VILLAGE and ORG-SCHOOL included. */
export function validateRoster(roster, options = {}) {
  return call('roster.validate', { registry: 'ninh-thuan-2022', as_of: today(), ...options, roster });
}

/** Coverage of communes, villages, schools and OCOP products, unit by unit. */
export function computeCoverage(roster, options = {}) {
  return call('coverage.compute', { registry: 'ninh-thuan-2022', ...options, roster });
}

/** The units of a registry, of one level or under one unit. */
export function listUnits(options = {}) {
  return call('units.list', { registry: 'ninh-thuan-2022', ...options }).units;
}

/** Resolves a typed unit name against a registry. */
export function resolveUnit(typed, options = {}) {
  return call('units.resolve', { registry: 'ninh-thuan-2022', ...options, text: text(typed, 'text') });
}

function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Adds a registry from the CSV of an official list (`data/vn-units-2022.csv`), under
 *  `name`; requests that name it then work as in every other door. */
export function loadRegistryCsv(name, csv) {
  return unwrap(guard(() => raw.loadRegistryCsv(text(name, 'name'), text(csv, 'csv'))));
}

/** Adds the old-to-new commune mapping from `data/vn-commune-mapping-2025.csv`. */
export function loadMappingCsv(name, csv) {
  return unwrap(guard(() => raw.loadMappingCsv(text(name, 'name'), text(csv, 'csv'))));
}

/** Fetches a registry's CSV (from the page's own origin) and adds it. */
export async function loadRegistry(name, url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new CncdError('unknown_registry', {
      vi: `Không tải được danh mục ${name} từ ${url}: ${response.status}`,
      en: `registry ${name} could not be fetched from ${url}: ${response.status}`,
    });
  }
  return loadRegistryCsv(name, await response.text());
}
