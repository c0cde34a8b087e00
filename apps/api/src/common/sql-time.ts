/** SQL for the timestamptz that `param` (µs since the epoch, as a position has) stands for, exact to the µs. */
export const AT = (param: string) =>
  `('epoch'::timestamptz + ${param}::bigint * interval '1 microsecond')`;
