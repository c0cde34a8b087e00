// The baseline for bench:chat: a bare socket.io server speaking the same events as the API's
// /discussions namespace (channel:join, message:send → message:new to the room, ack with the
// message) but with no authentication, authorisation, validation or persistence. With REDIS_URL it
// uses the same Redis adapter. Listens on 127.0.0.1:$PORT.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';

const port = Number(process.env.PORT);
const http = createServer((req, res) => {
  res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' });
  res.end('{"status":"ok"}');
});
const io = new Server(http, { transports: ['websocket'], serveClient: false });
const redis = [];
if (process.env.REDIS_URL) {
  const pub = new Redis(process.env.REDIS_URL);
  const sub = pub.duplicate();
  redis.push(pub, sub);
  io.adapter(createAdapter(pub, sub));
}
const nsp = io.of('/discussions');
nsp.on('connection', (socket) => {
  socket.on('channel:join', (payload, ack) => {
    socket.join(`channel:${payload?.channelId}`);
    if (typeof ack === 'function') ack({ ok: true, online: [] });
  });
  socket.on('message:send', (payload, ack) => {
    const message = {
      id: randomUUID(),
      channelId: payload?.channelId,
      parentId: null,
      author: { id: socket.id, name: 'bare' },
      body: payload?.body,
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
      reactions: [],
      replyCount: 0,
      lastReplyAt: null,
      mentions: [],
    };
    socket.to(`channel:${payload?.channelId}`).emit('message:new', message);
    if (typeof ack === 'function') ack({ ok: true, message });
  });
});
http.listen(port, '127.0.0.1', () => console.log(`bare socket.io relay on ${port}`));
const stop = () => {
  io.close();
  for (const r of redis) r.disconnect();
  setTimeout(() => process.exit(0), 100).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
