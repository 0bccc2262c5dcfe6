import { Alert, Code, Paper, Table, Text, Title } from '@mantine/core';
import { ConsolePlatformEventsDocument, type ConsolePlatformEventsSubscription } from '@lattice/client';
import type { Client } from 'graphql-ws';
import { useState } from 'react';
import { useSubscription } from './use-subscription';

type PlatformEvent = ConsolePlatformEventsSubscription['platformEvents'];

/** How many events the feed keeps on screen, newest first. */
const KEPT = 50;
const NO_VARIABLES = {};

/** `platformEvents`: every domain event as it is recorded. */
export function EventsFeed({ client }: { client: Client }) {
  const [events, setEvents] = useState<PlatformEvent[]>([]);
  const { error } = useSubscription(
    client,
    ConsolePlatformEventsDocument,
    NO_VARIABLES,
    ({ platformEvents }) =>
      setEvents((shown) =>
        [platformEvents, ...shown.filter((e) => e.id !== platformEvents.id)].slice(0, KEPT),
      ),
  );
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        Platform events
      </Title>
      {error && (
        <Alert color="red" title="Event feed unavailable" mb="sm">
          {error}
        </Alert>
      )}
      {events.length === 0 && !error && (
        <Text c="dimmed" size="sm">
          Waiting for events…
        </Text>
      )}
      <Table data-testid="events">
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>{new Date(event.occurredAt).toLocaleTimeString()}</Table.Td>
              <Table.Td>
                <Code>{event.type}</Code>
              </Table.Td>
              <Table.Td>{event.actor?.email ?? 'system'}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {event.subject}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
