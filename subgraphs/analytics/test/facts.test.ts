import { randomUUID } from 'node:crypto';
import {
  EVENT_VERSIONS,
  type EventEnvelope,
  type EventType,
  SENSITIVE_EVENTS,
  type TicketPriority,
  type TicketStatus,
} from '@lattice/events';
import { startTestSubgraph, type TestSubgraph } from '@lattice/subgraph-kit/testing';
import { analytics } from '../src/subgraph';
import { event, registration } from './support/events';

let fixture: TestSubgraph;

beforeAll(async () => {
  fixture = await startTestSubgraph(analytics);
});
afterAll(() => fixture?.stop());

const sql = <T>(query: string, params: unknown[] = []) =>
  fixture.subgraph.orm.em.getConnection().execute<T[]>(query, params);

const metric = async (name: string, day: string) => {
  const [row] = await sql<{ value: string }>(
    'select value from analytics.daily_metric where metric = ? and day = ?',
    [name, day],
  );
  return row ? Number(row.value) : 0;
};

const activity = async (userId: string, day: string) => {
  const [row] = await sql<{ events: number }>(
    'select events from analytics.daily_user_activity where user_id = ? and day = ?',
    [userId, day],
  );
  return row?.events ?? 0;
};

// One example of every contract type, so a new type without an example fails here.
function exampleOf(type: EventType, userId: string, occurredAt: string): EventEnvelope {
  const session = {
    sessionId: 'session-1',
    gymId: 'gym-1',
    gymName: 'Gym Nord',
    sessionTitle: 'Yoga with Anna',
    startsAt: '2021-03-04T18:00:00.000Z',
    timeZone: 'Europe/Paris',
  };
  const ticket = {
    ticketId: 'ticket-1',
    number: 1042,
    title: 'My invoice shows the wrong address',
    category: 'billing',
    priority: 'HIGH' as const,
    authorId: userId,
    assigneeId: 'agent-1',
  };
  const activity = {
    activityId: 'activity-1',
    ownerId: userId,
    kind: 'SHARE',
    visibility: 'FRIENDS' as const,
  };
  const examples: { [T in EventType]: EventEnvelope<T>['data'] } = {
    'identity.user_registered': { userId, email: 'ada@example.com', role: 'user' },
    'identity.user_logged_in': { userId, sessionId: 'session-secret-id', method: 'password' },
    'identity.email_verification_requested': {
      userId,
      email: 'ada@example.com',
      token: 'one-time-verification-token',
      expiresAt: occurredAt,
    },
    'identity.email_verified': { userId, email: 'ada@example.com' },
    'identity.password_reset_requested': {
      userId,
      email: 'ada@example.com',
      token: 'one-time-reset-token',
      expiresAt: occurredAt,
    },
    'identity.password_changed': { userId, via: 'reset' },
    'identity.user_role_changed': { userId, role: 'admin', previousRole: 'user' },
    'identity.user_status_changed': { userId, status: 'banned', previousStatus: 'active' },
    'identity.user_deleted': { userId },
    'identity.security_alert': { userId, kind: 'refresh_token_reuse', sessionId: 'session-secret-id' },
    'identity.session_revoked': { userId, sessionId: 'session-secret-id' },
    'accounts.profile_updated': {
      userId,
      fields: ['displayName'],
      profile: {
        displayName: 'Ada',
        locale: 'en-GB',
        timezone: 'UTC',
        phone: null,
        notifications: { email: true, sms: false, marketing: false },
      },
    },
    'billing.payment_succeeded': {
      userId,
      paymentId: 'pay_1',
      amount: 1999,
      currency: 'usd',
      purpose: 'subscription',
      plan: 'pro',
    },
    'billing.payment_failed': {
      userId,
      paymentId: 'pay_2',
      amount: 1999,
      currency: 'usd',
      declineCode: 'insufficient_funds',
    },
    'billing.refund_issued': {
      userId,
      paymentId: 'pay_1',
      refundId: 're_1',
      amount: 500,
      currency: 'usd',
      reason: 'requested_by_customer',
    },
    'billing.plan_changed': {
      userId,
      change: 'subscribed',
      fromPlan: 'free',
      toPlan: 'pro',
      status: 'active',
      monthlyAmount: 1999,
      currency: 'usd',
    },
    'billing.entitlements_changed': {
      userId,
      plan: 'pro',
      periodStart: occurredAt,
      periodEnd: '2021-04-04T10:00:00.000Z',
      limits: {
        aiTokens: 100_000,
        imageGenerations: 50,
        siteGenerations: null,
        storageBytes: 10_000_000_000,
      },
    },
    'usage.recorded': {
      userId,
      meter: 'aiTokens',
      amount: 1200,
      key: 'spender-idempotency-key',
      periodStart: occurredAt,
      periodEnd: '2021-04-04T10:00:00.000Z',
      limit: 100_000,
    },
    'notifications.delivery_sent': {
      deliveryId: 'delivery-1',
      userId,
      kind: 'email_verification',
      channel: 'email',
      attempts: 1,
      latencyMs: 42,
    },
    'notifications.delivery_failed': {
      deliveryId: 'delivery-2',
      userId,
      kind: 'payment_receipt',
      channel: 'sms',
      attempts: 5,
      reason: '550 mailbox unavailable',
    },
    'media.uploaded': {
      mediaId: 'media-1',
      userId,
      type: 'IMAGE',
      contentType: 'image/webp',
      bytes: 250_000,
      uploadedBytes: 4_000_000,
      processingMs: 180,
    },
    'media.upload_rejected': {
      uploadId: 'upload-1',
      userId,
      reason: 'TYPE_NOT_ALLOWED',
      declaredContentType: 'image/png',
      size: 5000,
    },
    'media.deleted': { mediaId: 'media-1', userId, bytes: 250_000 },
    'media.restored': { mediaId: 'media-1', userId, bytes: 250_000 },
    'media.purged': { mediaId: 'media-1', userId, bytes: 250_000 },
    'media.avatar_changed': {
      userId,
      mediaId: 'media-1',
      url: 'https://api.example.com/media/public/media-1/file',
    },
    'ai.message_completed': {
      messageId: 'message-1',
      conversationId: 'conversation-1',
      userId,
      provider: 'openai',
      model: 'gpt-4o-mini',
      status: 'FAILED',
      promptTokens: 1500,
      completionTokens: 320,
      latencyMs: 2400,
      firstTokenMs: 350,
      costPicos: 417_000_000,
      error: 'stream_cut',
    },
    'ai.image_generated': {
      imageId: 'image-1',
      userId,
      mediaId: 'media-2',
      storageKey: 'ai-images/secret-storage-key.png',
      filename: 'generated-image-1.png',
      provider: 'openai',
      model: 'gpt-image-1',
      size: '1024x1024',
      costPicos: 40_000_000_000,
      latencyMs: 9000,
    },
    'bookings.booking_confirmed': {
      ...session,
      bookingId: 'booking-1',
      userId,
      credits: 3,
      viaInvitation: true,
    },
    'bookings.booking_cancelled': {
      ...session,
      bookingId: 'booking-2',
      userId,
      reason: 'STAFF',
      creditsReleased: 2,
      note: 'Private note from the gym',
    },
    'bookings.waitlist_joined': { ...session, bookingId: 'booking-3', userId, position: 4 },
    'bookings.seat_offered': {
      ...session,
      bookingId: 'booking-3',
      userId,
      offerExpiresAt: '2021-03-04T12:00:00.000Z',
    },
    'bookings.seat_offer_expired': { ...session, bookingId: 'booking-3', userId },
    'bookings.invitation_sent': {
      ...session,
      invitationId: 'invitation-1',
      inviterId: userId,
      email: 'invitee@example.com',
      token: 'one-time-invitation-token',
    },
    'bookings.invitation_answered': {
      ...session,
      invitationId: 'invitation-1',
      inviterId: userId,
      inviteeId: 'invitee-1',
      accepted: true,
    },
    'bookings.attendance_recorded': { ...session, bookingId: 'booking-1', userId, attendance: 'NO_SHOW' },
    'bookings.session_reminder': {
      ...session,
      bookingId: 'booking-1',
      userId,
      freeCancellationUntil: '2021-03-04T06:00:00.000Z',
    },
    'bookings.session_ended': { ...session, capacity: 20, booked: 15, attended: 12, noShows: 3 },
    'bookings.session_cancelled': { ...session, cancelledBy: userId, affectedBookings: 7 },
    'bookings.induction_completed': {
      inductionId: 'induction-1',
      gymId: 'gym-1',
      gymName: 'Gym Nord',
      userId,
    },
    'bookings.review_posted': {
      reviewId: 'review-1',
      bookingId: 'booking-1',
      gymId: 'gym-1',
      gymName: 'Gym Nord',
      userId,
      rating: 4,
    },
    'bookings.picture_published': { mediaId: 'media-1', ownerId: userId, use: 'gym:gym-1' },
    'bookings.picture_unpublished': { mediaId: 'media-1', use: 'gym:gym-1' },
    'support.ticket_opened': {
      ...ticket,
      assigneeId: null,
      firstResponseDueAt: '2021-03-04T14:00:00.000Z',
      resolutionDueAt: '2021-03-06T10:00:00.000Z',
      attachments: 1,
    },
    'support.ticket_assigned': {
      ...ticket,
      previousAssigneeId: null,
      by: 'ROUND_ROBIN',
      assignedBy: null,
    },
    'support.reply_added': {
      ...ticket,
      messageId: 'message-2',
      senderId: 'agent-1',
      fromAgent: true,
      firstResponseSeconds: 900,
      attachments: 0,
    },
    'support.note_added': { ...ticket, messageId: 'message-3', senderId: 'agent-1' },
    'support.ticket_status_changed': {
      ...ticket,
      from: 'OPEN',
      to: 'RESOLVED',
      changedBy: 'agent-1',
      resolutionSeconds: 7200,
    },
    'support.ticket_priority_changed': { ...ticket, from: 'NORMAL', changedBy: 'agent-1' },
    'support.tickets_merged': { ...ticket, sourceId: 'ticket-0', sourceNumber: 41, mergedBy: 'agent-1' },
    'support.sla_breached': { ...ticket, target: 'FIRST_RESPONSE', dueAt: '2021-03-04T09:00:00.000Z' },
    'support.ticket_rated': { ...ticket, rating: 5 },
    'support.attachments_shared': {
      mediaIds: ['media-3'],
      ownerId: userId,
      use: 'ticket:ticket-1',
      audiences: ['support-agents'],
    },
    'support.attachments_unshared': { use: 'ticket:ticket-1' },
    'support.agent_added': { userId: 'agent-1', addedBy: userId },
    'support.agent_removed': { userId: 'agent-2', removedBy: null },
    'social.friend_requested': { requesterId: userId, addresseeId: 'user-2' },
    'social.friendship_accepted': { requesterId: 'user-2', addresseeId: userId },
    'social.friendship_ended': { userIds: [userId, 'user-2'], endedBy: userId, reason: 'BLOCKED' },
    'social.followed': { followerId: userId, followeeId: 'user-2' },
    'social.unfollowed': { followerId: userId, followeeId: 'user-2' },
    'social.user_blocked': { blockerId: userId, blockedId: 'user-2' },
    'social.user_unblocked': { blockerId: userId, blockedId: 'user-3' },
    'social.activity_posted': { ...activity, mediaCount: 2, sharedActivityId: 'activity-0' },
    'social.activity_deleted': activity,
    'social.activity_liked': { ...activity, likerId: 'user-2' },
    'social.activity_commented': {
      ...activity,
      commentId: 'comment-2',
      authorId: 'user-2',
      parentCommentId: 'comment-1',
      parentAuthorId: userId,
    },
    'social.attachments_shared': {
      mediaIds: ['media-4', 'media-5'],
      ownerId: userId,
      use: 'activity:activity-1',
      audiences: [`friends:${userId}`],
    },
    'social.attachments_unshared': { use: 'activity:activity-1' },
    'invoicing.invoice_issued': {
      invoiceId: 'invoice-1',
      userId,
      number: 'INV-2021-0007',
      currency: 'EUR',
      subtotal: '1500.00',
      tax: '300.00',
      total: '1800.00',
      totalMinor: 180_000,
      issueDate: '2021-03-04',
      dueDate: '2021-04-03',
      client: {
        name: 'Grace Hopper Consulting',
        email: 'grace@client.example.com',
        address: '12 Harbour Street, Portsmouth',
      },
      services: [
        { description: 'Kitchen renovation consulting', unitPrice: '120.00', unit: 'hour' },
        { description: 'Site visit travel', unitPrice: '60.00', unit: null },
      ],
      pdf: {
        mediaId: 'media-6',
        storageKey: 'invoices/secret-invoice-storage-key.pdf',
        filename: 'INV-2021-0007 Grace Hopper Consulting.pdf',
      },
    },
    'invoicing.invoice_voided': {
      invoiceId: 'invoice-1',
      userId,
      number: 'INV-2021-0007',
      currency: 'EUR',
      totalMinor: 180_000,
    },
    'sites.site_generated': {
      siteId: 'site-1',
      versionId: 'version-1',
      userId,
      number: 1,
      kind: 'SITE',
      style: 'MODERN',
      pages: 3,
      images: 2,
      repairs: 1,
      tokens: 4200,
      simulated: true,
      durationMs: 8500,
      archive: {
        mediaId: 'media-7',
        storageKey: 'imports/sites/secret-site-storage-key.zip',
        filename: 'green-leaf-yoga-v1.zip',
        bytes: 48_000,
        sha256: 'ab'.repeat(32),
      },
    },
    'sites.generation_failed': {
      siteId: 'site-1',
      versionId: 'version-2',
      userId,
      kind: 'PAGE',
      step: 'PAGES',
      reason: "The model's answer was unusable: not JSON",
      durationMs: 1500,
    },
  };
  return event(type, examples[type] as never, { actor: userId, subject: userId, occurredAt });
}

