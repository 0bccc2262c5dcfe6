import { LineChart } from '@mantine/charts';
import { Alert, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { ConsoleLiveStatsDocument, type ConsoleLiveStatsSubscription } from '@lattice/client';
import type { Client } from 'graphql-ws';
import { useState } from 'react';
import { ServiceHealth } from './ServiceHealth';
import { useSubscription } from './use-subscription';

type Stats = ConsoleLiveStatsSubscription['liveStats'];

/** How many points of history the chart keeps (one per event, every INTERVAL_SECONDS at most). */
const HISTORY = 120;
const INTERVAL_SECONDS = 2;

const FIGURES: { key: keyof Stats; label: string }[] = [
  { key: 'usersTotal', label: 'Accounts' },
  { key: 'signupsToday', label: 'Sign-ups today' },
  { key: 'activeUsers', label: 'Active users (5 min)' },
  { key: 'eventsPerMinute', label: 'Events / minute' },
  { key: 'connectedSubscribers', label: 'Subscribers' },
];

/** `liveStats`: the figures as they are now, and a chart of their last few minutes. */
export function LiveStats({ client }: { client: Client }) {
  const [history, setHistory] = useState<Stats[]>([]);
  const { data, error } = useSubscription(
    client,
    ConsoleLiveStatsDocument,
    { intervalSeconds: INTERVAL_SECONDS },
    ({ liveStats }) => setHistory((points) => [...points, liveStats].slice(-HISTORY)),
  );
  const stats = data?.liveStats;
  return (
    <>
      {error && (
        <Alert color="red" title="Live statistics unavailable" mb="md">
          {error}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 5 }} mb="md">
        {FIGURES.map(({ key, label }) => (
          <Paper key={key} withBorder p="md" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {label}
            </Text>
            <Text size="xl" fw={700} data-testid={`stat-${key}`}>
              {stats ? String(stats[key]) : '…'}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" radius="md" mb="md">
        <Title order={4} mb="sm">
          Last minutes
        </Title>
        <LineChart
          h={220}
          data={history.map((point) => ({ ...point, at: new Date(point.at).toLocaleTimeString() }))}
          dataKey="at"
          withDots={false}
          curveType="monotone"
          series={[
            { name: 'activeUsers', label: 'Active users', color: 'blue.6' },
            { name: 'eventsPerMinute', label: 'Events / minute', color: 'teal.6' },
            { name: 'connectedSubscribers', label: 'Subscribers', color: 'grape.6' },
          ]}
          withLegend
        />
      </Paper>
      <ServiceHealth services={stats?.services ?? []} />
    </>
  );
}
