/**
 * Node flags the API runs with in production (`npm start`, the Dockerfile's CMD — keep them the
 * same). Benchmarks start our server and the baselines they compare it with (bare socket.io, stock
 * y-websocket) with these, so that both get the same runtime.
 *
 * --max-semi-space-size=8: chat and sync traffic allocate many short-lived objects per message, and
 * each scavenge of the young generation stops the server for a time that grows with what survives
 * in it. Measured with bench:chat at 1,000 msg/s (2026-12-04): the worst scavenge in each second had
 * a median of 3.9 ms (max 13) at 8 MB against 5.9 ms (max 16.8) at 32 MB. The p99 and CPU figures
 * of bench:chat and bench:collab did not move beyond their run-to-run spread either way (chat p99
 * varies 2–4× between runs here; collab scenario 2 CPU ratio 1.03 at 32 MB, 1.04 at 8 MB in the
 * same minutes). (Node 20's own ceiling on this machine is 16 MB.)
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'];
