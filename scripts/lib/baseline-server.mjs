// The baseline of `npm run bench`: a bare node:http server that answers every request with JSON.stringify of
// the same user object (a real answer of Roster's GET /v1/users/{id}, so the bytes on the wire match). Run
// as a child process: `node baseline-server.mjs <file holding the user JSON>`; it prints its port once listening.
import fs from 'node:fs';
import http from 'node:http';

const user = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const server = http.createServer((_request, response) => {
  const body = JSON.stringify(user);
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.once('SIGTERM', () => process.exit(0));
