import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { Follow, Friend, FriendRequest } from '../entities';

export interface UserRef {
  id: string;
}

/** Leaves out anyone the viewer blocked or was blocked by (column `column` of the listed rows). */
const notBlockedWith = (viewerId: string | null, column: string) =>
  viewerId
    ? {
        [raw(
          (alias) => `not exists (select 1 from social.block b
            where (b.blocker_id = ${alias}.${column} and b.blocked_id = ?) or (b.blocker_id = ? and b.blocked_id = ${alias}.${column}))`,
          [viewerId, viewerId],
        )]: [],
      }
    : {};

const users = <T>(page: Connection<T>, idOf: (row: T) => string): Connection<UserRef> => ({
  edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: { id: idOf(edge.node) } })),
  pageInfo: page.pageInfo,
});

export async function friendsOf(em: EntityManager, userId: string, viewerId: string | null, page: PageArgs) {
  const rows = await paginate(em, Friend, { userId, ...notBlockedWith(viewerId, 'friend_id') }, page, {
    orderBy: ['since', 'friendId'],
    direction: 'desc',
  });
  return users(rows, (row) => row.friendId);
}

/** Who follows `userId` (`followers`), or whom they follow (`following`), latest first. */
export async function followsOf(
  em: EntityManager,
  userId: string,
  viewerId: string | null,
  side: 'followers' | 'following',
  page: PageArgs,
) {
  const [mine, theirs, column] =
    side === 'followers'
      ? (['followeeId', 'followerId', 'follower_id'] as const)
      : (['followerId', 'followeeId', 'followee_id'] as const);
  const rows = await paginate(em, Follow, { [mine]: userId, ...notBlockedWith(viewerId, column) }, page, {
    orderBy: ['createdAt', theirs],
    direction: 'desc',
  });
  return users(rows, (row) => row[theirs]);
}

/** Friends of `userId` who are also the viewer's. */
export async function mutualFriends(em: EntityManager, userId: string, viewerId: string, page: PageArgs) {
  const rows = await paginate(
    em,
    Friend,
    {
      userId,
      [raw(
        (alias) =>
          `exists (select 1 from social.friend m where m.user_id = ? and m.friend_id = ${alias}.friend_id)`,
        [viewerId],
      )]: [],
    },
    page,
    { orderBy: ['since', 'friendId'], direction: 'desc' },
  );
  return users(rows, (row) => row.friendId);
}

/** Requests to the viewer (`incoming`) or from them, latest first. */
export async function friendRequests(em: EntityManager, viewerId: string, incoming: boolean, page: PageArgs) {
  const rows = await paginate(
    em,
    FriendRequest,
    incoming ? { addresseeId: viewerId } : { requesterId: viewerId },
    page,
    { orderBy: ['createdAt', incoming ? 'requesterId' : 'addresseeId'], direction: 'desc' },
  );
  return users(rows, (row) => (incoming ? row.requesterId : row.addresseeId));
}
