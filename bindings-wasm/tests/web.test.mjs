// The page of examples/web in Debian's headless Chromium, driven by playwright-core and
// served from 127.0.0.1: a wrong group name gets the right diagnostic in Vietnamese and
// the canonical name; the sample roster gets its coverage table and chart. A screenshot
// goes to target/web/page.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
// playwright-core gives the browser a fresh profile of its own in a temporary folder.
let server, browser, page, base;

before(async () => {
  assert.ok(existsSync(browserPath), `no Chromium at ${browserPath}: apt-get install chromium (tests/run-all.sh does)`);
  server = spawn(process.execPath, [join(root, 'examples/web/serve.mjs'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise((resolve, reject) => {
    server.stdout.once('data', (d) => resolve(String(d).match(/http:\/\/[\d.:]+\//)[0]));
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(base);
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Sẵn sàng'), null, { timeout: 20000 })
    .catch(async (e) => { throw new Error(`the page did not load: ${await page.textContent('#status')} ${errors.join('; ')} ${e.message}`); });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test('districts and communes come from the registry', async () => {
  const districts = await page.$$eval('#district option', (o) => o.map((x) => x.textContent));
  assert.equal(districts.length, 7);
  assert.ok(districts.includes('Huyện Thuận Nam'));
  await page.selectOption('#district', '589');
  const communes = await page.$$eval('#commune option', (o) => o.map((x) => x.value));
  assert.deepEqual(communes, ['22885', '22897', '22898', '22900', '22903', '22906', '22909', '22910']);
});

test('a wrong group name gets the diagnostic in Vietnamese and the canonical name', async () => {
  await page.selectOption('#district', '589');
  await page.selectOption('#commune', '22885');
  await page.selectOption('#level', 'village');
  await page.fill('#village', 'Thôn Phước Lợi');
  await page.click('#zalo');
  await page.keyboard.type('CNCD_Phuoc Loi_Phuoc Ha_Thuan Nam', { delay: 5 });
  await page.waitForSelector('#canonical');
  const check = await page.textContent('#name-check');
  assert.match(check, /Tiền tố "CNCD" phải viết là "CNCĐ"/);
  assert.equal(await page.textContent('#canonical'), 'CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam');
  // The team's own rules, as the member list is still empty.
  assert.match(await page.textContent('#team-check'), /TEAM-SIZE/);
  // Taking the offered name makes it right.
  await page.click('#name-check button[data-use]');
  assert.equal(await page.inputValue('#zalo'), 'CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam');
  await page.waitForSelector('#name-check .ok');
});

test('members with roles and birth dates satisfy the team rules', async () => {
  const fillMember = async (i, name, roles, birth) => {
    const row = page.locator('#members tbody tr').nth(i);
    await row.locator('.m-name').fill(name);
    for (const r of roles) await row.locator(`input[value=${r}]`).check();
    if (birth) await row.locator('.m-birth').fill(birth);
  };
  await fillMember(0, 'Nguyễn Văn An', ['village_head', 'youth_union'], '1998-04-02');
  await page.click('#add-member');
  await fillMember(1, 'Trần Thị Bình', ['women_union'], '1985-02-01');
  await page.click('#add-member');
  await fillMember(2, 'Lê Văn Cường', ['enterprise_staff'], '');
  await page.fill('#decision-number', '12/QĐ-UBND');
  await page.fill('#decision-date', '2022-06-01');
  await page.waitForSelector('#team-check .ok');
  assert.doesNotMatch(await page.textContent('#team-check'), /TEAM-SIZE|TEAM-ROLES|ORG-DECISION/);
});

test('the sample roster gets its coverage table and chart', async () => {
  await page.click('#load-sample');
  await page.waitForSelector('#coverage-table');
  assert.equal(await page.locator('.bar-chart rect.bar').count(), 7);
  const thuanNam = await page.textContent('#coverage-table tr[data-code="589"]');
  // As cncd-audit reports the same file: Cà Ná and Đô Vinh have no commune team.
  assert.match(thuanNam, /7\/8/);
  assert.match(thuanNam, /Xã Cà Ná/);
  assert.match(await page.textContent('#coverage-table tr[data-code="582"]'), /Phường Đô Vinh/);
  assert.match(await page.textContent('#coverage'), /Toàn tỉnh: 63\/65 xã có tổ/);
  mkdirSync(join(root, 'target/web'), { recursive: true });
  await page.screenshot({ path: join(root, 'target/web/page.png'), fullPage: true });
});
