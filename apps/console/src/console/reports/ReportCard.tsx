import { Alert, Loader, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Loaded } from '../use-query';

/** A titled report: its chart once loaded, or why there is none. */
export function ReportCard<T>({
  title,
  loaded,
  children,
}: {
  title: string;
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" mb="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {loaded.error ? (
        <Alert color="gray" title="Not available">
          {loaded.error}
        </Alert>
      ) : loaded.data === undefined ? (
        <Loader size="sm" />
      ) : (
        children(loaded.data)
      )}
    </Paper>
  );
}
