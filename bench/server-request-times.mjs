// Server-side request times for the HTTP benchmarks: loaded into the app server with
// BENCH_HTTP_NODE_ARGS="--import ./bench/server-request-times.mjs", it prints to stderr every 5 s the p50/p90/p99/max
// of the time from Node's "request" event (headers parsed) to the response's "finish", and how late the event loop
// ran a 10 ms timer (p50/p99/max). autocannon's latency minus these is time spent before the server read the
// request (its event loop busy with other requests, or the process not scheduled): at 50 connections the API read's
// client p99 of ~0.8 s came with a server-side p99 of ~10 ms (docs/performance.md, "The API read's tail").
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let times = [];
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  if (event === "request") {
    const start = process.hrtime.bigint();
    response.once("finish", () => times.push(Number(process.hrtime.bigint() - start) / 1e6));
  }
  return emit.apply(this, arguments);
};

const ms = (ns) => (ns / 1e6).toFixed(1);
setInterval(() => {
  if (times.length === 0) return;
  const sorted = times.sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  process.stderr.write(
    `[server] ${sorted.length} requests: handling p50 ${at(0.5)} p90 ${at(0.9)} p99 ${at(0.99)} max ${at(1)} ms; ` +
      `event loop late p50 ${ms(loop.percentile(50))} p99 ${ms(loop.percentile(99))} max ${ms(loop.max)} ms\n`,
  );
  times = [];
  loop.reset();
}, 5000).unref();
