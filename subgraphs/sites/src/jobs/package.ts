import type { ObjectStorage } from '@lattice/object-storage';
import type { Site, SiteFile, SiteVersion } from '../entities';
import { type ArchiveEntry, writeSiteArchive } from '../service/site-archive';

/** Where media takes handed-over files from (its imports). */
const IMPORTS_PREFIX = 'imports/sites/';

export interface PackedArchive {
  mediaId: string;
  storageKey: string;
  filename: string;
  bytes: number;
  sha256: string;
}

/** `Site Name!` → `site-name`. */
export const fileSlug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents off their letters: `Évil` → `evil`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'site';

/** Pages first (index.html leading), then the stylesheet, then the images streamed from storage. */
function* entries(storage: ObjectStorage, files: readonly SiteFile[]): Iterable<ArchiveEntry> {
  const order = { PAGE: 0, STYLESHEET: 1, IMAGE: 2 } as const;
  const sorted = [...files].sort(
    (a, b) =>
      order[a.kind] - order[b.kind] ||
      Number(b.path === 'index.html') - Number(a.path === 'index.html') ||
      a.path.localeCompare(b.path),
  );
  for (const file of sorted) {
    if (file.kind === 'IMAGE') {
      const key = file.storageKey!;
      yield { name: file.path, content: async () => (await storage.read(key)).body };
    } else {
      yield { name: file.path, content: file.content ?? '' };
    }
  }
}

/** The version's files as a ZIP, streamed into the storage where media imports it from. */
export async function packageVersion(
  storage: ObjectStorage,
  site: Site,
  version: SiteVersion,
  files: readonly SiteFile[],
  mediaId: string,
): Promise<PackedArchive> {
  const storageKey = `${IMPORTS_PREFIX}${mediaId}.zip`;
  const written = await writeSiteArchive(storage, storageKey, entries(storage, files));
  return {
    mediaId,
    storageKey,
    filename: `${fileSlug(site.name)}-v${version.number}.zip`,
    bytes: written.bytes,
    sha256: written.sha256,
  };
}
