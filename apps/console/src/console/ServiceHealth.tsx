import { Badge, Paper, Table, Title } from '@mantine/core';
import type { ConsoleLiveStatsSubscription } from '@lattice/client';

type Service = ConsoleLiveStatsSubscription['liveStats']['services'][number];

const STATUS_COLOR = { UP: 'green', DOWN: 'red', UNKNOWN: 'gray' } as const;

const ms = (value: number | null | undefined) => (value == null ? '–' : `${value.toFixed(1)} ms`);
const percent = (value: number | null | undefined) => (value == null ? '–' : `${(value * 100).toFixed(1)} %`);

/** Each subgraph's probe and the gateways' traffic to it, as `liveStats` last reported them. */
export function ServiceHealth({ services }: { services: readonly Service[] }) {
  return (
    <Paper withBorder p="md" radius="md" mb="md">
      <Title order={4} mb="sm">
        Services
      </Title>
      <Table striped data-testid="services">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Subgraph</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Probe latency</Table.Th>
            <Table.Th>Uptime (1 h)</Table.Th>
            <Table.Th>Requests / s</Table.Th>
            <Table.Th>Error rate</Table.Th>
            <Table.Th>Average latency</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {services.map((service) => (
            <Table.Tr key={service.name}>
              <Table.Td>{service.name}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[service.status]}>{service.status}</Badge>
              </Table.Td>
              <Table.Td>{ms(service.probeLatencyMs)}</Table.Td>
              <Table.Td>{percent(service.uptime)}</Table.Td>
              <Table.Td>{service.requestRate.toFixed(2)}</Table.Td>
              <Table.Td>{percent(service.errorRate)}</Table.Td>
              <Table.Td>{ms(service.averageLatencyMs)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
