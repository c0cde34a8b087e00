/**
 * Node flags the API runs with in production (`npm start`, the Dockerfile's CMD — keep them the
 * same). Benchmarks start our server and the baselines they compare it with (bare socket.io, stock
 * y-websocket) with these, so that both get the same runtime.
 *
 * --max-semi-space-size=8: chat and sync traffic allocate many short-lived objects per message, and
 * each scavenge of the young generation stops the server for a time that grows with what survives
 * in it. Measured with bench:chat at 1,000 msg/s (2026-12-04): the worst scavenge in each second had
 * a median of 3.9 ms (max 13) at 8 MB against 5.9 ms (max 16.8) at 32 MB, and p99 latency was lower
 * at 8 MB. (Node 20's own ceiling on this machine is 16 MB.)
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'];
