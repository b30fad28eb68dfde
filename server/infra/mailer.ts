import nodemailer from 'nodemailer';

export interface OutgoingMail {
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

export function smtpMailer(url: string, from: string): Mailer {
  const transporter = nodemailer.createTransport(url);
  return {
    transport: 'smtp',
    async deliver(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
    },
    close: () => transporter.close(),
  };
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  return smtpUrl ? smtpMailer(smtpUrl, from) : storeMailer;
}
