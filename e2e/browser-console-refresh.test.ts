import type { Browser } from 'playwright-core';
import { newEmail, promoteToAdmin, registerUser } from './support/accounts';
import { launchChromium, watch } from './support/browser';
import { registerUntilShown, signInToConsole } from './support/console-page';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let browser: Browser;

// Access tokens of 5 s: the console must refresh its own, and its live connection (closed by
// the gateway when the token it opened with expires) must come back with the new one. With
// SAFELIST=true: the console runs registered operations only, its subscriptions included.
beforeAll(async () => {
  [lattice, browser] = await Promise.all([
    startTestLattice(
      { ACCESS_TOKEN_TTL_SECONDS: '5', SAFELIST: 'true' },
      { subgraphs: ['accounts', 'analytics'] },
    ),
    launchChromium(),
  ]);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await lattice?.stop();
});

describe('the admin console with short-lived access tokens, on a safelisted gateway', () => {
  it('stays signed in past several expiries, its feed and its queries still answering', async () => {
    const user = await registerUser(lattice, newEmail('console-refresh'));
    await promoteToAdmin(lattice, user.email);
    const page = await browser.newPage();
    const seen = watch(page);
    await signInToConsole(page, lattice, user.email);
    await page.getByTestId('signed-in-as').waitFor();

    await page.waitForTimeout(12_000); // past two expiries of the first token
    expect(await page.getByTestId('signed-in-as').innerText()).toBe(user.email);
    const shown = await registerUntilShown(lattice, async (u) =>
      (await page.getByTestId('events').innerText()).includes(u.email),
    );
    expect(shown.email).toMatch(/^watched-/);
    // An HTTP query with the current token (users: admin only).
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByRole('combobox', { name: `Role of ${user.email}` }).waitFor();
    expect(seen.problems).toEqual([]);
  }, 60_000);
});
