// The Node flags the app's server runs with: `npm start` (package.json, which cannot import this, so
// scripts/server-node-flags.test.ts checks it names the same), the end-to-end server and the benchmarks.
//
// Semi-spaces of 32 MiB (Node 20's default is 16 MiB): page renders allocate many short-lived objects, and a larger
// young generation is collected less often, so fewer of them are still alive (and copied) when it is. Measured
// (bench/http-pages.ts, the same rounds, 2026-12-03): 5-12% less CPU per page and 3-11% more pages per second on
// all six page figures. The young generation may grow by about 48 MiB more.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];
