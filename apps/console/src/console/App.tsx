import { Button, Container, Group, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { liveClient } from './api';
import { EventsFeed } from './EventsFeed';
import { LiveStats } from './LiveStats';
import { Reports } from './Reports';
import type { Session } from './session';
import { SignIn } from './SignIn';
import { Users } from './Users';

/** Sign-in until an admin is signed in, then the console's views. */
export function App({ session }: { session: Session }) {
  const email = useSyncExternalStore(
    (listener) => session.onChange(listener),
    () => session.email,
  );
  if (!email) {
    return (
      <Container size="xs" py="xl">
        <SignIn session={session} />
      </Container>
    );
  }
  return <Console session={session} email={email} />;
}

function Console({ session, email }: { session: Session; email: string }) {
  const live = useMemo(() => liveClient(session), [session]);
  const [tab, setTab] = useState<string | null>('live');
  useEffect(() => () => void live.dispose(), [live]);
  return (
    <Container size="xl" py="md">
      <Group justify="space-between" mb="md">
        <Title order={2}>Lattice admin console</Title>
        <Group>
          <Text size="sm" c="dimmed" data-testid="signed-in-as">
            {email}
          </Text>
          <Button variant="default" size="xs" onClick={() => void session.signOut()}>
            Sign out
          </Button>
        </Group>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="live">Live</Tabs.Tab>
          <Tabs.Tab value="reports">Reports</Tabs.Tab>
          <Tabs.Tab value="users">Users</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="live">
          <LiveStats client={live} />
          <EventsFeed client={live} />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <Reports session={session} />
        </Tabs.Panel>
        <Tabs.Panel value="users">
          <Users session={session} />
        </Tabs.Panel>
      </Tabs>
    </Container>
  );
}
