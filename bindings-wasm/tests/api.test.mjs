// The JavaScript API: camelCase functions over the contract, errors as CncdError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cncd, pkg } from './helpers.mjs';

test('the text keys give the core answers', () => {
  assert.equal(cncd.clean('  Xã  Phước   Hà '), 'Xã Phước Hà');
  assert.equal(cncd.nameKey('Xã Hoà Thuận'), cncd.nameKey('xã  hòa thuận'));
  assert.equal(cncd.asciiKey('Phường Đô Vinh'), 'phuong do vinh');
  assert.equal(cncd.toneStyle('Hòa', 'modern'), 'Hoà');
  assert.equal(cncd.titleCase('phường đô vinh'), 'Phường Đô Vinh');
  // NFD from a phone keyboard, Ð (U+00D0) for Đ.
  assert.equal(cncd.asciiKey('Phu\u031Bo\u031B\u0300ng \u00D0o\u0302 Vinh'), 'phuong do vinh');
});

test('asciiKeys is asciiKey of each name, line breaks included', () => {
  const names = ['Phường Đô Vinh', 'Xã  Phước Hà', '', 'Thôn\nPhước Lợi', 'Thị trấn Khánh Hải'];
  assert.deepEqual(cncd.asciiKeys(names), names.map(cncd.asciiKey));
  assert.deepEqual(cncd.asciiKeys([]), []);
});

test('asciiKeys names the item that is not a string', () => {
  assert.throws(() => cncd.asciiKeys(['Phường Đô Vinh', 5]), { name: 'CncdError', code: 'bad_request', path: '/names/1' });
  // A string, or nothing, is not a list of names.
  for (const names of ['Phường Đô Vinh', null, undefined]) {
    assert.throws(() => cncd.asciiKeys(names), { name: 'CncdError', code: 'bad_request', path: '/names', message: /array of strings/ });
  }
});

test('call takes and returns plain objects', () => {
  const r = cncd.call('units.resolve', { registry: 'ninh-thuan-2022', text: 'TT Khánh Hải' });
  assert.equal(r.status, 'unique');
  assert.equal(r.candidates[0].code, '22834');
  assert.deepEqual(cncd.version(), { crate: '0.1.0', contract: 1 });
});

test('checkName gives the diagnostics in Vietnamese and the canonical name', () => {
  const c = cncd.checkName('CNCD_Phuoc Ha_Thuan Nam');
  assert.equal(c.status, 'fixable');
  assert.equal(c.canonical, 'CNCĐ_Phước Hà_Thuận Nam');
  assert.ok(c.diagnostics.every((d) => d.rule === 'NAME-ZALO' && d.message.vi.length > 0));
});

test('validateTeam runs every rule of the team', () => {
  const team = { level: 'village', commune: '22885', village: 'Thôn Phước Lợi', members: [{ name: 'An', roles: ['village_head'] }] };
  const r = cncd.validateTeam(team, { as_of: '2022-12-31' });
  assert.equal(r.valid, false);
  const codes = r.diagnostics.map((d) => `${d.rule}/${d.code}`);
  assert.ok(codes.includes('TEAM-SIZE/team_too_small'), codes.join());
  assert.ok(codes.includes('ORG-DECISION/decision_missing'), codes.join());
});

test('failures are CncdError with the contract code and path', () => {
  const fails = (f, code, path) => assert.throws(f, (e) => {
    assert.ok(e instanceof cncd.CncdError && e instanceof Error);
    assert.equal(e.code, code);
    assert.equal(e.path, path);
    assert.ok(e.messages.vi.length > 0 && e.messages.en.length > 0);
    return true;
  });
  fails(() => cncd.call('text.clean', { text: 42 }), 'bad_request', '/text');
  fails(() => cncd.call('teams.nope', {}), 'unknown_op', undefined);
  fails(() => cncd.call('units.resolve', { registry: 'lao-cai-2022', text: 'x' }), 'unknown_registry', '/registry');
  fails(() => cncd.validateTeam({ level: 'village', members: [{ roles: ['mayor'] }] }, { as_of: '2022-12-31' }), 'bad_request', '/team/members/0/roles/0');
  fails(() => cncd.asciiKey(7), 'bad_request', '/text');
  fails(() => cncd.call('text.clean', { text: 1n }), 'bad_request', '');
  assert.match(cncd.callJson('text.clean', '{'), /"code":"bad_json"/);
});

test('a call before the module is loaded says so', async () => {
  // A fresh instance of the browser entry, never initialised.
  const fresh = await import(new URL('index.mjs?fresh', pkg).href);
  assert.throws(() => fresh.asciiKey('a'), (e) => e.code === 'not_initialized');
  await fresh.initSync(readFileSync(new URL('web/cncd_wasm_bg.wasm', pkg)));
  assert.equal(fresh.asciiKey('Đô'), 'do');
});

test('a registry loaded as data answers to its name', () => {
  const csv = 'province_code,province_name,commune_code,commune_name\n56,Tỉnh Khánh Hòa,22900,Xã Phước Hà\n';
  assert.deepEqual(cncd.loadRegistryCsv('khanh-hoa-test', csv), { name: 'khanh-hoa-test', communes: 1 });
  assert.equal(cncd.resolveUnit('Phuoc Ha', { registry: 'khanh-hoa-test' }).candidates[0].code, '22900');
  assert.throws(() => cncd.loadRegistryCsv('broken', 'province_code\n'), (e) => e.code === 'bad_request');
  assert.throws(() => cncd.loadRegistryCsv('ninh-thuan-2022', csv), (e) => e.code === 'bad_request');
});

test('the package describes what it ships', () => {
  const meta = JSON.parse(readFileSync(new URL('package.json', pkg), 'utf8'));
  assert.equal(meta.exports['.'].types, './index.d.ts');
  for (const f of ['index.mjs', 'node.mjs', 'index.d.ts', 'web/cncd_wasm.js', 'web/cncd_wasm_bg.wasm', 'data/vn-units-2022.csv']) {
    assert.ok(readFileSync(new URL(f, pkg)).length > 0, f);
  }
});
