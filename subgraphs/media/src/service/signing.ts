import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, storedSecret } from '@lattice/subgraph-kit';

const SECRET_NAME = 'url-signing';

/** What a signed URL grants: sending an upload's bytes, or reading one variant of a media. */
export type Grant = { kind: 'upload'; uploadId: string } | { kind: 'file'; mediaId: string; variant: string };

/**
 * Signatures for the URLs media hands out: an HMAC of what the URL grants and until when,
 * with a key made on first start and kept in the database, so URLs survive restarts and hold
 * on every replica. Share-link tokens are an HMAC of the link's id with the same key.
 */
export class UrlSigner {
  private constructor(private readonly key: Buffer) {}

  static async load(em: EntityManager): Promise<UrlSigner> {
    return new UrlSigner(await storedSecret(em, SECRET_NAME));
  }

  /** `expires` (Unix seconds) and `signature` query parameters for `grant`. */
  sign(grant: Grant, expiresAt: Date): URLSearchParams {
    const expires = String(Math.floor(expiresAt.getTime() / 1000));
    return new URLSearchParams({ expires, signature: this.mac(describe(grant), expires) });
  }

  /** Whether `query` carries a valid, unexpired signature of `grant`. */
  verify(grant: Grant, query: URLSearchParams, now = new Date()): boolean {
    const expires = query.get('expires') ?? '';
    const signature = query.get('signature') ?? '';
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now.getTime()) return false;
    return sameText(signature, this.mac(describe(grant), expires));
  }

  /** The token of a share link: its id and a MAC of it. */
  shareToken(linkId: string): string {
    return `${linkId}.${this.mac('share', linkId)}`;
  }

  /** The link id of a token this service made; undefined for anything else. */
  shareLinkId(token: string): string | undefined {
    const [linkId, mac, ...rest] = token.split('.');
    if (!linkId || !mac || rest.length || !isUuid(linkId)) return undefined;
    return sameText(mac, this.mac('share', linkId)) ? linkId : undefined;
  }

  private mac(purpose: string, value: string): string {
    return createHmac('sha256', this.key).update(`media-v1.${purpose}.${value}`).digest('base64url');
  }
}

function describe(grant: Grant): string {
  return grant.kind === 'upload' ? `upload.${grant.uploadId}` : `file.${grant.mediaId}.${grant.variant}`;
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
