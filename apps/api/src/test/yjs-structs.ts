/**
 * Writes Yjs structs back into an update (V1), for tests that forge updates Yjs itself would never
 * produce: decode a real one with Y.decodeUpdate, change its structs, encode them here. Structs are
 * grouped by client in the given order; each group's clocks follow from its first struct's.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

type Struct = Y.Item | Y.GC | Y.Skip;

export function encodeStructs(
  structs: readonly Struct[],
  ds?: ReturnType<typeof Y.decodeUpdate>['ds'],
): Uint8Array {
  const groups = new Map<number, Struct[]>();
  for (const s of structs) {
    const group = groups.get(s.id.client);
    if (group) group.push(s);
    else groups.set(s.id.client, [s]);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, groups.size);
  for (const [client, group] of groups) {
    encoding.writeVarUint(encoder.restEncoder, group.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, group[0].id.clock);
    for (const s of group) s.write(encoder, 0);
  }
  const deletes = ds ? [...ds.clients.entries()] : [];
  encoding.writeVarUint(encoder.restEncoder, deletes.length);
  for (const [client, items] of deletes) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, items.length);
    for (const item of items) {
      encoder.writeDsClock(item.clock);
      encoder.writeDsLen(item.len);
    }
  }
  return encoder.toUint8Array();
}
