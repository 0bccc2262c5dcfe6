import { randomUUID } from 'node:crypto';
import { createEvent } from '@lattice/events';
import type { RunningSubgraph } from '@lattice/subgraph-kit';
import {
  startTestSubgraph,
  startTokenIssuer,
  type TestSubgraph,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import { updateProfile } from '../src/service/profiles';
import { accounts } from '../src/subgraph';

let fixture: TestSubgraph;
let subgraph: RunningSubgraph;
let issuer: TokenIssuer;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  fixture = await startTestSubgraph(accounts, { JWKS_URL: issuer.jwksUrl });
  subgraph = fixture.subgraph;
});
afterAll(async () => {
  await fixture?.stop();
  await issuer?.close();
});

const MEDIA_URL = (mediaId: string) => `http://localhost:4000/media/public/${mediaId}/file`;

/** A `media.avatar_changed`, at `occurredAt` (now by default). */
function avatarChanged(userId: string, mediaId: string | null, occurredAt?: Date) {
  const event = createEvent('media.avatar_changed', {
    actor: userId,
    subject: userId,
    data: { userId, mediaId, url: mediaId ? MEDIA_URL(mediaId) : null },
  });
  return occurredAt ? { ...event, occurredAt: occurredAt.toISOString() } : event;
}

const registered = (userId: string) =>
  createEvent('identity.user_registered', {
    actor: userId,
    subject: userId,
    data: { userId, email: 'ada@example.com', role: 'user' },
  });

/** The in-process bus resolves publish() once accounts has applied (or dead-lettered) the event. */
const publish = (event: Parameters<TestSubgraph['bus']['publish']>[0]) => fixture.bus.publish(event);

async function avatarOf(userId: string) {
  const rows = await subgraph.orm.em
    .getConnection()
    .execute<{ avatar_url: string | null; avatar_media_id: string | null }[]>(
      'select avatar_url, avatar_media_id from accounts.profile where user_id = ?',
      [userId],
    );
  return rows[0] ? { url: rows[0].avatar_url, mediaId: rows[0].avatar_media_id } : undefined;
}

async function newUser(): Promise<string> {
  const userId = randomUUID();
  await publish(registered(userId));
  return userId;
}

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

describe('accounts consumes media.avatar_changed', () => {
  it('sets the avatar, replaces it, and clears it on removal', async () => {
    const userId = await newUser();
    const [first, second] = [randomUUID(), randomUUID()];

    await publish(avatarChanged(userId, first, ago(3)));
    expect(await avatarOf(userId)).toEqual({ mediaId: first, url: MEDIA_URL(first) });

    await publish(avatarChanged(userId, second, ago(2)));
    expect(await avatarOf(userId)).toEqual({ mediaId: second, url: MEDIA_URL(second) });

    await publish(avatarChanged(userId, null, ago(1)));
    expect(await avatarOf(userId)).toEqual({ mediaId: null, url: null });
  });

  it('keeps an external avatarUrl when the avatar is removed for a user who never had a media avatar', async () => {
    const userId = await newUser();
    await updateProfile(subgraph.orm.em.fork(), userId, { avatarUrl: 'https://example.com/me.png' });

    await publish(avatarChanged(userId, null));
    expect(await avatarOf(userId)).toEqual({ mediaId: null, url: 'https://example.com/me.png' });
  });

  it('ignores an event older than the avatar change already applied', async () => {
    const userId = await newUser();
    const [older, newer] = [randomUUID(), randomUUID()];
    await publish(avatarChanged(userId, newer, ago(1)));
    await publish(avatarChanged(userId, older, ago(5))); // retried, delivered after the newer one
    expect(await avatarOf(userId)).toEqual({ mediaId: newer, url: MEDIA_URL(newer) });

    // A removal that came later than a set, delivered first: the set stays out.
    const other = await newUser();
    await publish(avatarChanged(other, null, ago(1)));
    await publish(avatarChanged(other, older, ago(5)));
    expect(await avatarOf(other)).toEqual({ mediaId: null, url: null });
  });

  it('waits for the profile: an event before registration is retried, not lost', async () => {
    const retried = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // the bus's onRetry
    try {
      const userId = randomUUID();
      const mediaId = randomUUID();
      const early = publish(avatarChanged(userId, mediaId)); // fails: no profile yet
      await publish(registered(userId));
      await early; // a retry found the profile
      expect(await avatarOf(userId)).toEqual({ mediaId, url: MEDIA_URL(mediaId) });
      expect(String(retried.mock.calls[0]?.[0])).toContain('failed on media.avatar_changed');
    } finally {
      retried.mockRestore();
    }
  });

  it('creates nothing for an erased user', async () => {
    const userId = await newUser();
    await publish(createEvent('identity.user_deleted', { actor: null, subject: userId, data: { userId } }));
    await publish(avatarChanged(userId, randomUUID()));
    expect(await avatarOf(userId)).toBeUndefined();
  });
});

describe('updateProfile(avatarUrl)', () => {
  it('replaces the media avatar, and a media event from before it changes nothing', async () => {
    const userId = await newUser();
    const mediaId = randomUUID();
    await publish(avatarChanged(userId, mediaId, ago(10)));

    const profile = await updateProfile(subgraph.orm.em.fork(), userId, {
      avatarUrl: 'https://example.com/me.png',
    });
    expect(profile.avatarMediaId).toBeNull();
    expect(await avatarOf(userId)).toEqual({ mediaId: null, url: 'https://example.com/me.png' });

    await publish(avatarChanged(userId, randomUUID(), ago(5))); // set before the user's change
    expect(await avatarOf(userId)).toEqual({ mediaId: null, url: 'https://example.com/me.png' });
  });

  it('keeps the media avatar when another field changes', async () => {
    const userId = await newUser();
    const mediaId = randomUUID();
    await publish(avatarChanged(userId, mediaId));
    await updateProfile(subgraph.orm.em.fork(), userId, { firstName: 'Ada' });
    expect(await avatarOf(userId)).toEqual({ mediaId, url: MEDIA_URL(mediaId) });
  });
});

describe('Profile.avatar', () => {
  const PROFILE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User {
    profile { avatarUrl avatar { __typename id } } } } }`;

  async function profileAsOwner(userId: string) {
    const response = await fixture.post(
      { query: PROFILE, variables: { r: [{ __typename: 'User', id: userId }] } },
      { authorization: `Bearer ${await issuer.token('user', userId)}` },
    );
    const body = (await response.json()) as {
      data?: { _entities: [{ profile: unknown }] };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    return body.data!._entities[0].profile;
  }

  it('is a reference to the media, resolved by media', async () => {
    const userId = await newUser();
    const mediaId = randomUUID();
    await publish(avatarChanged(userId, mediaId));
    expect(await profileAsOwner(userId)).toEqual({
      avatarUrl: MEDIA_URL(mediaId),
      avatar: { __typename: 'Media', id: mediaId },
    });
  });

  it('is null without a media avatar, also when the avatar is an external URL', async () => {
    const userId = await newUser();
    expect(await profileAsOwner(userId)).toEqual({ avatarUrl: null, avatar: null });
    await updateProfile(subgraph.orm.em.fork(), userId, { avatarUrl: 'https://example.com/me.png' });
    expect(await profileAsOwner(userId)).toEqual({ avatarUrl: 'https://example.com/me.png', avatar: null });
  });
});
