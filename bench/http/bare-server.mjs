// The baseline: a bare node:http server answering each path with the bytes our api answered (status, content
// type, body), recorded beforehand. `node bench/http/bare-server.mjs <responses.json>` prints "READY <port>".
// Request bodies are read and dropped, as a server must before it answers a keep-alive POST.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const recorded = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const responses = new Map(recorded.map((r) => [`${r.method} ${r.path}`, { status: r.status, type: r.contentType, body: Buffer.from(r.body, 'base64') }]));
const server = createServer((request, response) => {
  const path = request.url.replace(/\/attempts\/\d+\//, '/attempts/:id/');
  const hit = responses.get(`${request.method} ${path}`);
  request.resume();
  request.on('end', () => {
    if (!hit) return response.writeHead(404).end();
    response.writeHead(hit.status, { 'content-type': hit.type, 'content-length': hit.body.length }).end(hit.body);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
