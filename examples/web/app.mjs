// The page of a commune officer: register a team with every rule checked as it is typed,
// and see the coverage of a roster. Every answer comes from the cncd package (the Rust
// core in WebAssembly): this file only reads the form and draws the answers.
import { init, listUnits, checkName, validateTeam, validateRoster, computeCoverage, resolveUnit, asciiKey, call, CncdError } from '/pkg/index.mjs';

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const today = () => new Date().toISOString().slice(0, 10);

/** The roles of the plan, with the words a form shows. */
const ROLES = [
  ['commune_official', 'Cán bộ xã'],
  ['village_head', 'Trưởng thôn'],
  ['youth_union', 'Đoàn thanh niên'],
  ['women_union', 'Hội Phụ nữ'],
  ['enterprise_staff', 'Doanh nghiệp BC-VT'],
];

// ------------------------------------------------------------------ the team form

let communes = [];

function fillDistricts() {
  const districts = listUnits({ level: 'district' });
  $('district').innerHTML = districts.map((d) => `<option value="${d.code}">${esc(d.full_name)}</option>`).join('');
  fillCommunes();
}

function fillCommunes() {
  communes = listUnits({ level: 'commune', within: $('district').value });
  $('commune').innerHTML = communes.map((c) => `<option value="${c.code}">${esc(c.full_name)}</option>`).join('');
}

function addMember(name = '', roles = [], birth = '') {
  const tr = document.createElement('tr');
  tr.innerHTML = `
    <td><input type="text" class="m-name" value="${esc(name)}" placeholder="Nguyễn Văn An"></td>
    <td><div class="roles">${ROLES.map(([code, label]) =>
      `<label><input type="checkbox" value="${code}"${roles.includes(code) ? ' checked' : ''}>${label}</label>`).join('')}</div></td>
    <td><input type="date" class="m-birth" value="${esc(birth)}"></td>
    <td><button type="button" class="m-remove" title="Bỏ thành viên">✕</button></td>`;
  tr.querySelector('.m-remove').addEventListener('click', () => { tr.remove(); update(); });
  $('members').querySelector('tbody').append(tr);
}

/** The team the form describes, in the contract's shape. */
function team() {
  const commune = communes.find((c) => c.code === $('commune').value);
  const t = { level: $('level').value, commune: $('commune').value, members: [] };
  if (t.level === 'village') t.village = $('village').value;
  const zalo = $('zalo').value;
  if (zalo.trim()) t.zalo_group = zalo;
  if ($('decision-number').value || $('decision-date').value) {
    t.decision = { number: $('decision-number').value, date: $('decision-date').value, signer: `Chủ tịch UBND ${commune?.full_name ?? ''}` };
  }
  for (const tr of $('members').querySelectorAll('tbody tr')) {
    const m = { name: tr.querySelector('.m-name').value, roles: [...tr.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value) };
    const birth = tr.querySelector('.m-birth').value;
    if (birth) m.birth_date = birth;
    t.members.push(m);
  }
  return t;
}

function diagnostics(list) {
  if (list.length === 0) return '';
  return `<ul class="diag">${list.map((d) =>
    `<li class="${d.severity}"><span class="rule">${esc(d.rule)}</span>${esc(d.message.vi)}</li>`).join('')}</ul>`;
}

function showError(where, e) {
  where.innerHTML = `<ul class="diag"><li class="error">${esc(e instanceof CncdError ? e.messages.vi : e.message)}</li></ul>`;
}

/** The canonical group name of the unit chosen, to offer when nothing is typed yet. */
function canonicalForForm() {
  const request = { registry: 'ninh-thuan-2022', commune: $('commune').value };
  if ($('level').value === 'village' && $('village').value.trim()) request.village = $('village').value;
  try { return call('names.format', request).name; } catch { return null; }
}

