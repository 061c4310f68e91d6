// After `vite build`: writes a brotli (.br) and a gzip (.gz) copy beside every compressible file in dist/, so the
// api's web-static plugin (@fastify/static `preCompressed`) sends the smallest one the browser accepts, with no
// compression work per request. Node's own zlib: no extra build plugin. Usage: node scripts/precompress.mjs [distDir]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
/** Text and uncompressed binary formats; images like png/woff2 are already compressed. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|ttf|map|webmanifest)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (COMPRESSIBLE.test(name)) out.push(path);
  }
  return out;
}

const started = Date.now();
let raw = 0;
let brotli = 0;
let gzip = 0;
for (const file of walk(dist)) {
  const bytes = readFileSync(file);
  if (bytes.length < MIN_BYTES) continue;
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: /\.ttf$/.test(file) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(bytes, { level: 9 });
  // A copy is only worth serving when it is smaller; otherwise the original goes out as it is.
  if (br.length < bytes.length) writeFileSync(`${file}.br`, br);
  if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz);
  raw += bytes.length;
  brotli += Math.min(br.length, bytes.length);
  gzip += Math.min(gz.length, bytes.length);
  if (bytes.length > 500_000) console.log(`  ${relative(dist, file)}: ${bytes.length} B → br ${br.length}, gzip ${gz.length}`);
}
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`precompressed ${dist}: ${kb(raw)} → brotli ${kb(brotli)}, gzip ${kb(gzip)} in ${Date.now() - started} ms`);
