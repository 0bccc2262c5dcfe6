import { defineMessage, formatMoney } from './define';

export const paymentReceipt = defineMessage({
  kind: 'payment_receipt',
  event: 'billing.payment_succeeded',
  category: 'billing',
  channels: ['email', 'inapp'],
  values: (event) => ({
    amount: formatMoney(event.data.amount, event.data.currency),
    what: event.data.plan ? `the ${event.data.plan} plan` : event.data.purpose,
    reference: event.data.paymentId,
  }),
  templates: {
    en: {
      subject: 'Receipt: {{amount}}',
      text: 'Hello {{name}},\n\nWe received your payment of {{amount}} for {{what}}.\nReference: {{reference}}',
      html: '<p>Hello {{name}},</p><p>We received your payment of <strong>{{amount}}</strong> for {{what}}.</p><p>Reference: {{reference}}</p>',
      inbox: {
        title: 'Payment received: {{amount}}',
        body: 'Your payment of {{amount}} for {{what}} went through.',
      },
    },
  },
});

export const paymentFailed = defineMessage({
  kind: 'payment_failed',
  event: 'billing.payment_failed',
  category: 'billing',
  channels: ['email', 'sms', 'inapp'],
  values: (event) => ({ amount: formatMoney(event.data.amount, event.data.currency) }),
  templates: {
    en: {
      subject: 'Your payment of {{amount}} did not go through',
      text: 'Hello {{name}},\n\nYour payment of {{amount}} was declined. Try another card from your billing page.',
      html: '<p>Hello {{name}},</p><p>Your payment of <strong>{{amount}}</strong> was declined. Try another card from your billing page.</p>',
      sms: 'Lattice: your payment of {{amount}} was declined. Try another card from your billing page.',
      inbox: { title: 'Payment declined: {{amount}}', body: 'Try another card from your billing page.' },
    },
  },
});

export const refundIssued = defineMessage({
  kind: 'refund_issued',
  event: 'billing.refund_issued',
  category: 'billing',
  channels: ['email', 'inapp'],
  values: (event) => ({
    amount: formatMoney(event.data.amount, event.data.currency),
    reference: event.data.paymentId,
  }),
  templates: {
    en: {
      subject: 'Refund of {{amount}}',
      text: 'Hello {{name}},\n\nWe refunded {{amount}} (payment {{reference}}). It reaches your card within 5 to 10 days.',
      html: '<p>Hello {{name}},</p><p>We refunded <strong>{{amount}}</strong> (payment {{reference}}). It reaches your card within 5 to 10 days.</p>',
      inbox: { title: 'Refund of {{amount}}', body: 'It reaches your card within 5 to 10 days.' },
    },
  },
});

export const planChanged = defineMessage({
  kind: 'plan_changed',
  event: 'billing.plan_changed',
  category: 'billing',
  channels: ['email', 'inapp'],
  values: (event) => ({ plan: event.data.toPlan, change: event.data.change }),
  templates: {
    en: {
      subject: 'Your plan: {{plan}} ({{change}})',
      text: 'Hello {{name}},\n\nYour subscription changed ({{change}}): you are now on the {{plan}} plan.',
      html: '<p>Hello {{name}},</p><p>Your subscription changed ({{change}}): you are now on the <strong>{{plan}}</strong> plan.</p>',
      inbox: { title: 'Plan {{change}}: {{plan}}', body: 'You are now on the {{plan}} plan.' },
    },
  },
});
