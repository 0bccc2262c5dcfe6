/** A range of UTC days, `YYYY-MM-DD`, both included. */
export interface DayRange {
  from: string;
  to: string;
}
