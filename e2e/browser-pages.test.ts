import { MySessionsDocument } from '@lattice/client';
import { waitFor } from '@lattice/testkit';
import type { Browser, Page } from 'playwright-core';
import { newEmail, promoteToAdmin, registerUser } from './support/accounts';
import { registerUntilShown, signInToConsole } from './support/console-page';
import { launchChromium, screenshot, watch } from './support/browser';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let browser: Browser;
let origin: URL;
let admin: { email: string; token: string };

beforeAll(async () => {
  [lattice, browser] = await Promise.all([
    startTestLattice({ HEALTH_PROBE_INTERVAL_MS: '200' }, { subgraphs: ['accounts', 'analytics'] }),
    launchChromium(),
  ]);
  origin = new URL(lattice.gateway.url);
  const user = await registerUser(lattice, newEmail('console-admin'));
  admin = { email: user.email, token: await promoteToAdmin(lattice, user.email) };
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await lattice?.stop();
});

/** A fresh browser profile (nothing shared between tests) on a wide screen. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  return context.newPage();
}

/** Every request (pages, scripts, XHR, WebSockets) went to the gateway, and nothing was refused or thrown. */
function expectSelfContained(seen: ReturnType<typeof watch>): void {
  expect(seen.urls.length).toBeGreaterThan(3);
  expect(seen.urls.filter((url) => new URL(url).host !== origin.host)).toEqual([]);
  expect(seen.problems).toEqual([]);
}

/** The text of one of GraphiQL's editors (CodeMirror 5), and setting it. */
const editorText = (page: Page, selector: string) =>
  page.$eval(selector, (element) => (element as any).CodeMirror.getValue() as string);
async function setEditorText(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(selector, (element, value) => (element as any).CodeMirror.setValue(value), text);
  // GraphiQL takes in an editor's text after a short debounce; a run before it runs the old text.
  await page.waitForTimeout(700);
}
const QUERY = '.graphiql-query-editor .CodeMirror';
const RESPONSE = '.graphiql-response .CodeMirror';

describe('the GraphQL IDE', () => {
  it('loads from the gateway alone and runs a query and a subscription with a bearer token', async () => {
    const page = await newPage();
    const seen = watch(page);
    // The editors run an operation once the schema has arrived (introspection).
    const schema = page.waitForResponse((response) => !!response.request().postData()?.includes('__schema'));
    await page.goto(`${origin.origin}/`); // redirected to the IDE
    expect(page.url()).toBe(`${origin.origin}/graphql`);
    await schema;
    await page.waitForSelector(QUERY);

    await page.getByText('Headers', { exact: true }).click();
    await setEditorText(
      page,
      '.graphiql-editor-tool .CodeMirror >> visible=true',
      JSON.stringify({ Authorization: `Bearer ${admin.token}` }),
    );
    await setEditorText(page, QUERY, '{ me { email role } }');
    await page.click('.graphiql-execute-button');
    await waitFor(async () => (await editorText(page, RESPONSE)).includes(admin.email), {
      message: 'the answer to the query',
    });
    expect(JSON.parse(await editorText(page, RESPONSE))).toEqual({
      data: { me: { email: admin.email, role: 'ADMIN' } },
    });

    await setEditorText(
      page,
      QUERY,
      'subscription { platformEvents(types: ["identity.user_registered"]) { type subject } }',
    );
    await page.click('.graphiql-execute-button');
    const user = await registerUntilShown(lattice, async (u) =>
      (await editorText(page, RESPONSE)).includes(u.id),
    );
    expect(JSON.parse(await editorText(page, RESPONSE))).toEqual({
      data: { platformEvents: { type: 'identity.user_registered', subject: user.id } },
    });
    // The schema's docs, from introspection.
    await page.getByRole('button', { name: /Documentation Explorer/ }).click();
    await page.getByText('Root Types').waitFor();
    const docs = await page.locator('.graphiql-doc-explorer').innerText();
    expect(docs).toMatch(/query:\s*Query/);
    expect(docs).toMatch(/subscription:\s*Subscription/);
    await screenshot(page, 'ide');
    expectSelfContained(seen);
    await page.context().close();
  }, 60_000);
});

