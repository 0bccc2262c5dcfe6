import type { EventEnvelope } from '@lattice/events';
import { MESSAGES } from '../src/messages';
import { paymentReceipt } from '../src/messages/billing';
import { formatMoney } from '../src/messages/define';
import { emailVerification, passwordChanged } from '../src/messages/identity';
import { render, templatesFor } from '../src/service/render';

describe('templatesFor', () => {
  it.each([
    ['fr-CA', 'fr'],
    ['fr', 'fr'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
    // Names every object has: never taken for a language.
    ['toString', 'en'],
    ['constructor', 'en'],
    ['__proto__', 'en'],
    ['hasOwnProperty-x', 'en'],
  ])('%s → %s', (locale, chosen) => {
    const [language, wording] = templatesFor(emailVerification, locale);
    expect(language).toBe(chosen);
    expect(wording).toBe(emailVerification.templates[chosen]);
  });

  it('falls back to English for a kind without the language', () => {
    expect(templatesFor(passwordChanged, 'fr-CA')[0]).toBe('en');
  });

  it('renders every kind in any locale without throwing', () => {
    for (const message of MESSAGES) {
      for (const locale of ['fr-CA', 'toString', 'valueOf']) {
        expect(() => render(message, locale, valuesOf(message))).not.toThrow();
      }
    }
  });
});

describe('render', () => {
  it('keeps subjects, SMS and inbox titles on one line, and escapes HTML only in HTML', () => {
    const rendered = render(passwordChanged, 'en', { name: '<i>x</i>', how: 'changed\r\nBcc: a@b.c' });
    expect(rendered.subject).toBe('Your password was changed Bcc: a@b.c');
    expect(rendered.inbox!.title).toBe('Password changed Bcc: a@b.c');
    expect(rendered.html).toContain('Hello &lt;i&gt;x&lt;/i&gt;');
    expect(rendered.text).toContain('Hello <i>x</i>');
  });
});

describe('formatMoney', () => {
  it('formats minor units by the currency', () => {
    expect(formatMoney(2_900, 'usd')).toBe('$29.00');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    expect(formatMoney(1_250, 'kwd')).toMatch(/^KWD\s1\.250$/);
  });

  it('does not throw on a currency that is not one: the amount and the code as given', () => {
    expect(formatMoney(2_900, '<script>')).toBe('29.00 <SCRIPT>');
    expect(formatMoney(2_900, '')).toBe('29.00');
    const event = {
      data: {
        userId: 'u',
        paymentId: 'p',
        amount: 2_900,
        currency: 'usd\r\nBcc: x',
        purpose: 'credits',
        plan: null,
      },
    } as EventEnvelope<'billing.payment_succeeded'>;
    const values = { name: 'Ada', ...paymentReceipt.values(event, { appUrl: 'http://app', locale: 'en' }) };
    expect(render(paymentReceipt, 'en', values).subject).toBe('Receipt: 29.00 USD BCC: X');
  });
});

/** Every value a kind's templates name, so strict templates render. */
function valuesOf(message: (typeof MESSAGES)[number]): Record<string, string> {
  const names = new Set<string>(['name']);
  for (const wording of Object.values(message.templates)) {
    const sources = [
      wording.subject,
      wording.text,
      wording.html,
      wording.sms,
      wording.inbox?.title,
      wording.inbox?.body,
    ];
    for (const source of sources)
      for (const match of source?.matchAll(/{{(\w+)}}/g) ?? []) names.add(match[1]!);
  }
  return Object.fromEntries([...names].map((name) => [name, name]));
}
