// The module's size against bindings-wasm/size-budget.json: above the ceiling fails; the
// distance to the target is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { pkg } from './helpers.mjs';

const budget = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8'));
const wasm = readFileSync(new URL('web/cncd_wasm_bg.wasm', pkg));
const gz = gzipSync(wasm, { level: 9 }).length;

test('the module stays under its size ceiling', (t) => {
  t.diagnostic(`cncd_wasm_bg.wasm: ${wasm.length} bytes, ${gz} gzipped; target ${budget.target.bytes} and ${budget.target.gzip_bytes}`);
  assert.ok(wasm.length <= budget.ceiling.bytes, `${wasm.length} bytes > ceiling ${budget.ceiling.bytes}`);
  assert.ok(gz <= budget.ceiling.gzip_bytes, `${gz} gzipped > ceiling ${budget.ceiling.gzip_bytes}`);
});

test('the national lists are not inside the module', () => {
  // A commune of the national list that is not in Ninh Thuận.
  assert.equal(wasm.includes(Buffer.from('Phường Bắc Nha Trang')), false);
  assert.equal(wasm.includes(Buffer.from('Xã Phước Hà')), true, 'the Ninh Thuận data is inside');
});
