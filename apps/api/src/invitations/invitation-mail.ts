import type { PairingRole } from '@iuc/domain';
import type { OutgoingMail } from '../mail/mail-transport.js';

export interface InvitationMailFacts {
  to: string;
  name: string;
  inviterName: string;
  pairingTitle: string;
  role: PairingRole;
  link: string;
  expiresAt: Date;
}

/** The invitation mail (English for now: mail is not yet localised). */
export function invitationMail(f: InvitationMailFacts): OutgoingMail {
  const expires = f.expiresAt.toISOString().slice(0, 10);
  return {
    to: f.to,
    subject: `${f.inviterName} invites you to the pairing ${f.pairingTitle}`,
    text: [
      `Hello ${f.name},`,
      '',
      `${f.inviterName} invites you to work on the IUC city pairing ${f.pairingTitle} as ${f.role}.`,
      '',
      'Open this link to accept the invitation and sign in:',
      f.link,
      '',
      `The link works once and expires on ${expires}. If you did not expect this invitation, ignore this mail.`,
      '',
      '— IUC Knowledge Platform',
    ].join('\n'),
  };
}
