import { conflict, notFound, validateInput } from '@lattice/server-kit';
import { type Connection, isUuid, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { type Site, SiteVersion, type VersionKind } from '../entities';
import type { SitesRuntime } from '../runtime';
import { recordProgress } from './progress';
import { ownSite } from './sites';
import { instructionsShape, pagePath } from './validation';

interface VersionRequest {
  kind: VersionKind;
  pagePath?: string;
  basedOnId?: string;
  instructions?: string | null;
}

/**
 * Queues a new version of `site` inside the caller's transaction (the site's row locked by it,
 * or new): CONFLICT while another generation of the site is queued or running; one of the
 * plan's site generations is spent (QUOTA_EXCEEDED rolls everything back).
 */
export async function queueVersion(
  tx: EntityManager,
  runtime: Pick<SitesRuntime, 'meter' | 'feed'>,
  site: Site,
  request: VersionRequest,
): Promise<SiteVersion> {
  const active = await tx.count(SiteVersion, { siteId: site.id, status: { $in: ['QUEUED', 'RUNNING'] } });
  if (active) throw conflict('A generation of this site is already running; wait for it or cancel it', 'id');
  site.versionCount += 1;
  const version = tx.create(SiteVersion, {
    siteId: site.id,
    ownerId: site.ownerId,
    number: site.versionCount,
    kind: request.kind,
    pagePath: request.pagePath ?? null,
    basedOnId: request.basedOnId ?? null,
    instructions: request.instructions ?? null,
  });
  await tx.flush();
  await runtime.meter.record(tx, {
    userId: site.ownerId,
    meter: 'siteGenerations',
    amount: 1,
    key: `site-version:${version.id}`,
  });
  await recordProgress(tx, runtime, version, {
    step: null,
    status: 'QUEUED',
    message: request.kind === 'SITE' ? 'Queued' : `Queued: ${request.pagePath} again`,
  });
  return version;
}

/** A new version of the whole site. */
export async function regenerateSite(
  em: EntityManager,
  runtime: SitesRuntime,
  ownerId: string,
  id: string,
  instructions: unknown,
): Promise<SiteVersion> {
  const extra = validateInput(instructionsShape, instructions, 'instructions');
  const version = await em.transactional(async (tx) => {
    const site = await ownSite(tx, ownerId, id, true);
    return queueVersion(tx, runtime, site, { kind: 'SITE', instructions: extra });
  });
  runtime.worker.wake();
  return version;
}

/** A new version with one page of the current version written again. */
export async function regeneratePage(
  em: EntityManager,
  runtime: SitesRuntime,
  ownerId: string,
  id: string,
  path: unknown,
  instructions: unknown,
): Promise<SiteVersion> {
  const page = validateInput(pagePath, path, 'path');
  const extra = validateInput(instructionsShape, instructions, 'instructions');
  const version = await em.transactional(async (tx) => {
    const site = await ownSite(tx, ownerId, id, true);
    const current = await currentVersion(tx, site.id);
    if (!current) throw conflict('The site has no ready version to change yet', 'id');
    if (!current.plan?.pages.some((each) => each.path === page)) {
      throw notFound(`The site has no page ${page}`);
    }
    return queueVersion(tx, runtime, site, {
      kind: 'PAGE',
      pagePath: page,
      basedOnId: current.id,
      instructions: extra,
    });
  });
  runtime.worker.wake();
  return version;
}

/**
 * Stops the site's queued or running generation. A queued one ends now; a running one is
 * flagged, and its worker stops at once (here) or at its next heartbeat (another replica),
 * ending it CANCELLED with what it had made.
 */
export async function cancelGeneration(
  em: EntityManager,
  runtime: SitesRuntime,
  ownerId: string,
  id: string,
): Promise<SiteVersion> {
  const version = await em.transactional(async (tx) => {
    const site = await ownSite(tx, ownerId, id, true);
    const active = await tx.findOne(
      SiteVersion,
      { siteId: site.id, status: { $in: ['QUEUED', 'RUNNING'] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!active) throw conflict('No generation of this site is running', 'id');
    if (active.status === 'QUEUED') {
      active.status = 'CANCELLED';
      active.completedAt = new Date();
      await recordProgress(tx, runtime, active, { step: null, status: 'CANCELLED', message: 'Cancelled' });
    } else {
      active.cancelRequested = true;
    }
    return active;
  });
  if (version.status === 'RUNNING') runtime.worker.stopLocal(version.id, 'cancelled');
  return version;
}

/** The newest ready version of a site. */
export const currentVersion = (em: EntityManager, siteId: string) =>
  em.findOne(SiteVersion, { siteId, status: 'READY' }, { orderBy: { number: 'desc' } });

export const latestVersion = (em: EntityManager, siteId: string) =>
  em.findOne(SiteVersion, { siteId }, { orderBy: { number: 'desc' } });

export function listVersions(
  em: EntityManager,
  siteId: string,
  args: PageArgs,
): Promise<Connection<SiteVersion>> {
  return paginate(em, SiteVersion, { siteId }, args, { orderBy: ['number', 'id'], direction: 'desc' });
}

/** A version of one of the owner's sites (for `_entities`); null for anyone else's. */
export async function ownVersion(
  em: EntityManager,
  ownerId: string,
  id: string,
): Promise<SiteVersion | null> {
  return isUuid(id) ? em.findOne(SiteVersion, { id, ownerId }) : null;
}
