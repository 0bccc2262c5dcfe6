import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, storedSecret } from '@lattice/subgraph-kit';

const SECRET_NAME = 'preview-signing';
/** Links expire on these boundaries, so a version keeps one link (and browser cache hits) for a while. */
const EXPIRY_STEP_SECONDS = 300;

/**
 * Preview links: `/sites/preview/<versionId>.<expires>.<mac>/<file>`. The grant sits in the
 * path, not the query, so the pages' relative links (about.html, styles.css, images/…) stay
 * inside it. The key is made on first start and kept in the database: links hold on every
 * replica and across restarts.
 */
export class PreviewSigner {
  private constructor(private readonly key: Buffer) {}

  static async load(em: EntityManager): Promise<PreviewSigner> {
    return new PreviewSigner(await storedSecret(em, SECRET_NAME));
  }

  /** The grant segment of a link to `versionId`, valid at least `ttlSeconds` from `now`. */
  grant(versionId: string, ttlSeconds: number, now = new Date()): string {
    const seconds = Math.floor(now.getTime() / 1000) + ttlSeconds;
    const expires = String(Math.ceil(seconds / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS);
    return `${versionId}.${expires}.${this.mac(versionId, expires)}`;
  }

  /** The version a grant segment opens, if it is ours and unexpired. */
  versionOf(segment: string, now = new Date()): string | undefined {
    const [versionId, expires, mac, ...rest] = segment.split('.');
    if (!versionId || !expires || !mac || rest.length || !isUuid(versionId)) return undefined;
    if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now.getTime()) return undefined;
    const expected = Buffer.from(this.mac(versionId, expires));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? versionId : undefined;
  }

  private mac(versionId: string, expires: string): string {
    return createHmac('sha256', this.key)
      .update(`sites-preview-v1.${versionId}.${expires}`)
      .digest('base64url');
  }
}
