// Credits: a user's account (subscription, purchased and held buckets), its append-only
// ledger, and holds. Every change is a conditional update plus a ledger row in one transaction.
export { creditAccountsByUser, creditBalance, creditLedger } from './balance';
export {
  expireSubscriptionCredits,
  grantCredits,
  replaceSubscriptionCredits,
  type GrantCredits,
} from './grants';
export {
  captureCreditHold,
  captureHoldByReference,
  holdCredits,
  releaseCreditHold,
  releaseHoldByReference,
  SERVICE_PREFIX,
} from './holds';
export { spendCredits, type SpendCredits } from './spend';
export type { CreditBalance } from './store';
export { MAX_CREDITS } from './validation';
