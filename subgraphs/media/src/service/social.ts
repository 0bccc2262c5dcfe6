import type { EventApplier } from '@lattice/subgraph-kit';
import type { MediaRuntime } from '../runtime';
import {
  PUBLIC_AUDIENCE,
  addMember,
  friendsAudience,
  removeMember,
  shareMedia,
  unshareUse,
} from './audiences';
import { publishMedia, unpublishUse } from './publications';
import { isUuid } from './uploads';

/**
 * social: a post's pictures are shared with its audiences (`friends:<owner>`, `user:<id>`) or,
 * for `public`, published; friends' audiences follow the friendship graph.
 */
export const shareSocialAttachments: EventApplier<MediaRuntime, 'social.attachments_shared'> = async (
  em,
  { data },
) => {
  await shareMedia(em, { ...data, audiences: data.audiences.filter((name) => name !== PUBLIC_AUDIENCE) });
  if (data.audiences.includes(PUBLIC_AUDIENCE)) await publishMedia(em, data);
};

export const unshareSocialAttachments: EventApplier<MediaRuntime, 'social.attachments_unshared'> = async (
  em,
  { data },
) => {
  await unshareUse(em, data.use);
  await unpublishUse(em, data.use);
};

/** Each joins the other's friends (a malformed or self friendship is ignored). */
export const friendshipAccepted: EventApplier<MediaRuntime, 'social.friendship_accepted'> = async (
  em,
  { data: { requesterId, addresseeId } },
) => {
  if (!isUuid(requesterId) || !isUuid(addresseeId) || requesterId === addresseeId) return;
  await addMember(em, friendsAudience(requesterId), addresseeId);
  await addMember(em, friendsAudience(addresseeId), requesterId);
};

export const friendshipEnded: EventApplier<MediaRuntime, 'social.friendship_ended'> = async (
  em,
  {
    data: {
      userIds: [first, second],
    },
  },
) => {
  if (!isUuid(first) || !isUuid(second)) return;
  await removeMember(em, friendsAudience(first), second);
  await removeMember(em, friendsAudience(second), first);
};
