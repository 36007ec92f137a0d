// node examples/web/serve.mjs [--port N]: serves the page on http://127.0.0.1:N (8000 by
// default; 0 picks a free port, and the first line printed says which):
//   /            examples/web/
//   /pkg/        the npm package built by bindings-wasm/scripts/build.sh
//   /sample/roster.csv   the sample roster of cncd-audit
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extname, normalize, sep } from 'node:path';

const here = fileURLToPath(new URL('./', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
const mounts = [
  ['/pkg/', `${root}bindings-wasm/pkg/`],
  ['/sample/roster.csv', `${root}examples/audit/data/sample-roster.csv`],
  ['/', here],
];
const types = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8', '.json': 'application/json', '.ts': 'text/plain', '.md': 'text/plain; charset=utf-8' };

const args = process.argv.slice(2);
const port = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : 8000;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: node examples/web/serve.mjs [--port N]');
  process.exit(2);
}

const server = createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const [prefix, dir] = mounts.find(([p]) => path === p || (p.endsWith('/') && path.startsWith(p)));
  const file = normalize(dir.endsWith('/') ? dir + path.slice(prefix.length) : dir);
  // Nothing outside the mounted folders.
  if (!file.startsWith(normalize(dir.endsWith('/') ? dir : dir.slice(0, dir.lastIndexOf('/') + 1))) || file.includes(`${sep}..${sep}`)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});
server.listen(port, '127.0.0.1', () => console.log(`cncd web page on http://127.0.0.1:${server.address().port}/`));
