import { authenticationError, type StripeApiError } from '../core/errors';

function apiKeyOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic) return Buffer.from(basic[1]!, 'base64').toString('utf8').split(':')[0];
  return undefined;
}

/** `sk_test_****…wxyz`, as Stripe shows a refused key. */
function masked(key: string): string {
  const prefix = /^[a-z]+_(test|live)_/.exec(key)?.[0] ?? '';
  if (key.length <= prefix.length + 4) return key;
  return `${prefix}${'*'.repeat(key.length - prefix.length - 4)}${key.slice(-4)}`;
}

/** Why a request's `Authorization` is refused (Stripe's 401), or undefined for a test key. */
export function authenticationFailure(header: string | undefined): StripeApiError | undefined {
  const key = apiKeyOf(header);
  if (!key) {
    return authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (!/^(sk|rk)_test_\w+$/.test(key)) {
    return authenticationError(
      `Invalid API Key provided: ${masked(key)}. The simulator accepts test keys only (sk_test_…).`,
    );
  }
  return undefined;
}
