/**
 * Server-to-client websocket frames built once and written to every peer's socket as they are.
 * ws frames each send anew (a header buffer, cork, two writes, uncork); a relayed update goes to
 * every connection of a document unchanged, so its frame is built once. Server frames are never
 * masked (RFC 6455 §5.1), so the same bytes are valid on every connection.
 */

const FIN_BINARY = 0x82;

/** One final, unmasked binary frame carrying `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = FIN_BINARY;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 0x1_0000_0000), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerLength);
  return frame;
}
