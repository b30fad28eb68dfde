import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** The stored mail's id: it becomes the Message-ID, the same on every attempt. */
  id: string;
  to: string;
  subject: string;
  body: string;
}

/**
 * The mail seam. Every mail is first stored in the `mails` table (so nothing is silently
 * dropped); `deliver` then hands it to the transport. The 'store' transport keeps it in the
 * app's mailbox only, for the embedded demo and for bureaus without an SMTP relay.
 */
export interface Mailer {
  transport: 'store' | 'smtp';
  deliver(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const storeMailer: Mailer = { transport: 'store', deliver: async () => {}, close: () => {} };

/**
 * The Message-ID of a stored mail: `<mail.{id}@{sender's domain}>`. SMTP has no idempotent
 * send, so a worker killed after the relay accepted a message and before the mail row is
 * marked sent sends it again when the job is retried; with the same Message-ID both copies are
 * one message to mail systems and clients that collapse duplicates (and to anyone tracing it).
 */
export function messageIdOf(mailId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'jiebang.local';
  return `<mail.${mailId}@${domain}>`;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transporter = nodemailer.createTransport(url);
  return {
    transport: 'smtp',
    async deliver(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body, messageId: messageIdOf(mail.id, from) });
    },
    close: () => transporter.close(),
  };
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  return smtpUrl ? smtpMailer(smtpUrl, from) : storeMailer;
}
