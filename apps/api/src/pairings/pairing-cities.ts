import { pairingTitle } from '@iuc/domain';

/** One city of a pairing: its authority, the side it is on and its name. */
export interface PairingAuthority {
  id: string;
  side: string;
  name: string;
}

/** A pairing's title from its city sides. */
export function titleOf(authorities: PairingAuthority[]): string {
  const side = (s: string) => authorities.filter((a) => a.side === s).map((a) => a.name);
  return pairingTitle(side('eu'), side('partner'));
}
