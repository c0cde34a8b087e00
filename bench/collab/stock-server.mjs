/**
 * The stock reference server, @y/websocket-server 0.1.1, without persistence: its `utils`
 * (setupWSConnection) behind the same plain HTTP server as its bin `src/server.js`. The bin itself
 * cannot be used as is: it does `WebSocket.Server` on ws's ESM default export, which ws 8.23 does not
 * provide ("WebSocket.Server is not a constructor"); this file is that bin with `WebSocketServer`.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 1234);
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(port, host, () => console.log(`stock y-websocket server at ${host}:${port}`));
// Exit normally on SIGTERM so that --cpu-prof writes its profile.
process.on('SIGTERM', () => process.exit(0));
