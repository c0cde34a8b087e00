/**
 * socket.io's packet parser with a depth check of each text packet before its JSON.parse: a 64 KB
 * frame of nested brackets costs ~26 ms to parse, blocking every other socket, and rate limits only
 * run after the parse. A packet nested deeper than the limit closes its connection (as an
 * oversized frame does); no event is handled.
 */
import * as parser from 'socket.io-parser';
import { jsonNestsDeeperThan } from '../../common/json-depth.js';

export function depthLimitedParser(maxDepth: number): {
  Encoder: typeof parser.Encoder;
  Decoder: typeof parser.Decoder;
} {
  class DepthLimitedDecoder extends parser.Decoder {
    override add(packet: unknown): void {
      // socket.io closes the connection when add() throws.
      if (typeof packet === 'string' && jsonNestsDeeperThan(packet, maxDepth))
        throw new Error(`socket.io packet nested more than ${maxDepth} levels deep`);
      super.add(packet);
    }
  }
  return { Encoder: parser.Encoder, Decoder: DepthLimitedDecoder };
}
