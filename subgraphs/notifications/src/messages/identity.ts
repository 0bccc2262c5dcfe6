import { defineMessage } from './define';

const link = (base: string, path: string, token: string) =>
  `${base.replace(/\/$/, '')}${path}?token=${encodeURIComponent(token)}`;

export const emailVerification = defineMessage({
  kind: 'email_verification',
  event: 'identity.email_verification_requested',
  category: 'security',
  channels: ['email'],
  email: (event) => event.data.email,
  values: (event, { appUrl }) => ({ link: link(appUrl, '/verify-email', event.data.token) }),
  templates: {
    en: {
      subject: 'Confirm your email address',
      text: 'Hello {{name}},\n\nConfirm your email address by opening this link (valid for 24 hours):\n{{link}}\n\nIf you did not sign up, ignore this message.',
      html: '<p>Hello {{name}},</p><p>Confirm your email address by opening this link (valid for 24 hours):</p><p><a href="{{link}}">Confirm my address</a></p><p>If you did not sign up, ignore this message.</p>',
    },
    fr: {
      subject: 'Confirmez votre adresse e-mail',
      text: 'Bonjour {{name}},\n\nConfirmez votre adresse en ouvrant ce lien (valable 24 heures) :\n{{link}}\n\nSi vous ne vous êtes pas inscrit, ignorez ce message.',
      html: '<p>Bonjour {{name}},</p><p>Confirmez votre adresse en ouvrant ce lien (valable 24 heures) :</p><p><a href="{{link}}">Confirmer mon adresse</a></p><p>Si vous ne vous êtes pas inscrit, ignorez ce message.</p>',
    },
  },
});

export const passwordReset = defineMessage({
  kind: 'password_reset',
  event: 'identity.password_reset_requested',
  category: 'security',
  channels: ['email'],
  email: (event) => event.data.email,
  values: (event, { appUrl }) => ({ link: link(appUrl, '/reset-password', event.data.token) }),
  templates: {
    en: {
      subject: 'Reset your password',
      text: 'Hello {{name}},\n\nChoose a new password by opening this link (valid for 1 hour):\n{{link}}\n\nIf you did not ask for this, ignore this message: your password is unchanged.',
      html: '<p>Hello {{name}},</p><p>Choose a new password by opening this link (valid for 1 hour):</p><p><a href="{{link}}">Reset my password</a></p><p>If you did not ask for this, ignore this message: your password is unchanged.</p>',
    },
    fr: {
      subject: 'Réinitialisez votre mot de passe',
      text: 'Bonjour {{name}},\n\nChoisissez un nouveau mot de passe en ouvrant ce lien (valable 1 heure) :\n{{link}}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.',
      html: '<p>Bonjour {{name}},</p><p>Choisissez un nouveau mot de passe en ouvrant ce lien (valable 1 heure) :</p><p><a href="{{link}}">Réinitialiser mon mot de passe</a></p><p>Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.</p>',
    },
  },
});

export const passwordChanged = defineMessage({
  kind: 'password_changed',
  event: 'identity.password_changed',
  category: 'security',
  channels: ['email', 'inapp'],
  values: (event) => ({ how: event.data.via === 'reset' ? 'reset' : 'changed' }),
  templates: {
    en: {
      subject: 'Your password was {{how}}',
      text: 'Hello {{name}},\n\nYour password was just {{how}}. If this was not you, reset your password now and contact support.',
      html: '<p>Hello {{name}},</p><p>Your password was just {{how}}. If this was not you, reset your password now and contact support.</p>',
      inbox: { title: 'Password {{how}}', body: 'Your password was just {{how}}. Not you? Reset it now.' },
    },
  },
});

export const securityAlert = defineMessage({
  kind: 'security_alert',
  event: 'identity.security_alert',
  category: 'security',
  channels: ['email', 'sms', 'inapp'],
  urgent: true,
  values: () => ({}),
  templates: {
    en: {
      subject: 'Security alert: a session of yours was ended',
      text: 'Hello {{name}},\n\nAn old sign-in token of yours was used again, which can mean it was stolen. We ended that session. If you do not recognise this, change your password.',
      html: '<p>Hello {{name}},</p><p>An old sign-in token of yours was used again, which can mean it was stolen. We ended that session. If you do not recognise this, change your password.</p>',
      sms: 'Lattice security alert: a stolen sign-in token may have been used; that session was ended. Change your password if this was not you.',
      inbox: {
        title: 'A session was ended for your safety',
        body: 'An old sign-in token was used again. Change your password if this was not you.',
      },
    },
  },
});
