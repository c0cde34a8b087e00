/**
 * Node flags the API runs with in production (`npm start`, the Dockerfile's CMD — keep them the
 * same). Benchmarks start our server and the baselines they compare it with (bare socket.io, stock
 * y-websocket) with these, so that both get the same runtime.
 *
 * --max-semi-space-size=32: chat and sync traffic allocate many short-lived objects per message;
 * a larger young generation lets them die there instead of being promoted, so full collections —
 * whose concurrent marking competes with the server's one core — come less often.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];
