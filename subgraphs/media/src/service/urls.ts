import type { Media, ShareLink, Upload } from '../entities';
import type { MediaRuntime } from '../runtime';

/** Signed download URLs expire on these boundaries, so the same file keeps one URL (and a browser cache hit) for a while. */
const EXPIRY_STEP_SECONDS = 300;

/**
 * The URLs media hands out, all on the gateway's host: `origin` is PUBLIC_URL when set, else
 * the origin the gateway was called on (forwarded with the request), else the default port.
 */
export class MediaUrls {
  constructor(
    private readonly runtime: MediaRuntime,
    private readonly origin: string,
  ) {}

  static for(runtime: MediaRuntime, client: { origin?: string }): MediaUrls {
    const origin = runtime.settings.PUBLIC_URL ?? client.origin ?? 'http://localhost:4000';
    return new MediaUrls(runtime, origin.replace(/\/+$/, ''));
  }

  upload(upload: Upload): string {
    const query = this.runtime.signer.sign({ kind: 'upload', uploadId: upload.id }, upload.expiresAt);
    return `${this.origin}/media/uploads/${upload.id}?${query}`;
  }

  /** A signed URL of one variant, valid at least MEDIA_URL_TTL_SECONDS from now. */
  file(media: Media, variant: 'file' | 'thumbnail' | 'original'): string {
    const ttl = this.runtime.settings.MEDIA_URL_TTL_SECONDS;
    const now = Math.floor(this.runtime.now().getTime() / 1000);
    const expires = Math.ceil((now + ttl) / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
    const query = this.runtime.signer.sign(
      { kind: 'file', mediaId: media.id, variant },
      new Date(expires * 1000),
    );
    return `${this.origin}/media/files/${media.id}/${variant}?${query}`;
  }

  /** A public media's address (an avatar, a gym's picture): stable while it is public. */
  public(media: Media, variant: 'file' | 'thumbnail'): string {
    return `${this.origin}/media/public/${media.id}/${variant}`;
  }

  share(link: ShareLink): string {
    return `${this.origin}/media/shared/${this.runtime.signer.shareToken(link.id)}`;
  }
}
