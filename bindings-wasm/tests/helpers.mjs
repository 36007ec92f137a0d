// What the tests share: the built package, the repository's vectors and data.
import { readFileSync, readdirSync } from 'node:fs';

export const root = new URL('../../', import.meta.url);
export const pkg = new URL('../pkg/', import.meta.url);
export const cncd = await import(new URL('node.mjs', pkg).href);

/** The national lists and mapping, loaded as a page would: from the package's data/. */
export function loadNationalData() {
  const data = (f) => readFileSync(new URL(`data/${f}`, pkg), 'utf8');
  cncd.loadRegistryCsv('vietnam-2022', data('vn-units-2022.csv'));
  cncd.loadRegistryCsv('vietnam-2025', data('vn-units-2025.csv'));
  cncd.loadMappingCsv('vietnam-2025', data('vn-commune-mapping-2025.csv'));
}

/** Every conformance vector of tests/vectors, with its file, and those named in CNCD_VECTORS. */
export function vectors() {
  const dir = new URL('tests/vectors/', root);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => new URL(f, dir));
  for (const extra of (process.env.CNCD_VECTORS ?? '').split(':').filter(Boolean)) files.push(extra);
  return files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).map((v) => ({ ...v, file: String(f).split('/').pop() })));
}

/** The request as text: a string request is sent as it is (bad JSON on purpose). */
export const requestText = (v) => (typeof v.request === 'string' ? v.request : JSON.stringify(v.request));
