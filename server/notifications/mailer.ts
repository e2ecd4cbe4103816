/** @module Sending e-mail: a small interface, and its SMTP implementation over nodemailer (when SMTP_URL is set). */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * A mailer for `smtp://user:pass@host:port` (or `smtps://…`).
 *
 * @example
 * const mailer = createSmtpMailer(env.SMTP_URL, env.SMTP_FROM);
 * await mailer.send({ to: ['a@example.org'], subject: 'یادآوری', text: '…' });
 */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transport.close();
    },
  };
}
