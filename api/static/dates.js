// Dates of events, which may be known only to the month or the year.

// the months' short names, once: toLocaleString per date costs more than all the rest of a list
const MONTHS = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2000, i, 1)).toLocaleString("en-GB", { month: "short", timeZone: "UTC" }));

/** A date as the analyst reads it, respecting its precision. */
export function formatDate(date, precision) {
  if (!date) return "undated";
  const [y, m, d] = date.split("-");
  const month = MONTHS[(+m || 1) - 1];
  if (precision === "year") return y;
  if (precision === "month") return `${month} ${y}`;
  return `${+d} ${month} ${y}`;
}

/** True when a date, read as its whole month unless it is day-precise, meets [from, to]. */
export function inRange(date, { from, to }, precision = "month") {
  if (!date) return true;
  const start = precision === "year" ? `${date.slice(0, 4)}-01-01` : date;
  const end = precision === "day" ? date : precision === "year" ? `${date.slice(0, 4)}-12-31` : `${date.slice(0, 7)}-31`;
  return !(from && end < from) && !(to && start > to);
}

/** The days a date covers as [first day, day after the last] in UTC. */
export function spanOf(date, precision) {
  const [y, m, d] = date.split("-").map(Number);
  if (precision === "year") return [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y + 1, 0, 1))];
  if (precision === "month") return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 1))];
  return [new Date(Date.UTC(y, m - 1, d)), new Date(Date.UTC(y, m - 1, d + 1))];
}

/** A UTC Date as YYYY-MM-DD. */
export function isoDay(value) {
  return value.toISOString().slice(0, 10);
}