describe('the admin console', () => {
  it('signs an admin in, shows live figures that move and registrations in the event feed', async () => {
    const page = await newPage();
    const seen = watch(page);
    await signInToConsole(page, lattice, admin.email);
    await page.getByTestId('signed-in-as').filter({ hasText: admin.email }).waitFor();

    const accounts = page.getByTestId('stat-usersTotal');
    await waitFor(async () => /^\d+$/.test(await accounts.innerText()), { message: 'a live account count' });
    const before = Number(await accounts.innerText());
    const started = Date.now();
    const user = await registerUntilShown(lattice, async (u) =>
      (await page.getByTestId('events').innerText()).includes(u.email),
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(page.getByTestId('events').innerText()).resolves.toContain('identity.user_registered');
    // The figure moved with the registrations (liveStats, every 2 s at most).
    await waitFor(async () => Number(await accounts.innerText()) > before, {
      timeoutMs: 10_000,
      message: `the account count above ${before} (${user.email} registered)`,
    });
    await waitFor(async () => (await page.getByTestId('services').innerText()).includes('analytics'), {
      message: 'service health per subgraph',
    });

    // Tokens live in memory: nothing in storage or cookies for a script to find.
    expect(
      // In the page (e2e has no DOM types): window's storages and cookies.
      await page.evaluate(() => {
        const { localStorage, sessionStorage, document } = globalThis as any;
        return { local: localStorage.length, session: sessionStorage.length, cookie: document.cookie };
      }),
    ).toEqual({ local: 0, session: 0, cookie: '' });
    await page.waitForTimeout(2_500); // a few points on the chart for the screenshot
    await screenshot(page, 'console-live');

    await page.getByRole('tab', { name: 'Reports' }).click();
    await page.getByTestId('signups-total').waitFor();
    await screenshot(page, 'console-reports');
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByLabel('Search by email').fill('watched');
    const status = page.getByRole('combobox', { name: `Status of ${user.email}` });
    await status.click();
    await page.getByRole('option', { name: 'SUSPENDED' }).click();
    const suspended = await waitFor(
      async () => {
        const { json } = await lattice.post(
          {
            query: 'query($search: String) { users(search: $search) { edges { node { id status } } } }',
            variables: { search: user.email },
          },
          { authorization: `Bearer ${admin.token}` },
        );
        const found = json.data?.users.edges.find((edge: any) => edge.node.id === user.id);
        return found?.node.status === 'SUSPENDED' || undefined;
      },
      { message: `${user.email} suspended from the console` },
    );
    expect(suspended).toBe(true);
    await waitFor(async () => (await status.inputValue()) === 'SUSPENDED', { message: 'the table reloaded' });
    expectSelfContained(seen);
    await page.context().close();
  }, 90_000);

  it('refuses an account that is not an admin, and ends the session it opened', async () => {
    const user = await registerUser(lattice, newEmail('console-user'));
    const page = await newPage();
    await signInToConsole(page, lattice, user.email);
    const refusal = page.getByTestId('refused');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('not an admin');
    expect(await page.getByTestId('stat-usersTotal').count()).toBe(0);
    // The console's sign-in opened a session and logged it out: only the registration's is left.
    const sessions = await waitFor(
      async () => {
        const { sessions } = await lattice.client(user.accessToken).request(MySessionsDocument, {});
        return sessions.edges.length === 1 ? sessions.edges : undefined;
      },
      { message: "the console's session of a refused account ended" },
    );
    expect(sessions[0]!.node.current).toBe(true);
    await screenshot(page, 'console-refused');
    await page.context().close();
  }, 60_000);
});
