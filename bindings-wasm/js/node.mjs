// The Node.js entry of the package: the same API as index.mjs, with the module loaded
// from disk before the import returns, so that no call needs `await init()` first.
import { readFileSync } from 'node:fs';
import { initSync } from './index.mjs';

initSync(readFileSync(new URL('./web/cncd_wasm_bg.wasm', import.meta.url)));

export * from './index.mjs';
