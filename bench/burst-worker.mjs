// A client in its own thread for bench/submissions.bench.ts: the citizens' side of a burst must
// not run on the server's event loop (their browsers are not the server). It opens one
// keep-alive connection per request first (GET /health, not timed), then on 'go' sends every
// request at once and answers each one's status, body and latency.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { port, requests } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

function send(method, path, headers, body) {
  return new Promise((resolve) => {
    const t = performance.now();
    const req = request({ host: '127.0.0.1', port, path, method, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, ms: performance.now() - t }));
    });
    // A connection error counts as an answer without status (a lost submission), not a crash.
    req.on('error', (error) => resolve({ status: 0, body: String(error), ms: performance.now() - t }));
    req.end(body);
  });
}

await Promise.all(requests.map(() => send('GET', '/health', {})));
parentPort.postMessage({ ready: true });
parentPort.once('message', async () => {
  const t = performance.now();
  const replies = await Promise.all(requests.map((r) => send(r.method, r.path, r.headers, r.body)));
  const ms = performance.now() - t;
  agent.destroy();
  parentPort.postMessage({ replies, ms });
});
