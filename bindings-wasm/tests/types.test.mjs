// The TypeScript types against the contract: every vector's request and result, written
// as object literals, must compile under `tsc --strict` (an excess or missing field, or a
// wrong type, fails), and the types name no `any`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkg, vectors } from './helpers.mjs';

const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const types = readFileSync(new URL('index.d.ts', pkg), 'utf8');

test('the types name no any', () => {
  const code = types.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  assert.doesNotMatch(code, /\bany\b/);
});

test('every vector type-checks against index.d.ts', () => {
  const lines = ["import { call, callJson, asciiKeys, checkName, validateTeam, CncdError, type ResultOf, type Operations } from 'cncd';"];
  let n = 0;
  for (const v of vectors()) {
    if (typeof v.request === 'string' || !('ok' in v.response)) continue;
    const op = JSON.stringify(v.op);
    lines.push(`// ${v.file} :: ${v.name.replace(/\n/g, ' ')}`);
    lines.push(`{ const r: ResultOf<${op}> = ${JSON.stringify(v.response.ok)}; void r; }`);
    lines.push(`call(${op}, ${JSON.stringify(v.request)});`);
    n++;
  }
  // The functions, as a user would write them.
  lines.push("const keys: string[] = asciiKeys(['Phường Đô Vinh']); void keys;");
  lines.push("const c = checkName('CNCD_Phuoc Ha_Thuan Nam'); const s: 'ok' | 'fixable' | 'invalid' = c.status; void s;");
  lines.push("const v = validateTeam({ level: 'village', members: [] }, { as_of: '2022-12-31' }); const ok: boolean = v.valid; void ok;");
  lines.push("try { callJson('version', '{}'); } catch (e) { if (e instanceof CncdError) { const code: string = e.code; void code; } }");
  lines.push("type AllOps = keyof Operations; const op: AllOps = 'reports.draft'; void op;");
  // And what must not compile.
  lines.push("// @ts-expect-error: an unknown operation");
  lines.push("call('teams.nope', {});");
  lines.push("// @ts-expect-error: a field the request does not have");
  lines.push("call('text.clean', { text: 'a', style: 'modern' });");
  lines.push("// @ts-expect-error: a role the plan does not list");
  lines.push("validateTeam({ level: 'village', members: [{ roles: ['mayor'] }] });");
  assert.ok(n >= 350, `${n} vectors with a result`);

  const dir = mkdtempSync(join(tmpdir(), 'cncd-types-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(fileURLToPath(pkg), join(dir, 'node_modules', 'cncd'), 'dir');
    writeFileSync(join(dir, 'check.ts'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], skipLibCheck: false, types: [] },
      files: ['check.ts'],
    }));
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
    } catch (e) {
      assert.fail(`tsc found type errors:\n${(e.stdout || '').split('\n').slice(0, 40).join('\n')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
