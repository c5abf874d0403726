import { z } from "zod";
import { wholeNumber } from "./fields";

/** The longest any time-bound grant may last (a team's own limit is at most this). */
export const MAX_GRANT_HOURS = 8760;

/** Hours of a grant, 1 up to a year; blank (a form's empty field), null or absent means for good. */
export const grantHours = z
  .preprocess((value) => (value === "" || value === null ? undefined : value), hoursNumber().optional())
  .describe("How long the grant lasts, in hours; absent: for good");

function hoursNumber() {
  return wholeNumber({
    min: 1,
    max: MAX_GRANT_HOURS,
    what: "a whole number of hours",
    range: `must be 1-${MAX_GRANT_HOURS} hours`,
  });
}

export const hoursFromNow = (hours: number, now = new Date()) => new Date(now.getTime() + hours * 3_600_000);
