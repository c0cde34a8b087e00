import { Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from './mail-transport.js';

export class SmtpMailTransport implements MailTransport, OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    this.logger.log(`Mail to ${mail.to} sent: ${mail.subject}`);
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
