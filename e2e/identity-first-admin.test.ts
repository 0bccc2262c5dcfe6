import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase } from '@lattice/testkit';
import { newEmail, registerUser } from './support/accounts';
import { startTestLattice } from './support/test-lattice';

const run = promisify(execFile);
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken user { role } } }';

describe('the first admin', () => {
  it('exists after start when ADMIN_EMAIL and ADMIN_PASSWORD are set', async () => {
    const email = newEmail('root');
    const lattice = await startTestLattice(
      { ADMIN_EMAIL: email, ADMIN_PASSWORD: 'an admin password' },
      { subgraphs: ['accounts'] },
    );
    try {
      const login = await lattice.post({
        query: LOGIN,
        variables: { i: { email, password: 'an admin password' } },
      });
      expect(login.json.data.login.user.role).toBe('ADMIN');
    } finally {
      await lattice.stop();
    }
  });

  it('is created or promoted by the ensure-admin command', async () => {
    const database = await createTestDatabase();
    const root = join(__dirname, '..');
    const command = (email: string) =>
      run(
        join(root, 'node_modules', '.bin', 'tsx'),
        ['--conditions=lattice-source', join(root, 'subgraphs', 'identity', 'src', 'cli', 'ensure-admin.ts')],
        {
          env: {
            ...process.env,
            DATABASE_URL: database.url,
            ADMIN_EMAIL: email,
            ADMIN_PASSWORD: 'an admin password',
          },
        },
      );
    try {
      const email = newEmail('cli');
      expect((await command(email)).stdout).toContain('created');
      expect((await command(email)).stdout).toContain('unchanged');

      const lattice = await startTestLattice({}, { subgraphs: ['accounts'], databaseUrl: database.url });
      try {
        const login = await lattice.post({
          query: LOGIN,
          variables: { i: { email, password: 'an admin password' } },
        });
        expect(login.json.data.login.user.role).toBe('ADMIN');
        const user = await registerUser(lattice);
        await lattice.close(); // release the database before the command runs again
        expect((await command(user.email)).stdout).toContain('promoted');
      } finally {
        await lattice.stop().catch(() => undefined);
      }
    } finally {
      await database.drop();
    }
  }, 60_000);

  it('refuses bad settings with a clear message', async () => {
    const database = await createTestDatabase();
    try {
      const root = join(__dirname, '..');
      const failure = await run(
        join(root, 'node_modules', '.bin', 'tsx'),
        ['--conditions=lattice-source', join(root, 'subgraphs', 'identity', 'src', 'cli', 'ensure-admin.ts')],
        {
          env: {
            ...process.env,
            DATABASE_URL: database.url,
            ADMIN_EMAIL: 'not-an-email',
            ADMIN_PASSWORD: 'x',
          },
        },
      ).catch((error: { code: number; stderr: string }) => error);
      expect(failure).toMatchObject({ code: 1 });
      expect((failure as { stderr: string }).stderr).toMatch(/admin\.email/);
    } finally {
      await database.drop();
    }
  });
});
