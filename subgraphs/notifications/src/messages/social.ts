import type { ActivityFacts } from '@lattice/events';
import { defineMessage } from './define';

/**
 * social's messages: a friend request to its addressee, its acceptance to its requester, and
 * the interactions on one's activities (a like, a comment, a reply to one's comment) and a new
 * follower. No one hears of their own act (liking or commenting on one's own activity,
 * replying to one's own comment), and an owner answered in a thread on their activity hears of
 * it once (as a comment on it, not also as a reply).
 *
 * Only a friend request, which waits on its addressee, is mailed; the rest (frequent, and
 * switched off with every other `activity` mail if mailed) goes to the inbox alone. A message
 * names no one: a kind's values come from its event alone, which carries ids, not names (and
 * no text: a comment is never quoted).
 *
 * social's other events send nothing: `friendship_ended`, `unfollowed`, `user_blocked` and
 * `user_unblocked` are never told to the other user (above all not to a blocked one),
 * `activity_posted` and `activity_deleted` are the owner's own acts (followers see posts in
 * their feed), `attachments_shared`/`attachments_unshared` are for media.
 */

const base = (appUrl: string) => appUrl.replace(/\/$/, '');

/** The page of the app a message leads to: `{{link}}`, where its inbox entry leads too. */
const page = (appUrl: string, path: string) => ({ link: `${base(appUrl)}/social/${path}` });
const toLink = (values: Record<string, string>) => values.link!;

const NOUNS: Record<string, Record<'POST' | 'SHARE' | 'OTHER', string>> = {
  en: { POST: 'post', SHARE: 'share', OTHER: 'activity' },
  fr: { POST: 'publication', SHARE: 'partage', OTHER: 'activité' },
};

/**
 * The activity a message is about: `{{what}}` (a post, a share, or an activity, in the
 * recipient's language) and `{{link}}` (its page).
 */
const activity = (data: ActivityFacts, appUrl: string, locale: string) => {
  const nouns = NOUNS[locale.split('-')[0]!] ?? NOUNS.en!;
  const noun = data.kind === 'POST' || data.kind === 'SHARE' ? nouns[data.kind] : nouns.OTHER;
  return { what: noun, ...page(appUrl, `activities/${encodeURIComponent(data.activityId)}`) };
};

/** `userId`, unless they are the one who acted. */
const unless = (userId: string, actor: string) => (userId !== actor ? userId : null);

/** A friend request waits on its addressee: mailed, and in the inbox, leading to their requests. */
export const friendRequested = defineMessage({
  kind: 'friend_requested',
  event: 'social.friend_requested',
  category: 'activity',
  channels: ['email', 'inapp'],
  userId: ({ data }) => unless(data.addresseeId, data.requesterId),
  values: (_event, { appUrl }) => page(appUrl, 'requests'),
  link: toLink,
  templates: {
    en: {
      subject: 'You have a new friend request',
      text: 'Hello {{name}},\n\nSomeone sent you a friend request.\n\nSee who, and accept or decline it, here:\n{{link}}',
      html: '<p>Hello {{name}},</p><p>Someone sent you a friend request.</p><p><a href="{{link}}">See your friend requests</a></p>',
      inbox: {
        title: 'New friend request',
        body: 'Someone sent you a friend request. See who, and accept or decline it.',
      },
    },
    fr: {
      subject: 'Vous avez une nouvelle demande d’ami',
      text: 'Bonjour {{name}},\n\nQuelqu’un vous a envoyé une demande d’ami.\n\nDécouvrez qui, et acceptez-la ou refusez-la ici :\n{{link}}',
      html: '<p>Bonjour {{name}},</p><p>Quelqu’un vous a envoyé une demande d’ami.</p><p><a href="{{link}}">Voir vos demandes d’ami</a></p>',
      inbox: {
        title: 'Nouvelle demande d’ami',
        body: 'Quelqu’un vous a envoyé une demande d’ami. Découvrez qui, et acceptez-la ou refusez-la.',
      },
    },
  },
});

/** The requester's request was accepted: in the inbox, leading to their friends. */
export const friendshipAccepted = defineMessage({
  kind: 'friendship_accepted',
  event: 'social.friendship_accepted',
  category: 'activity',
  channels: ['inapp'],
  userId: ({ data }) => unless(data.requesterId, data.addresseeId),
  values: (_event, { appUrl }) => page(appUrl, 'friends'),
  link: toLink,
  templates: {
    en: { inbox: { title: 'Friend request accepted', body: 'Your friend request was accepted.' } },
    fr: { inbox: { title: 'Demande d’ami acceptée', body: 'Votre demande d’ami a été acceptée.' } },
  },
});

/** A like, to the activity's owner unless they liked it themselves. */
export const activityLiked = defineMessage({
  kind: 'activity_liked',
  event: 'social.activity_liked',
  category: 'activity',
  channels: ['inapp'],
  userId: ({ data }) => unless(data.ownerId, data.likerId),
  values: (event, { appUrl, locale }) => activity(event.data, appUrl, locale),
  link: toLink,
  templates: {
    en: { inbox: { title: 'New like on your {{what}}', body: 'Someone liked your {{what}}.' } },
    fr: { inbox: { title: 'Nouveau j’aime sur votre {{what}}', body: 'Quelqu’un a aimé votre {{what}}.' } },
  },
});

/** A comment (or a reply in one of its threads), to the activity's owner unless they wrote it. */
export const activityCommented = defineMessage({
  kind: 'activity_commented',
  event: 'social.activity_commented',
  category: 'activity',
  channels: ['inapp'],
  userId: ({ data }) => unless(data.ownerId, data.authorId),
  values: (event, { appUrl, locale }) => activity(event.data, appUrl, locale),
  link: toLink,
  templates: {
    en: { inbox: { title: 'New comment on your {{what}}', body: 'Someone commented on your {{what}}.' } },
    fr: {
      inbox: {
        title: 'Nouveau commentaire sur votre {{what}}',
        body: 'Quelqu’un a commenté votre {{what}}.',
      },
    },
  },
});

/**
 * A reply, to the author of the comment answered: not when they wrote it, nor when they are
 * the activity's owner (who hears of it as a comment, `activity_commented`). The second kind
 * of `social.activity_commented`.
 */
export const commentReplied = defineMessage({
  kind: 'comment_replied',
  event: 'social.activity_commented',
  category: 'activity',
  channels: ['inapp'],
  userId: ({ data }) =>
    data.parentCommentId && data.parentAuthorId && data.parentAuthorId !== data.ownerId
      ? unless(data.parentAuthorId, data.authorId)
      : null,
  values: (event, { appUrl, locale }) => activity(event.data, appUrl, locale),
  link: toLink,
  templates: {
    en: { inbox: { title: 'New reply to your comment', body: 'Someone replied to your comment.' } },
    fr: {
      inbox: {
        title: 'Nouvelle réponse à votre commentaire',
        body: 'Quelqu’un a répondu à votre commentaire.',
      },
    },
  },
});

/** A new follower, to the one followed: in the inbox, leading to their followers. */
export const followed = defineMessage({
  kind: 'new_follower',
  event: 'social.followed',
  category: 'activity',
  channels: ['inapp'],
  userId: ({ data }) => unless(data.followeeId, data.followerId),
  values: (_event, { appUrl }) => page(appUrl, 'followers'),
  link: toLink,
  templates: {
    en: { inbox: { title: 'New follower', body: 'Someone started following you.' } },
    fr: { inbox: { title: 'Quelqu’un vous suit', body: 'Quelqu’un a commencé à vous suivre.' } },
  },
});
