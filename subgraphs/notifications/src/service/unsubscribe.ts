import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { storedSecret } from '@lattice/subgraph-kit';

const SECRET_NAME = 'unsubscribe';

export interface UnsubscribeClaim {
  userId: string;
  category: string;
  channel: string;
}

/**
 * Signed unsubscribe links: whoever holds the link may turn off that one category on that one
 * channel for that one user, and nothing else, without signing in (as mail clients' one-click
 * unsubscribe does). The key is made on first start and kept, so old mails keep working.
 */
export class UnsubscribeTokens {
  private constructor(private readonly key: Buffer) {}

  static async load(em: EntityManager): Promise<UnsubscribeTokens> {
    return new UnsubscribeTokens(await storedSecret(em, SECRET_NAME));
  }

  sign(claim: UnsubscribeClaim): string {
    const payload = Buffer.from(JSON.stringify([claim.userId, claim.category, claim.channel])).toString(
      'base64url',
    );
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claim of a token this service signed; undefined for anything else. */
  verify(token: string): UnsubscribeClaim | undefined {
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length) return undefined;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const [userId, category, channel] = JSON.parse(
        Buffer.from(payload, 'base64url').toString('utf8'),
      ) as string[];
      if (typeof userId === 'string' && typeof category === 'string' && typeof channel === 'string') {
        return { userId, category, channel };
      }
    } catch {
      // signed by us, so this does not happen; refuse rather than guess
    }
    return undefined;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(`unsubscribe-v1.${payload}`).digest('base64url');
  }
}