describe('analytics consumes domain events into facts', () => {
  it('records one fact per event of every contract type, without secrets or personal data', async () => {
    const userId = randomUUID();
    const occurredAt = '2021-03-04T10:00:00.000Z';
    const types = Object.keys(EVENT_VERSIONS) as EventType[];
    const events = types.map((type) => exampleOf(type, userId, occurredAt));
    for (const example of events) await fixture.bus.publish(example);

    const facts = await sql<{ id: string; type: string; actor_id: string; subject: string; data: unknown }>(
      'select id, type, actor_id, subject, data from analytics.event_fact where actor_id = ? order by type',
      [userId],
    );
    expect(facts.map((fact) => fact.type)).toEqual([...types].sort());
    expect(new Set(facts.map((fact) => fact.id))).toEqual(new Set(events.map((e) => e.id)));
    for (const fact of facts) {
      expect(fact.subject).toBe(userId);
      if (SENSITIVE_EVENTS.has(fact.type as EventType)) expect(fact.data).toBeNull();
    }
    const stored = JSON.stringify(facts);
    for (const secret of [
      'one-time-verification-token',
      'one-time-reset-token',
      'ada@example.com',
      'session-secret-id',
      'spender-idempotency-key',
      'secret-storage-key',
      'generated-image-1.png',
      'one-time-invitation-token',
      'invitee@example.com',
      'Private note from the gym',
      'Yoga with Anna',
      'My invoice shows the wrong address',
      'Grace Hopper',
      'grace@client.example.com',
      'Harbour Street',
      'Kitchen renovation consulting',
      'Site visit travel',
      'secret-invoice-storage-key',
      '.pdf',
      'secret-site-storage-key',
      'green-leaf-yoga',
    ]) {
      expect(stored).not.toContain(secret);
    }
    const byType = Object.fromEntries(facts.map((fact) => [fact.type, fact.data]));
    expect(byType['identity.user_registered']).toEqual({ role: 'user' });
    expect(byType['identity.user_logged_in']).toEqual({ method: 'password' });
    expect(byType['identity.user_role_changed']).toEqual({ role: 'admin', previousRole: 'user' });
    expect(byType['accounts.profile_updated']).toEqual({ fields: ['displayName'] });
    expect(byType['billing.refund_issued']).toEqual({
      userId,
      paymentId: 'pay_1',
      refundId: 're_1',
      amount: 500,
      currency: 'usd',
      reason: 'requested_by_customer',
    });
    expect(byType['usage.recorded']).toEqual({
      userId,
      meter: 'aiTokens',
      amount: 1200,
      periodStart: occurredAt,
      periodEnd: '2021-04-04T10:00:00.000Z',
      limit: 100_000,
    });

    expect(byType['notifications.delivery_sent']).toEqual({
      kind: 'email_verification',
      channel: 'email',
      attempts: 1,
      latencyMs: 42,
    });
    expect(await metric('notifications.sent', '2021-03-04')).toBe(1);
    expect(await metric('notifications.emails_sent', '2021-03-04')).toBe(1);
    expect(await metric('notifications.failed', '2021-03-04')).toBe(1);

    expect(byType['media.uploaded']).toEqual({
      type: 'IMAGE',
      contentType: 'image/webp',
      bytes: 250_000,
      uploadedBytes: 4_000_000,
      processingMs: 180,
    });
    expect(byType['media.avatar_changed']).toEqual({});
    expect(await metric('media.uploads', '2021-03-04')).toBe(1);
    expect(await metric('media.uploaded_bytes', '2021-03-04')).toBe(250_000);
    expect(await metric('media.rejected', '2021-03-04')).toBe(1);
    expect(await metric('media.purged_bytes', '2021-03-04')).toBe(250_000);

    expect(byType['ai.message_completed']).toEqual({
      messageId: 'message-1',
      conversationId: 'conversation-1',
      userId,
      provider: 'openai',
      model: 'gpt-4o-mini',
      status: 'FAILED',
      promptTokens: 1500,
      completionTokens: 320,
      latencyMs: 2400,
      firstTokenMs: 350,
      costPicos: 417_000_000,
      error: 'stream_cut',
    });
    expect(byType['ai.image_generated']).toEqual({
      imageId: 'image-1',
      userId,
      mediaId: 'media-2',
      provider: 'openai',
      model: 'gpt-image-1',
      size: '1024x1024',
      costPicos: 40_000_000_000,
      latencyMs: 9000,
    });
    expect(await metric('ai.replies', '2021-03-04')).toBe(1);
    expect(await metric('ai.replies_failed', '2021-03-04')).toBe(1);
    expect(await metric('ai.prompt_tokens', '2021-03-04')).toBe(1500);
    expect(await metric('ai.completion_tokens', '2021-03-04')).toBe(320);
    expect(await metric('ai.images', '2021-03-04')).toBe(1);

    const kept = { sessionId: 'session-1', gymId: 'gym-1', startsAt: '2021-03-04T18:00:00.000Z' };
    expect(byType['bookings.invitation_sent']).toBeNull();
    expect(byType['bookings.booking_cancelled']).toEqual({
      ...kept,
      bookingId: 'booking-2',
      userId,
      reason: 'STAFF',
      creditsReleased: 2,
    });
    expect(byType['bookings.session_ended']).toEqual({
      ...kept,
      capacity: 20,
      booked: 15,
      attended: 12,
      noShows: 3,
    });
    expect(byType['bookings.review_posted']).toEqual({
      reviewId: 'review-1',
      bookingId: 'booking-1',
      gymId: 'gym-1',
      userId,
      rating: 4,
    });
    for (const [name, value] of [
      ['bookings.confirmed', 1],
      ['bookings.confirmed_via_invitation', 1],
      ['bookings.credits_held', 3],
      ['bookings.cancelled', 1],
      ['bookings.cancelled_by_gym', 1],
      ['bookings.credits_released', 2],
      ['bookings.waitlist_joins', 1],
      ['bookings.waitlist_offers', 1],
      ['bookings.waitlist_offers_expired', 1],
      ['bookings.invitations_sent', 1],
      ['bookings.invitations_accepted', 1],
      ['bookings.no_shows', 1],
      ['bookings.sessions_ended', 1],
      ['bookings.seats_offered_capacity', 20],
      ['bookings.seats_booked', 15],
      ['bookings.seats_attended', 12],
      ['bookings.seats_no_show', 3],
      ['bookings.sessions_cancelled', 1],
      ['bookings.inductions_completed', 1],
      ['bookings.reviews', 1],
      ['bookings.review_stars', 4],
    ] as const) {
      expect([name, await metric(name, '2021-03-04')]).toEqual([name, value]);
    }

    const keptTicket = {
      ticketId: 'ticket-1',
      number: 1042,
      category: 'billing',
      priority: 'HIGH',
      authorId: userId,
      assigneeId: 'agent-1',
    };
    expect(byType['support.ticket_opened']).toEqual({
      ...keptTicket,
      assigneeId: null,
      firstResponseDueAt: '2021-03-04T14:00:00.000Z',
      resolutionDueAt: '2021-03-06T10:00:00.000Z',
      attachments: 1,
    });
    expect(byType['support.ticket_status_changed']).toEqual({
      ...keptTicket,
      from: 'OPEN',
      to: 'RESOLVED',
      changedBy: 'agent-1',
      resolutionSeconds: 7200,
    });
    expect(byType['support.note_added']).toEqual({
      ...keptTicket,
      messageId: 'message-3',
      senderId: 'agent-1',
    });
    for (const [name, value] of [
      ['support.tickets_opened', 1],
      ['support.tickets_opened_high', 1],
      ['support.assignments', 1],
      ['support.assignments_round_robin', 1],
      ['support.agent_replies', 1],
      ['support.first_responses', 1],
      ['support.first_response_seconds', 900],
      ['support.notes', 1],
      ['support.tickets_resolved', 1],
      ['support.resolution_seconds', 7200],
      ['support.sla_breaches', 1],
      ['support.sla_breaches_first_response', 1],
      ['support.ratings', 1],
      ['support.ratings_sum', 5],
      ['support.ratings_satisfied', 1],
      ['support.agents_added', 1],
      ['support.agents_removed', 1],
    ] as const) {
      expect([name, await metric(name, '2021-03-04')]).toEqual([name, value]);
    }

    const keptActivity = { activityId: 'activity-1', ownerId: userId, kind: 'SHARE', visibility: 'FRIENDS' };
    expect(byType['social.activity_posted']).toEqual({
      ...keptActivity,
      mediaCount: 2,
      sharedActivityId: 'activity-0',
    });
    expect(byType['social.activity_commented']).toEqual({
      ...keptActivity,
      commentId: 'comment-2',
      authorId: 'user-2',
      parentCommentId: 'comment-1',
      parentAuthorId: userId,
    });
    expect(byType['social.friendship_ended']).toEqual({
      userIds: [userId, 'user-2'],
      endedBy: userId,
      reason: 'BLOCKED',
    });
    expect(byType['social.attachments_unshared']).toEqual({ use: 'activity:activity-1' });
    for (const [name, value] of [
      ['social.friend_requests', 1],
      ['social.friendships_accepted', 1],
      ['social.friendships_ended', 1],
      ['social.friendships_ended_blocked', 1],
      ['social.follows', 1],
      ['social.unfollows', 1],
      ['social.blocks', 1],
      ['social.activities_posted', 1],
      ['social.shares', 1],
      ['social.activities_deleted', 1],
      ['social.likes', 1],
      ['social.comments', 1],
      ['social.comment_replies', 1],
    ] as const) {
      expect([name, await metric(name, '2021-03-04')]).toEqual([name, value]);
    }

    const keptInvoice = {
      invoiceId: 'invoice-1',
      userId,
      number: 'INV-2021-0007',
      currency: 'EUR',
      totalMinor: 180_000,
    };
    expect(byType['invoicing.invoice_issued']).toEqual({
      ...keptInvoice,
      subtotal: '1500.00',
      tax: '300.00',
      total: '1800.00',
      issueDate: '2021-03-04',
      dueDate: '2021-04-03',
      serviceCount: 2,
      pdfMediaId: 'media-6',
    });
    expect(byType['invoicing.invoice_voided']).toEqual(keptInvoice);
    for (const [name, value] of [
      ['invoicing.invoices_issued', 1],
      ['invoicing.services_invoiced', 2],
      ['invoicing.invoices_voided', 1],
    ] as const) {
      expect([name, await metric(name, '2021-03-04')]).toEqual([name, value]);
    }

    expect(byType['sites.site_generated']).toEqual({
      siteId: 'site-1',
      versionId: 'version-1',
      userId,
      number: 1,
      kind: 'SITE',
      style: 'MODERN',
      pages: 3,
      images: 2,
      repairs: 1,
      tokens: 4200,
      simulated: true,
      durationMs: 8500,
      archiveMediaId: 'media-7',
      archiveBytes: 48_000,
    });
    expect(byType['sites.generation_failed']).toMatchObject({
      step: 'PAGES',
      kind: 'PAGE',
      durationMs: 1500,
    });
    for (const [name, value] of [
      ['sites.sites_generated', 1],
      ['sites.generation_ms', 8500],
      ['sites.generations_failed', 1],
    ] as const) {
      expect([name, await metric(name, '2021-03-04')]).toEqual([name, value]);
    }

    expect(await metric('events', '2021-03-04')).toBe(types.length);
    expect(await metric('identity.signups', '2021-03-04')).toBe(1);
    expect(await metric('identity.deletions', '2021-03-04')).toBe(1);
    for (const name of [
      'billing.payments',
      'billing.payments_failed',
      'billing.refunds',
      'billing.plan_changes',
    ]) {
      expect(await metric(name, '2021-03-04')).toBe(1);
    }
    expect(await metric('usage.records', '2021-03-04')).toBe(1);
    expect(await metric('usage.ai_tokens', '2021-03-04')).toBe(1200);
    // A meter the event did not spend, or a status the reply did not end in, gets no row, not a 0.
    const [others] = await sql<{ count: string }>(
      `select count(*) from analytics.daily_metric where day = '2021-03-04'
       and metric in ('usage.image_generations', 'usage.site_generations', 'ai.replies_cancelled',
                      'bookings.cancelled_in_time', 'bookings.cancelled_late', 'bookings.invitations_declined',
                      'bookings.checked_in', 'bookings.checked_out', 'support.tickets_opened_normal',
                      'support.author_replies', 'support.tickets_reopened', 'support.tickets_closed',
                      'support.sla_breaches_resolution', 'support.assignments_manual', 'support.unassignments',
                      'social.friendships_ended_unfriended', 'social.posts', 'social.domain_activities')`,
    );
    expect(Number(others!.count)).toBe(0);
    expect(await activity(userId, '2021-03-04')).toBe(types.length);
  });

  it('counts a redelivered event once, in the fact and in every rollup', async () => {
    const day = '2021-05-06';
    const first = registration(`${day}T08:00:00.000Z`);
    const second = registration(`${day}T23:59:59.999Z`);
    await fixture.bus.publish(first);
    await fixture.bus.publish(first); // redelivery: same id
    await fixture.bus.publish(second);
    await fixture.bus.publish(first);

    const [facts] = await sql<{ count: string }>(
      'select count(*) from analytics.event_fact where id in (?, ?)',
      [first.id, second.id],
    );
    expect(Number(facts!.count)).toBe(2);
    expect(await metric('identity.signups', day)).toBe(2);
    expect(await metric('events', day)).toBe(2);
    expect(await activity(first.actor!, day)).toBe(1);
    // The next UTC day is untouched.
    expect(await metric('identity.signups', '2021-05-07')).toBe(0);
  });

  it("counts bookings' cancellations by reason, attendance by kind, and sums occupancy exactly", async () => {
    const day = '2021-09-10';
    const at = `${day}T12:00:00.000Z`;
    const session = {
      sessionId: randomUUID(),
      gymId: 'gym-2',
      gymName: 'Gym Sud',
      sessionTitle: 'Spin',
      startsAt: at,
      timeZone: 'Europe/Paris',
    };
    const booking = { ...session, bookingId: randomUUID(), userId: randomUUID() };
    const reasons = ['USER', 'USER', 'LATE', 'SESSION_CANCELLED', 'CAPACITY_REDUCED', 'STAFF'] as const;
    const events = [
      ...reasons.map((reason) =>
        event(
          'bookings.booking_cancelled',
          { ...booking, reason, creditsReleased: reason === 'LATE' ? 0 : 2, note: null },
          { occurredAt: at },
        ),
      ),
      ...(['CHECKED_IN', 'CHECKED_IN', 'CHECKED_OUT', 'NO_SHOW'] as const).map((attendance) =>
        event('bookings.attendance_recorded', { ...booking, attendance }, { occurredAt: at }),
      ),
      ...[
        [12, 10, 9, 1],
        [8, 3, 3, 0],
      ].map(([capacity, booked, attended, noShows]) =>
        event(
          'bookings.session_ended',
          { ...session, capacity: capacity!, booked: booked!, attended: attended!, noShows: noShows! },
          { occurredAt: at },
        ),
      ),
      ...[true, false, false].map((accepted) =>
        event(
          'bookings.invitation_answered',
          {
            ...session,
            invitationId: randomUUID(),
            inviterId: randomUUID(),
            inviteeId: randomUUID(),
            accepted,
          },
          { occurredAt: at },
        ),
      ),
    ];
    for (const example of events) await fixture.bus.publish(example);
    await fixture.bus.publish(events[0]!); // a redelivery counts nothing

    const values = Object.fromEntries(
      await Promise.all(
        [
          'bookings.cancelled',
          'bookings.cancelled_in_time',
          'bookings.cancelled_late',
          'bookings.cancelled_by_gym',
          'bookings.credits_released',
          'bookings.checked_in',
          'bookings.checked_out',
          'bookings.no_shows',
          'bookings.sessions_ended',
          'bookings.seats_offered_capacity',
          'bookings.seats_booked',
          'bookings.seats_attended',
          'bookings.seats_no_show',
          'bookings.invitations_accepted',
          'bookings.invitations_declined',
        ].map(async (name) => [name, await metric(name, day)]),
      ),
    );
    expect(values).toEqual({
      'bookings.cancelled': 6,
      'bookings.cancelled_in_time': 2,
      'bookings.cancelled_late': 1,
      'bookings.cancelled_by_gym': 3,
      'bookings.credits_released': 10,
      'bookings.checked_in': 2,
      'bookings.checked_out': 1,
      'bookings.no_shows': 1,
      'bookings.sessions_ended': 2,
      'bookings.seats_offered_capacity': 20,
      'bookings.seats_booked': 13,
      'bookings.seats_attended': 12,
      'bookings.seats_no_show': 1,
      'bookings.invitations_accepted': 1,
      'bookings.invitations_declined': 2,
    });
    // Occupancy of the day's sessions: 13 of 20 seats, not the mean of 10/12 and 3/8.
    expect(values['bookings.seats_booked'] / values['bookings.seats_offered_capacity']).toBe(0.65);
  });

  it("counts support's tickets by priority, replies by sender, reopenings and SLA breaches by target, with exact sums of seconds and ratings", async () => {
    const day = '2021-10-11';
    const at = `${day}T12:00:00.000Z`;
    const ticket = (priority: TicketPriority = 'NORMAL') => ({
      ticketId: randomUUID(),
      number: 7,
      title: 'Cannot log in',
      category: 'account',
      priority,
      authorId: randomUUID(),
      assigneeId: randomUUID() as string | null,
    });
    const reply = (fromAgent: boolean, firstResponseSeconds: number | null) =>
      event(
        'support.reply_added',
        {
          ...ticket(),
          messageId: randomUUID(),
          senderId: randomUUID(),
          fromAgent,
          firstResponseSeconds,
          attachments: 0,
        },
        { occurredAt: at },
      );
    const status = (from: TicketStatus, to: TicketStatus, resolutionSeconds: number | null = null) =>
      event(
        'support.ticket_status_changed',
        { ...ticket(), from, to, changedBy: null, resolutionSeconds },
        { occurredAt: at },
      );
    const events = [
      ...(['LOW', 'NORMAL', 'NORMAL', 'URGENT'] as const).map((priority) =>
        event(
          'support.ticket_opened',
          {
            ...ticket(priority),
            assigneeId: null,
            firstResponseDueAt: at,
            resolutionDueAt: at,
            attachments: 0,
          },
          { occurredAt: at },
        ),
      ),
      // Agents' first replies after 10 minutes and an hour, a later agent reply (no first
      // response), and two replies by authors.
      reply(true, 600),
      reply(true, 3600),
      reply(true, null),
      reply(false, null),
      reply(false, null),
      status('OPEN', 'RESOLVED', 86_400),
      status('PENDING', 'RESOLVED', 3_600),
      status('RESOLVED', 'OPEN'),
      status('PENDING', 'OPEN'),
      status('OPEN', 'PENDING'),
      status('RESOLVED', 'CLOSED'),
      ...(['FIRST_RESPONSE', 'FIRST_RESPONSE', 'RESOLUTION'] as const).map((target) =>
        event('support.sla_breached', { ...ticket(), target, dueAt: at }, { occurredAt: at }),
      ),
      ...[5, 4, 2].map((rating) =>
        event('support.ticket_rated', { ...ticket(), rating }, { occurredAt: at }),
      ),
      ...(
        [
          ['ROUND_ROBIN', true],
          ['MANUAL', true],
          ['MANUAL', true],
          ['MANUAL', false],
        ] as const
      ).map(([by, assigned]) =>
        event(
          'support.ticket_assigned',
          {
            ...ticket(),
            assigneeId: assigned ? randomUUID() : null,
            previousAssigneeId: randomUUID(),
            by,
            assignedBy: by === 'MANUAL' ? randomUUID() : null,
          },
          { occurredAt: at },
        ),
      ),
    ];
    for (const example of events) await fixture.bus.publish(example);
    await fixture.bus.publish(events[4]!); // a redelivery counts nothing

    const values = Object.fromEntries(
      await Promise.all(
        [
          'support.tickets_opened',
          'support.tickets_opened_low',
          'support.tickets_opened_normal',
          'support.tickets_opened_high',
          'support.tickets_opened_urgent',
          'support.agent_replies',
          'support.author_replies',
          'support.first_responses',
          'support.first_response_seconds',
          'support.tickets_resolved',
          'support.resolution_seconds',
          'support.tickets_reopened',
          'support.tickets_closed',
          'support.sla_breaches',
          'support.sla_breaches_first_response',
          'support.sla_breaches_resolution',
          'support.ratings',
          'support.ratings_sum',
          'support.ratings_satisfied',
          'support.assignments',
          'support.assignments_round_robin',
          'support.assignments_manual',
          'support.unassignments',
        ].map(async (name) => [name, await metric(name, day)]),
      ),
    );
    expect(values).toEqual({
      'support.tickets_opened': 4,
      'support.tickets_opened_low': 1,
      'support.tickets_opened_normal': 2,
      'support.tickets_opened_high': 0,
      'support.tickets_opened_urgent': 1,
      'support.agent_replies': 3,
      'support.author_replies': 2,
      'support.first_responses': 2,
      'support.first_response_seconds': 4200,
      'support.tickets_resolved': 2,
      'support.resolution_seconds': 90_000,
      'support.tickets_reopened': 2,
      'support.tickets_closed': 1,
      'support.sla_breaches': 3,
      'support.sla_breaches_first_response': 2,
      'support.sla_breaches_resolution': 1,
      'support.ratings': 3,
      'support.ratings_sum': 11,
      'support.ratings_satisfied': 2,
      'support.assignments': 3,
      'support.assignments_round_robin': 1,
      'support.assignments_manual': 2,
      'support.unassignments': 1,
    });
    // Averages from the exact sums: 35 minutes to a first response, 12.5 hours to resolution.
    expect(values['support.first_response_seconds'] / values['support.first_responses']).toBe(2100);
    expect(values['support.resolution_seconds'] / values['support.tickets_resolved']).toBe(45_000);
  });

  it("counts social's friendships ended by reason, activities posted by kind and replies among comments", async () => {
    const day = '2021-11-12';
    const at = `${day}T12:00:00.000Z`;
    const activity = (kind: string) => ({
      activityId: randomUUID(),
      ownerId: randomUUID(),
      kind,
      visibility: 'PUBLIC' as const,
    });
    const comment = (parentCommentId: string | null) =>
      event(
        'social.activity_commented',
        {
          ...activity('POST'),
          commentId: randomUUID(),
          authorId: randomUUID(),
          parentCommentId,
          parentAuthorId: parentCommentId ? randomUUID() : null,
        },
        { occurredAt: at },
      );
    const pair = () => ({ blockerId: randomUUID(), blockedId: randomUUID() });
    const events = [
      ...(['UNFRIENDED', 'UNFRIENDED', 'BLOCKED'] as const).map((reason) =>
        event(
          'social.friendship_ended',
          { userIds: [randomUUID(), randomUUID()], endedBy: randomUUID(), reason },
          { occurredAt: at },
        ),
      ),
      // Two posts, a share, and three activities told by other domains (one kind unknown yet).
      ...['POST', 'POST', 'SHARE', 'BOOKED', 'REVIEWED', 'RUN_COMPLETED'].map((kind) =>
        event(
          'social.activity_posted',
          { ...activity(kind), mediaCount: 0, sharedActivityId: kind === 'SHARE' ? randomUUID() : null },
          { occurredAt: at },
        ),
      ),
      comment(null),
      comment(null),
      comment(randomUUID()),
      event('social.user_blocked', pair(), { occurredAt: at }),
      event('social.user_blocked', pair(), { occurredAt: at }),
      event('social.user_unblocked', pair(), { occurredAt: at }), // counts no block
    ];
    for (const example of events) await fixture.bus.publish(example);
    await fixture.bus.publish(events[2]!); // a redelivery counts nothing

    const values = Object.fromEntries(
      await Promise.all(
        [
          'social.friendships_ended',
          'social.friendships_ended_unfriended',
          'social.friendships_ended_blocked',
          'social.activities_posted',
          'social.posts',
          'social.shares',
          'social.domain_activities',
          'social.comments',
          'social.comment_replies',
          'social.blocks',
        ].map(async (name) => [name, await metric(name, day)]),
      ),
    );
    expect(values).toEqual({
      'social.friendships_ended': 3,
      'social.friendships_ended_unfriended': 2,
      'social.friendships_ended_blocked': 1,
      'social.activities_posted': 6,
      'social.posts': 2,
      'social.shares': 1,
      'social.domain_activities': 3,
      'social.comments': 3,
      'social.comment_replies': 1,
      'social.blocks': 2,
    });
  });

  it("counts invoicing's invoices issued and voided and the service lines invoiced, keeping amounts in the facts only", async () => {
    const day = '2021-12-13';
    const at = `${day}T12:00:00.000Z`;
    const service = { description: 'Consulting', unitPrice: '100.00', unit: 'hour' };
    const issued = (currency: string, totalMinor: number, services: number) =>
      event(
        'invoicing.invoice_issued',
        {
          invoiceId: randomUUID(),
          userId: randomUUID(),
          number: 'INV-1',
          currency,
          subtotal: '0.00',
          tax: '0.00',
          total: (totalMinor / 100).toFixed(2),
          totalMinor,
          issueDate: day,
          dueDate: null,
          client: { name: 'Client', email: null, address: null },
          services: Array.from({ length: services }, () => service),
          pdf: { mediaId: randomUUID(), storageKey: `invoices/${randomUUID()}.pdf`, filename: 'INV-1.pdf' },
        },
        { occurredAt: at },
      );
    const events = [
      issued('EUR', 10_000, 3),
      issued('EUR', 25_050, 1),
      issued('USD', 99_900, 0),
      event(
        'invoicing.invoice_voided',
        {
          invoiceId: randomUUID(),
          userId: randomUUID(),
          number: 'INV-1',
          currency: 'USD',
          totalMinor: 99_900,
        },
        { occurredAt: at },
      ),
    ];
    for (const example of events) await fixture.bus.publish(example);
    await fixture.bus.publish(events[0]!); // a redelivery counts nothing

    const values = Object.fromEntries(
      await Promise.all(
        ['invoicing.invoices_issued', 'invoicing.services_invoiced', 'invoicing.invoices_voided'].map(
          async (name) => [name, await metric(name, day)],
        ),
      ),
    );
    expect(values).toEqual({
      'invoicing.invoices_issued': 3,
      'invoicing.services_invoiced': 4,
      'invoicing.invoices_voided': 1,
    });
    // No metric mixes currencies: amounts per currency are summed from the facts.
    const totals = await sql<{ currency: string; total: string }>(
      `select data->>'currency' as currency, sum((data->>'totalMinor')::bigint) as total
       from analytics.event_fact where type = 'invoicing.invoice_issued' and occurred_at = ?
       group by 1 order by 1`,
      [at],
    );
    expect(totals.map(({ currency, total }) => [currency, Number(total)])).toEqual([
      ['EUR', 35_050],
      ['USD', 99_900],
    ]);
  });

  it('records system events (no actor) without counting anyone as active', async () => {
    const subject = randomUUID();
    const system = event(
      'identity.user_role_changed',
      { userId: subject, role: 'admin', previousRole: 'user' },
      {
        actor: null,
        subject,
        occurredAt: '2021-07-08T12:00:00.000Z',
      },
    );
    await fixture.bus.publish(system);
    const [fact] = await sql<{ actor_id: string | null }>(
      'select actor_id from analytics.event_fact where id = ?',
      [system.id],
    );
    expect(fact).toEqual({ actor_id: null });
    const [active] = await sql<{ count: string }>(
      "select count(*) from analytics.daily_user_activity where day = '2021-07-08'",
    );
    expect(Number(active!.count)).toBe(0);
  });
});
