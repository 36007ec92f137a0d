// node bindings-wasm/bench/keys.mjs: the speed of the WebAssembly module beside what
// front ends do today, in one process, on the 10,599 commune names of 2022.
//   baseline: s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase()
//   asciiKey per name, asciiKeys over the list, and one teams.validate call.
// Each figure is the median of several timed rounds after a warm-up.
import { readFileSync } from 'node:fs';

const pkg = new URL('../pkg/', import.meta.url);
const cncd = await import(new URL('node.mjs', pkg).href);
const csv = readFileSync(new URL('data/vn-units-2022.csv', pkg), 'utf8').trim().split('\n');
const header = csv[0].split(',');
const col = header.indexOf('commune_name');
const names = csv.slice(1).map((l) => l.split(',')[col]);

const idiom = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase();

function median(f, rounds = 15) {
  for (let i = 0; i < 3; i++) f();
  const t = [];
  for (let i = 0; i < rounds; i++) {
    const a = process.hrtime.bigint();
    f();
    t.push(Number(process.hrtime.bigint() - a));
  }
  t.sort((x, y) => x - y);
  return t[t.length >> 1];
}

let sink = 0;
const base = median(() => { for (const n of names) sink += idiom(n).length; });
const one = median(() => { for (const n of names) sink += cncd.asciiKey(n).length; });
const batch = median(() => { sink += cncd.asciiKeys(names).length; });

const team = {
  level: 'village', commune: '22885', village: 'Thôn Phước Lợi', zalo_group: 'CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam',
  decision: { number: '12/QĐ-UBND', date: '2022-06-01', signer: 'Chủ tịch UBND xã Phước Hà' },
  members: [
    { name: 'Nguyễn Văn An', roles: ['village_head', 'youth_union'], birth_date: '1998-04-02', it_skills: true },
    { name: 'Trần Thị Bình', roles: ['women_union'], birth_year: 1985 },
    { name: 'Lê Văn Cường', roles: ['enterprise_staff'], phone: '0912 345 678' },
  ],
};
const validate = median(() => { for (let i = 0; i < 1000; i++) sink += cncd.validateTeam(team, { as_of: '2022-12-31' }).diagnostics.length; }, 9) / 1000;

const per = (ns) => `${(ns / names.length).toFixed(0)} ns/name`;
console.log(`names: ${names.length}`);
console.log(`baseline (normalize NFD + strip + toLowerCase): ${(base / 1e6).toFixed(2)} ms, ${per(base)}`);
console.log(`asciiKey, one call a name:                     ${(one / 1e6).toFixed(2)} ms, ${per(one)}, ${(base / one).toFixed(2)}x the baseline`);
console.log(`asciiKeys, one call for the list:              ${(batch / 1e6).toFixed(2)} ms, ${per(batch)}, ${(base / batch).toFixed(2)}x the baseline`);
console.log(`teams.validate, one call:                      ${(validate / 1e3).toFixed(1)} µs`);
if (sink === 0) console.log('');
