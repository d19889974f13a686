// Node's plain `http` module answering a string built once, the bar for Lyceum's cached answers.
// Usage: node node-hello.js PORT
'use strict';
const http = require('http');
const body = Buffer.from('{"status":"ok"}');
const port = Number(process.argv[2] || 8083);
http.createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  response.end(body);
}).listen(port, '127.0.0.1');
