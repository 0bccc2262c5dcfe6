import { createTransport } from 'nodemailer';
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
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx: the server refuses this message for good; 4xx and network errors: try again later.
        if (code !== undefined && code >= 500)
          throw new PermanentFailure(`${code} ${(error as Error).message}`);
        throw error;
      }
    },
    async close() {
      transport.close();
    },
  };
}
