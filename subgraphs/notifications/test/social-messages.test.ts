import { createEvent, type EventData, type EventType } from '@lattice/events';
import { MESSAGES, type MessageKind, messagesFor } from '../src/messages';
import {
  activityCommented,
  activityLiked,
  commentReplied,
  followed,
  friendRequested,
  friendshipAccepted,
} from '../src/messages/social';
import { consumers } from '../src/service/consumers';
import { render } from '../src/service/render';

/** Each social kind: whom its event is for, and its wording in every language the project writes (en, fr). */
const OWNER = 'owner-1';
const FAN = 'fan-1';
const OTHER = 'other-1';
const facts = (kind = 'POST') => ({
  activityId: 'activity/1',
  ownerId: OWNER,
  kind,
  visibility: 'FRIENDS' as const,
});
const APP = 'https://app.example.test';
const ACTIVITY = `${APP}/social/activities/activity%2F1`;

const event = <T extends EventType>(message: MessageKind<T>, data: EventData<T>) =>
  createEvent(message.event, { actor: null, subject: 'social-1', data });

/** Whom a kind's event is for (null: no one). */
const recipient = <T extends EventType>(message: MessageKind<T>, data: EventData<T>) =>
  message.userId!(event(message, data));

/** A kind's message for `data`, as the planner renders it for a recipient in `locale`. */
function rendered<T extends EventType>(message: MessageKind<T>, data: EventData<T>, locale: string) {
  const values = {
    name: 'Ada',
    ...message.values(event(message, data), { appUrl: `${APP}/`, locale }),
  };
  const result = render(message as MessageKind, locale, values);
  const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ');
  return {
    ...result,
    text: plain(result.text),
    title: result.inbox?.title ?? '',
    body: result.inbox?.body ?? '',
    link: message.link?.(values) ?? null,
  };
}

describe('social.friend_requested', () => {
  const data = { requesterId: FAN, addresseeId: OWNER };

  it('goes to the addressee, by mail and in the inbox, leading to their requests', () => {
    expect(recipient(friendRequested, data)).toBe(OWNER);
    expect(recipient(friendRequested, { requesterId: OWNER, addresseeId: OWNER })).toBeNull();
    expect(friendRequested.channels).toEqual(['email', 'inapp']);
    const english = rendered(friendRequested, data, 'en');
    expect(english.subject).toBe('You have a new friend request');
    expect(english.text).toContain(
      `Someone sent you a friend request. See who, and accept or decline it, here: ${APP}/social/requests`,
    );
    expect(english.html).toContain(`<a href="${APP}/social/requests">See your friend requests</a>`);
    expect(english).toMatchObject({ title: 'New friend request', link: `${APP}/social/requests` });
    const french = rendered(friendRequested, data, 'fr-CA');
    expect(french.subject).toBe('Vous avez une nouvelle demande d’ami');
    expect(french.title).toBe('Nouvelle demande d’ami');
  });

  it('names no one: not the requester’s id, nor anything else of them', () => {
    const english = rendered(friendRequested, data, 'en');
    for (const part of [english.subject, english.text, english.html, english.title, english.body]) {
      expect(part).not.toContain(FAN);
    }
  });
});

describe('social.friendship_accepted', () => {
  const data = { requesterId: FAN, addresseeId: OWNER };

  it('goes to the requester, in the inbox, leading to their friends', () => {
    expect(recipient(friendshipAccepted, data)).toBe(FAN);
    expect(recipient(friendshipAccepted, { requesterId: FAN, addresseeId: FAN })).toBeNull();
    expect(friendshipAccepted.channels).toEqual(['inapp']);
    expect(rendered(friendshipAccepted, data, 'en')).toMatchObject({
      title: 'Friend request accepted',
      body: 'Your friend request was accepted.',
      link: `${APP}/social/friends`,
    });
    expect(rendered(friendshipAccepted, data, 'fr').title).toBe('Demande d’ami acceptée');
  });
});

describe('social.activity_liked', () => {
  const liked = (likerId: string, kind = 'POST') => ({ ...facts(kind), likerId });

  it('goes to the owner, in the inbox alone, unless they liked it themselves', () => {
    expect(recipient(activityLiked, liked(FAN))).toBe(OWNER);
    expect(recipient(activityLiked, liked(OWNER))).toBeNull();
    expect(activityLiked.channels).toEqual(['inapp']);
  });

  it.each([
    ['POST', 'New like on your post', 'Someone liked your post.', 'Nouveau j’aime sur votre publication'],
    ['SHARE', 'New like on your share', 'Someone liked your share.', 'Nouveau j’aime sur votre partage'],
    [
      'BOOKED',
      'New like on your activity',
      'Someone liked your activity.',
      'Nouveau j’aime sur votre activité',
    ],
  ])('on a %s, in en and fr, leading to it', (kind, title, body, french) => {
    expect(rendered(activityLiked, liked(FAN, kind), 'en')).toMatchObject({ title, body, link: ACTIVITY });
    expect(rendered(activityLiked, liked(FAN, kind), 'fr').title).toBe(french);
  });
});

