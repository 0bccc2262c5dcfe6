import { Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { AiUsageReport } from './reports/AiUsageReport';
import { RevenueReport } from './reports/RevenueReport';
import { UserReports } from './reports/UserReports';
import type { Session } from './session';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The admin queries over a date range (UTC days, at most 366), as charts. */
export function Reports({ session }: { session: Session }) {
  const [range, setRange] = useState({ from: day(-29), to: day(0) });
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to);
  return (
    <>
      <Group mb="md">
        <TextInput
          type="date"
          label="From"
          value={range.from}
          onChange={(event) => setRange({ ...range, from: event.currentTarget.value })}
        />
        <TextInput
          type="date"
          label="To"
          value={range.to}
          onChange={(event) => setRange({ ...range, to: event.currentTarget.value })}
        />
      </Group>
      {valid && (
        <>
          <UserReports session={session} range={range} />
          <RevenueReport session={session} range={range} />
          <AiUsageReport session={session} range={range} />
        </>
      )}
    </>
  );
}
