/**
 * Adds working days (Monday–Friday in China Standard Time, UTC+8) to an instant, keeping the
 * time of day. Public holidays and make-up working days (调休) are not known here.
 */
export function addWorkingDays(start: Date, days: number): Date {
  const offset = 8 * 3600_000;
  let t = start.getTime();
  let left = days;
  while (left > 0) {
    t += 86_400_000;
    const weekday = new Date(t + offset).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(t);
}
