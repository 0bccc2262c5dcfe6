import { waitFor } from '@lattice/testkit';
import type { Page } from 'playwright-core';
import { newEmail, PASSWORD, registerUser } from './accounts';
import type { TestLattice } from './test-lattice';

/** Signs in on the gateway's admin console (`/admin`) with the tests' password. */
export async function signInToConsole(page: Page, lattice: TestLattice, email: string): Promise<void> {
  await page.goto(new URL('/admin', lattice.gateway.url).toString());
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Registers users until a page shows one of them: a subscription is live upstream a moment
 * after it is sent, so an account registered at once could precede it. Returns the user shown.
 */
export async function registerUntilShown(
  lattice: TestLattice,
  shows: (user: { id: string; email: string }) => Promise<boolean>,
) {
  return waitFor(
    async () => {
      const user = await registerUser(lattice, newEmail('watched'));
      const shown = await waitFor(() => shows(user), { timeoutMs: 1_500, intervalMs: 100 }).catch(
        () => false,
      );
      return shown ? user : undefined;
    },
    { timeoutMs: 15_000, message: 'a registration to show in the page' },
  );
}
