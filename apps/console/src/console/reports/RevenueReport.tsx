import { LineChart } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import { ConsoleRevenueDocument } from '@lattice/client';
import type { Session } from '../session';
import { useQuery } from '../use-query';
import type { DayRange } from './range';
import { ReportCard } from './ReportCard';

/** Minor units (a decimal string, e.g. `"1250"`) as a number of major units (12.5) for a chart. */
export function majorUnits(amount: string, currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  return Number(amount) / 10 ** (digits ?? 2);
}

const money = (amount: string, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(majorUnits(amount, currency));

/** `revenue`: net per day, one line per currency (currencies are never added together). */
export function RevenueReport({ session, range }: { session: Session; range: DayRange }) {
  const loaded = useQuery(() => session.api().request(ConsoleRevenueDocument, range), JSON.stringify(range));
  return (
    <ReportCard title="Revenue (net)" loaded={loaded}>
      {({ revenue }) => {
        const currencies = revenue.totals.map((total) => total.currency);
        const byDay = new Map<string, Record<string, number | string>>();
        for (const point of revenue.overTime) {
          const row = byDay.get(point.date) ?? { date: point.date };
          row[point.currency] = majorUnits(point.net.amount, point.currency);
          byDay.set(point.date, row);
        }
        return (
          <>
            <Group mb="sm">
              {revenue.totals.length === 0 && <Text size="sm">No payments in the range.</Text>}
              {revenue.totals.map((total) => (
                <Text key={total.currency} size="sm">
                  {money(total.net.amount, total.currency)}
                </Text>
              ))}
            </Group>
            <LineChart
              h={220}
              data={[...byDay.values()]}
              dataKey="date"
              withLegend
              series={currencies.map((currency, i) => ({
                name: currency,
                label: currency.toUpperCase(),
                color: ['teal.6', 'blue.6', 'orange.6', 'grape.6'][i % 4]!,
              }))}
            />
          </>
        );
      }}
    </ReportCard>
  );
}