function update() {
  $('village-label').hidden = $('level').value !== 'village';
  const typed = $('zalo').value;
  const box = $('name-check');
  try {
    if (!typed.trim()) {
      const name = canonicalForForm();
      box.innerHTML = name ? `<p class="canonical">Tên theo chuẩn: <code>${esc(name)}</code> <button type="button" data-use="${esc(name)}">Dùng tên này</button></p>` : '';
    } else {
      // The village typed in the form is a unit the name may name.
      const village = $('level').value === 'village' && $('village').value.trim();
      const c = checkName(typed, village ? { villages: [{ code: `${$('commune').value}-form`, commune: $('commune').value, name: village }] } : {});
      box.innerHTML = (c.status === 'ok' ? '<p class="ok">✓ Tên nhóm đúng chuẩn</p>' : diagnostics(c.diagnostics)) +
        (c.canonical && c.canonical !== typed
          ? `<p class="canonical">Tên đúng: <code id="canonical">${esc(c.canonical)}</code> <button type="button" data-use="${esc(c.canonical)}">Dùng tên chuẩn</button></p>`
          : '');
    }
  } catch (e) {
    showError(box, e);
  }
  try {
    const r = validateTeam(team(), { as_of: today() });
    $('team-check').innerHTML = (r.valid ? '<p class="ok">✓ Tổ đáp ứng mọi quy định bắt buộc</p>' : '') + diagnostics(r.diagnostics);
  } catch (e) {
    showError($('team-check'), e);
  }
}

// ------------------------------------------------------------------ the roster

/** RFC 4180 rows: quoted fields, doubled quotes, CRLF, a byte-order mark. */
function csvRows(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  text = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim()) && !r[0].trimStart().startsWith('#'));
}

/** The column each header names, in Vietnamese or English. */
const COLUMNS = {
  id: ['ma to', 'team id', 'team_id', 'id'], level: ['cap to', 'level'], district: ['huyen', 'district'],
  commune: ['xa', 'ma xa', 'commune'], village: ['thon', 'village'], zalo: ['ten nhom zalo', 'nhom zalo', 'zalo_group', 'zalo'],
  decisionNumber: ['so quyet dinh', 'decision_number'], decisionDate: ['ngay quyet dinh', 'decision_date'],
  name: ['ho va ten', 'ho ten', 'name'], roles: ['vai tro', 'roles'], birth: ['ngay sinh', 'birth_date'],
  phone: ['so dien thoai', 'phone'], it: ['ky nang cntt', 'it_skills'],
};

function levelOf(text) {
  const k = asciiKey(text);
  if (k.includes('truong')) return 'school';
  if (k.includes('thon') || k.includes('khu pho') || k.includes('village') || k.includes('to dan pho')) return 'village';
  return 'commune';
}

function rolesOf(text) {
  const out = new Set();
  for (const part of text.split(/[;,+/]/).map(asciiKey).filter(Boolean)) {
    if (ROLES.some(([code]) => code === part)) out.add(part);
    else if (/truong thon|truong khu pho|to truong/.test(part)) out.add('village_head');
    else if (/doan|thanh nien/.test(part)) out.add('youth_union');
    else if (/phu nu/.test(part)) out.add('women_union');
    else if (/buu|vien thong|viettel|vnpt|mobifone|doanh nghiep/.test(part)) out.add('enterprise_staff');
    else if (/can bo|cong chuc|ubnd/.test(part)) out.add('commune_official');
    else out.add('other');
  }
  return [...out];
}

/** A roster from CSV rows: one team per team id, one member per row. */
function rosterOf(text) {
  const [header, ...rows] = csvRows(text);
  if (!header) return { teams: [] };
  const keys = header.map(asciiKey);
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, keys.findIndex((h) => names.includes(h))]));
  const get = (row, k) => (at[k] >= 0 ? (row[at[k]] ?? '').trim() : '');
  const teams = new Map();
  for (const row of rows) {
    let commune = get(row, 'commune');
    if (commune && !/^\d+$/.test(commune)) {
      const r = resolveUnit(commune, { level: 'commune' });
      if (r.status === 'unique') commune = r.candidates[0].code;
    }
    const key = get(row, 'id') || `${get(row, 'level')}|${commune}|${get(row, 'village')}`;
    let t = teams.get(key);
    if (!t) {
      t = { level: levelOf(get(row, 'level')), commune, members: [] };
      if (get(row, 'id')) t.id = get(row, 'id');
      if (t.level === 'village') t.village = get(row, 'village');
      if (get(row, 'zalo')) t.zalo_group = get(row, 'zalo');
      if (get(row, 'decisionNumber')) t.decision = { number: get(row, 'decisionNumber'), date: get(row, 'decisionDate') };
      teams.set(key, t);
    }
    if (get(row, 'name')) {
      const m = { name: get(row, 'name'), roles: rolesOf(get(row, 'roles')) };
      if (get(row, 'birth')) m.birth_date = get(row, 'birth');
      if (get(row, 'phone')) m.phone = get(row, 'phone');
      if (get(row, 'it')) m.it_skills = /^(co|x|yes|true|1)$/.test(asciiKey(get(row, 'it')));
      t.members.push(m);
    }
  }
  return { teams: [...teams.values()] };
}

