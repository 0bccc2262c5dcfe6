import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { NotAdminError, type Session } from './session';

/** Email and password, sent to the gateway's `login`; only admins get past it. */
export function SignIn({ session }: { session: Session }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ refused: boolean; message: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await session.signIn(email, password);
    } catch (error) {
      setProblem({
        refused: error instanceof NotAdminError,
        message: error instanceof Error ? error.message : 'Sign-in failed',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={(event) => void submit(event)}>
        <Stack>
          <Title order={3}>Lattice admin console</Title>
          <TextInput
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          {problem && (
            <Alert
              color={problem.refused ? 'orange' : 'red'}
              title={problem.refused ? 'Access refused' : 'Sign-in failed'}
              data-testid={problem.refused ? 'refused' : 'sign-in-error'}
            >
              {problem.message}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
