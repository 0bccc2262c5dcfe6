import { createTransport } from 'nodemailer';
import { isMailbox } from '../addresses';
import { type DeliveryChannel, PermanentFailure } from './channel';

/**
 * Mail over SMTP (nodemailer, pooled connections). The delivery's id is the Message-ID, so a
 * resend after a crash between acceptance and bookkeeping can be recognised downstream.
 * Addresses and names go through nodemailer's header encoding: a newline in a name cannot
 * start a header of its own.
 */
export function emailChannel(smtpUrl: string, from: string, maxConnections: number): DeliveryChannel {
  const transport = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(delivery, recipientName) {
      if (!isMailbox(delivery.address)) throw new PermanentFailure('not one valid address');
      try {
        const info = await transport.sendMail({
          from,
          to: recipientName ? { name: recipientName, address: delivery.address } : delivery.address,
          subject: delivery.subject,
          text: delivery.text,
          ...(delivery.html ? { html: delivery.html } : {}),
          headers: delivery.headers ?? {},
          messageId: `<${delivery.id}@lattice>`,
        });
        return info.messageId;
      } catch (error) {
        const { responseCode: code, command } = error as { responseCode?: number; command?: string };
        // A 5xx to the recipient or to the message refuses this mail for good. Anything else is
        // tried again later: 4xx, the network, and a 5xx to the greeting, the login or MAIL FROM,
        // which is about our configuration (every mail alike), not about this mail.
        if (code !== undefined && code >= 500 && (command === 'RCPT TO' || command === 'DATA'))
          throw new PermanentFailure(`${code} ${(error as Error).message}`);
        throw error;
      }
    },
    async close() {
      transport.close();
    },
  };
}
