import { createEvent } from '@lattice/events';
import { waitFor } from '@lattice/testkit';
import { type SubgraphFixture, startSubgraphFixture } from '@lattice/subgraph-kit/testing';
import { Site, SiteVersion } from '../src/entities';
import type { SitesRuntime } from '../src/runtime';
import { sites } from '../src/subgraph';

// An erased user's sites go with everything they hold; another user's stay.
let subgraph: SubgraphFixture<SitesRuntime>;
beforeAll(async () => {
  // No worker: the queued versions stay queued, as a busy queue would leave them.
  subgraph = await startSubgraphFixture(sites, {
    SITES_WORKERS: '0',
    PLANS: JSON.stringify({ free: { limits: { siteGenerations: 5 } } }),
  });
}, 60_000);
afterAll(() => subgraph?.stop());

const CREATE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { id latestVersion { id status } } }`;
const count = async (table: string, ownerId: string) =>
  Number(
    (
      await subgraph
        .em()
        .getConnection()
        .execute<{ n: string }[]>(`select count(*) as n from sites.${table} where owner_id = ?`, [ownerId])
    )[0]!.n,
  );

test("identity.user_deleted erases the user's sites, versions and progress, and no one else's", async () => {
  const [gone, kept] = [await subgraph.user(), await subgraph.user()];
  for (const user of [gone, gone, kept]) {
    const { createSite } = await subgraph.ok(user.token, CREATE, {
      input: { prompt: 'A site for a florist' },
    });
    expect(createSite.latestVersion.status).toBe('QUEUED');
  }
  await subgraph.fixture.bus.publish(
    createEvent('identity.user_deleted', { actor: null, subject: gone.id, data: { userId: gone.id } }),
  );
  await waitFor(async () => (await count('site', gone.id)) === 0);
  expect(await count('site_version', gone.id)).toBe(0);
  const [orphans] = await subgraph
    .em()
    .getConnection()
    .execute<{ n: string }[]>(
      `select count(*) as n from sites.generation_event e
        where not exists (select 1 from sites.site_version v where v.id = e.version_id)`,
    );
  expect(Number(orphans!.n)).toBe(0);
  expect(await subgraph.em().count(Site, { ownerId: kept.id })).toBe(1);
  expect(await subgraph.em().count(SiteVersion, { ownerId: kept.id })).toBe(1);
});