describe('social.activity_commented', () => {
  const comment = (authorId: string, parentAuthorId: string | null = null) => ({
    ...facts(),
    commentId: 'comment-2',
    authorId,
    parentCommentId: parentAuthorId ? 'comment-1' : null,
    parentAuthorId,
  });
  /** Who hears of a comment, and as what. */
  const told = (data: EventData<'social.activity_commented'>) =>
    Object.fromEntries(
      messagesFor
        .get('social.activity_commented')!
        .map((message) => [message.kind, message.userId!(event(message, data) as never)]),
    );

  it('a comment: to the owner, unless they wrote it', () => {
    expect(told(comment(FAN))).toEqual({ activity_commented: OWNER, comment_replied: null });
    expect(told(comment(OWNER))).toEqual({ activity_commented: null, comment_replied: null });
  });

  it('a reply: to the owner and to the author of the comment answered', () => {
    expect(told(comment(FAN, OTHER))).toEqual({ activity_commented: OWNER, comment_replied: OTHER });
  });

  it('a reply by the owner: to the comment’s author alone', () => {
    expect(told(comment(OWNER, FAN))).toEqual({ activity_commented: null, comment_replied: FAN });
  });

  it('a reply to one’s own comment: to the owner alone', () => {
    expect(told(comment(FAN, FAN))).toEqual({ activity_commented: OWNER, comment_replied: null });
  });

  it('a reply to the owner’s comment: to the owner once, as a comment', () => {
    expect(told(comment(FAN, OWNER))).toEqual({ activity_commented: OWNER, comment_replied: null });
  });

  it('the owner answering their own comment: to no one', () => {
    expect(told(comment(OWNER, OWNER))).toEqual({ activity_commented: null, comment_replied: null });
  });

  it('a parent author without a parent comment is no reply', () => {
    expect(recipient(commentReplied, { ...comment(FAN), parentAuthorId: OTHER })).toBeNull();
  });

  it('in the inbox alone, in en and fr, leading to the activity, never quoting the comment', () => {
    expect(activityCommented.channels).toEqual(['inapp']);
    expect(commentReplied.channels).toEqual(['inapp']);
    expect(rendered(activityCommented, comment(FAN), 'en')).toMatchObject({
      title: 'New comment on your post',
      body: 'Someone commented on your post.',
      link: ACTIVITY,
    });
    expect(rendered(activityCommented, comment(FAN), 'fr').title).toBe(
      'Nouveau commentaire sur votre publication',
    );
    expect(rendered(commentReplied, comment(FAN, OTHER), 'en')).toMatchObject({
      title: 'New reply to your comment',
      body: 'Someone replied to your comment.',
      link: ACTIVITY,
    });
    expect(rendered(commentReplied, comment(FAN, OTHER), 'fr').title).toBe(
      'Nouvelle réponse à votre commentaire',
    );
  });
});

describe('social.followed', () => {
  it('goes to the one followed, in the inbox, leading to their followers', () => {
    expect(recipient(followed, { followerId: FAN, followeeId: OWNER })).toBe(OWNER);
    expect(recipient(followed, { followerId: OWNER, followeeId: OWNER })).toBeNull();
    expect(followed.channels).toEqual(['inapp']);
    expect(rendered(followed, { followerId: FAN, followeeId: OWNER }, 'en')).toMatchObject({
      title: 'New follower',
      body: 'Someone started following you.',
      link: `${APP}/social/followers`,
    });
    expect(rendered(followed, { followerId: FAN, followeeId: OWNER }, 'fr').title).toBe(
      'Quelqu’un vous suit',
    );
  });
});

describe('the registry', () => {
  it('has a kind for the social events that deserve one, and consumes no other', () => {
    const kinds = Object.fromEntries(
      [...messagesFor]
        .filter(([type]) => type.startsWith('social.'))
        .map(([type, kinds]) => [type, kinds.map((kind) => kind.kind)]),
    );
    expect(kinds).toEqual({
      'social.friend_requested': ['friend_requested'],
      'social.friendship_accepted': ['friendship_accepted'],
      'social.activity_liked': ['activity_liked'],
      'social.activity_commented': ['activity_commented', 'comment_replied'],
      'social.followed': ['new_follower'],
    });
    // Never told to the other user: above all, a blocked user never hears of it.
    for (const type of [
      'social.friendship_ended',
      'social.unfollowed',
      'social.user_blocked',
      'social.user_unblocked',
      'social.activity_posted',
      'social.activity_deleted',
      'social.attachments_shared',
      'social.attachments_unshared',
    ]) {
      expect(consumers).not.toHaveProperty([type]);
    }
  });

  it('files every social kind under activity, none urgent nor by SMS, and mails the friend request alone', () => {
    const social = MESSAGES.filter((message) => message.event.startsWith('social.'));
    expect(social).toHaveLength(6);
    for (const message of social) {
      expect(message).toMatchObject({ category: 'activity' });
      expect(message.urgent).toBeUndefined();
      expect(message.channels).not.toContain('sms');
    }
    expect(social.filter((message) => message.channels.includes('email'))).toEqual([friendRequested]);
  });

  it('names every kind apart', () => {
    expect(new Set(MESSAGES.map((message) => message.kind)).size).toBe(MESSAGES.length);
  });
});