const pct = (m) => (m.percent === null ? '–' : `${m.percent.toFixed(1)} %`);

function chart(districts) {
  const w = 560, row = 26, left = 215, h = districts.length * row + 24;
  const x = (p) => left + ((w - left - 50) * p) / 100;
  const target = districts[0]?.communes.target_percent;
  const bars = districts.map((d, i) => {
    const p = d.communes.percent ?? 0, y = 8 + i * row;
    return `<text x="${left - 6}" y="${y + 15}" text-anchor="end">${esc(d.full_name)}</text>
      <rect class="bar${d.communes.meets_target === false ? ' miss' : ''}" x="${left}" y="${y + 3}" width="${x(p) - left}" height="${row - 8}" data-code="${d.code}"></rect>
      <text x="${x(p) + 4}" y="${y + 15}">${p.toFixed(0)} %</text>`;
  }).join('');
  const line = target == null ? '' : `<line class="target" x1="${x(target)}" x2="${x(target)}" y1="2" y2="${h - 14}"></line>
    <text x="${x(target)}" y="${h - 2}" text-anchor="middle">mục tiêu ${target} %</text>`;
  return `<svg class="bar-chart" role="img" aria-label="Tỷ lệ xã có tổ theo huyện" viewBox="0 0 ${w} ${h}" width="100%">${bars}${line}</svg>`;
}

function showCoverage() {
  const out = $('coverage');
  try {
    const roster = rosterOf($('roster-text').value);
    const cov = computeCoverage(roster);
    const check = validateRoster(roster, { as_of: today() });
    const f = check.counts.findings;
    const rows = cov.districts.map((d) => `<tr data-code="${d.code}"><td>${esc(d.full_name)}</td><td>${d.communes.covered}/${d.communes.total}</td>
      <td>${pct(d.communes)}</td><td>${d.communes.meets_target ? '✓' : '✗'}</td>
      <td>${d.communes.missing.map((code) => esc(cov.communes.find((c) => c.code === code)?.full_name ?? code)).join(', ')}</td></tr>`).join('');
    const p = cov.provinces[0];
    out.innerHTML = `<p>${roster.teams.length} tổ, ${check.counts.members} thành viên: ${f.error} lỗi, ${f.warning} cảnh báo.
        ${p ? `Toàn tỉnh: ${p.communes.covered}/${p.communes.total} xã có tổ (${pct(p.communes)}).` : ''}</p>
      ${chart(cov.districts)}
      <table id="coverage-table"><thead><tr><th>Huyện</th><th>Xã có tổ</th><th>Tỷ lệ</th><th>Đạt</th><th>Xã chưa có tổ</th></tr></thead><tbody>${rows}</tbody></table>`;
  } catch (e) {
    showError(out, e);
  }
}

// ------------------------------------------------------------------ start

try {
  await init();
  fillDistricts();
  addMember();
  for (const id of ['district', 'commune', 'level', 'village', 'zalo', 'decision-number', 'decision-date']) {
    $(id).addEventListener('input', () => { if (id === 'district') fillCommunes(); update(); });
  }
  $('members').addEventListener('input', update);
  $('add-member').addEventListener('click', () => { addMember(); update(); });
  $('name-check').addEventListener('click', (e) => {
    const name = e.target.dataset?.use;
    if (name) { $('zalo').value = name; update(); }
  });
  $('roster-file').addEventListener('change', async () => {
    const file = $('roster-file').files[0];
    if (file) { $('roster-text').value = await file.text(); showCoverage(); }
  });
  $('load-sample').addEventListener('click', async () => {
    $('roster-text').value = await (await fetch('/sample/roster.csv')).text();
    showCoverage();
  });
  $('compute').addEventListener('click', showCoverage);
  update();
  $('status').textContent = 'Sẵn sàng: mọi quy định được kiểm tra ngay trên máy của bạn.';
} catch (e) {
  $('status').textContent = `Không tải được bộ quy tắc: ${e.message}`;
}
