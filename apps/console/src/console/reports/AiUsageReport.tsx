import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { ConsoleAiUsageDocument } from '@lattice/client';
import type { Session } from '../session';
import { useQuery } from '../use-query';
import type { DayRange } from './range';
import { ReportCard } from './ReportCard';

/** `aiUsage`: replies and tokens per day, and the estimated cost of the range. */
export function AiUsageReport({ session, range }: { session: Session; range: DayRange }) {
  const loaded = useQuery(() => session.api().request(ConsoleAiUsageDocument, range), JSON.stringify(range));
  return (
    <ReportCard title="AI usage" loaded={loaded}>
      {({ aiUsage }) => (
        <>
          <Text size="sm" mb="sm">
            {aiUsage.totals.replies} replies, {aiUsage.totals.promptTokens + aiUsage.totals.completionTokens}{' '}
            tokens, {aiUsage.totals.images} images, about ${Number(aiUsage.totals.cost.dollars).toFixed(2)}
          </Text>
          <BarChart
            h={220}
            data={aiUsage.overTime}
            dataKey="date"
            withLegend
            series={[
              { name: 'promptTokens', label: 'Prompt tokens', color: 'blue.6' },
              { name: 'completionTokens', label: 'Completion tokens', color: 'teal.6' },
            ]}
          />
        </>
      )}
    </ReportCard>
  );
}
