/** The day of `at` in UTC, `YYYY-MM-DD`: invoices are dated in UTC. */
export const today = (at: Date): string => at.toISOString().slice(0, 10);

/** `day` plus `days` days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return today(date);
}
