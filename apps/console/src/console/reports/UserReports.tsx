import { AreaChart, BarChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import { ConsoleUserReportsDocument } from '@lattice/client';
import type { Session } from '../session';
import { useQuery } from '../use-query';
import type { DayRange } from './range';
import { ReportCard } from './ReportCard';

/** `userGrowth`, `signups` and `dailyActiveUsers` over the range. */
export function UserReports({ session, range }: { session: Session; range: DayRange }) {
  const loaded = useQuery(
    () => session.api().request(ConsoleUserReportsDocument, range),
    JSON.stringify(range),
  );
  return (
    <ReportCard title="Users" loaded={loaded}>
      {(data) => (
        <>
          <Text size="sm" mb="sm" data-testid="signups-total">
            {data.signups.total} sign-ups in the range
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <AreaChart
              h={220}
              data={data.userGrowth.days}
              dataKey="date"
              series={[{ name: 'total', label: 'Accounts', color: 'blue.6' }]}
            />
            <BarChart
              h={220}
              data={data.userGrowth.days.map((d, i) => ({
                ...d,
                active: data.dailyActiveUsers[i]?.value ?? 0,
              }))}
              dataKey="date"
              withLegend
              series={[
                { name: 'signups', label: 'Sign-ups', color: 'teal.6' },
                { name: 'deletions', label: 'Deletions', color: 'red.6' },
                { name: 'active', label: 'Active users', color: 'grape.6' },
              ]}
            />
          </SimpleGrid>
        </>
      )}
    </ReportCard>
  );
}
