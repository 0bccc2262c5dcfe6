import { waitFor } from '@lattice/testkit';

/** The value of a metric on a service's `/metrics` (its first series), NaN when absent. */
export async function metricValue(serviceUrl: string, name: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', serviceUrl))).text();
  const line = text.split('\n').find((row) => row.startsWith(`${name}{`) || row.startsWith(`${name} `));
  return line ? Number(line.split(' ').at(-1)) : Number.NaN;
}

export async function waitForMetric(serviceUrl: string, name: string, value: number): Promise<void> {
  await waitFor(async () => (await metricValue(serviceUrl, name)) === value, {
    timeoutMs: 15_000,
    message: `${name} = ${value}`,
  });
}
