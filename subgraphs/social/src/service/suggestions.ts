import type { EntityManager } from '@mikro-orm/postgresql';
import { type PageArgs, paginate, pageSize, prefixQuery } from '@lattice/subgraph-kit';
import { raw } from '@mikro-orm/postgresql';
import { Person } from '../entities';

/**
 * People the viewer may know: friends of their friends and people who booked at the same
 * gyms, most in common first; never themselves, their friends, anyone with a pending request
 * either way, or anyone blocked either way.
 */
export async function peopleYouMayKnow(em: EntityManager, viewerId: string, first: number) {
  const size = pageSize({ first }, { defaultFirst: 10, maxFirst: 50 });
  const rows = await em.execute<Array<{ user_id: string; mutual: string; gyms: string }>>(
    `with candidates as (
       select f2.friend_id as user_id, 1 as mutual, 0 as gyms
       from social.friend f1 join social.friend f2 on f2.user_id = f1.friend_id
       where f1.user_id = ?
       union all
       select v2.user_id, 0, 1
       from social.gym_visit v1 join social.gym_visit v2 on v2.gym_id = v1.gym_id
       where v1.user_id = ?
     )
     select c.user_id, sum(c.mutual) as mutual, sum(c.gyms) as gyms from candidates c
     where c.user_id <> ?
       and not exists (select 1 from social.friend f where f.user_id = ? and f.friend_id = c.user_id)
       and not exists (select 1 from social.friend_request r
                       where (r.requester_id = ? and r.addressee_id = c.user_id) or (r.requester_id = c.user_id and r.addressee_id = ?))
       and not exists (select 1 from social.block b
                       where (b.blocker_id = ? and b.blocked_id = c.user_id) or (b.blocker_id = c.user_id and b.blocked_id = ?))
     group by c.user_id
     order by sum(c.mutual) * 2 + sum(c.gyms) desc, c.user_id
     limit ?`,
    [viewerId, viewerId, viewerId, viewerId, viewerId, viewerId, viewerId, viewerId, size],
  );
  return rows.map((row) => ({
    user: { id: row.user_id },
    mutualFriends: Number(row.mutual),
    sharedGyms: Number(row.gyms),
  }));
}

/** People whose name has every word of `text` as a prefix, by name; no one blocked either way. */
export async function searchPeople(em: EntityManager, viewerId: string, text: string, page: PageArgs) {
  const query = prefixQuery(text, 'text');
  const found = await paginate(
    em,
    Person,
    {
      displayName: { $ne: null },
      [raw(`to_tsvector('simple', coalesce(display_name, '')) @@ to_tsquery('simple', ?)`, [query])]: [],
      [raw(
        (alias) => `not exists (select 1 from social.block b
          where (b.blocker_id = ${alias}.user_id and b.blocked_id = ?) or (b.blocker_id = ? and b.blocked_id = ${alias}.user_id))`,
        [viewerId, viewerId],
      )]: [],
    },
    page,
    { orderBy: ['displayName', 'userId'] },
  );
  return {
    edges: found.edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node.userId } })),
    pageInfo: found.pageInfo,
  };
}
