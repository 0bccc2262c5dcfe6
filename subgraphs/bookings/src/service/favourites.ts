import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, type Viewer } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate, requireViewer } from '@lattice/subgraph-kit';
import { Favourite, Gym } from '../entities';
import { visibleGym } from './gyms';

export async function favourite(em: EntityManager, viewer: Viewer | null, gymId: string): Promise<Gym> {
  const userId = requireViewer(viewer).id;
  const gym = await visibleGym(em, viewer, gymId);
  if (!gym) throw notFound('No gym with this id');
  await em.execute(
    'insert into bookings.favourite (user_id, gym_id, created_at) values (?, ?, ?) on conflict do nothing',
    [userId, gym.id, new Date()],
  );
  return gym;
}

export async function unfavourite(em: EntityManager, viewer: Viewer | null, gymId: string): Promise<Gym> {
  const userId = requireViewer(viewer).id;
  const gym = await visibleGym(em, viewer, gymId);
  if (!gym) throw notFound('No gym with this id');
  await em.nativeDelete(Favourite, { userId, gymId: gym.id });
  return gym;
}

/** A user's favourite gyms, latest marked first: one query for the page, one for its gyms. */
export async function favouriteGyms(
  em: EntityManager,
  userId: string,
  args: PageArgs,
): Promise<Connection<Gym>> {
  const page = await paginate(em, Favourite, { userId }, args, {
    orderBy: ['createdAt', 'gymId'],
    direction: 'desc',
  });
  const gyms = await em.find(Gym, { id: { $in: page.edges.map((edge) => edge.node.gymId) } });
  const byId = new Map(gyms.map((gym) => [gym.id, gym]));
  return {
    pageInfo: page.pageInfo,
    edges: page.edges.flatMap((edge) => {
      const gym = byId.get(edge.node.gymId);
      return gym && gym.status !== 'HIDDEN' ? [{ cursor: edge.cursor, node: gym }] : [];
    }),
  };
}
