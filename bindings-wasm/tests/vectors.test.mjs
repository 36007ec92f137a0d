// The conformance vectors of tests/vectors, through the WebAssembly module: the same
// answers as the Rust crate and the C library, to the last field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cncd, loadNationalData, requestText, vectors } from './helpers.mjs';

loadNationalData();
const all = vectors();

test('there are vectors to run', () => assert.ok(all.length >= 485, `${all.length} vectors`));

for (const v of all) {
  test(`${v.file} :: ${v.name} (${v.op})`, () => {
    const reply = cncd.callJson(v.op, requestText(v));
    assert.deepStrictEqual(JSON.parse(reply), v.response);
  });
}
