/** The start of a text on one line (a message, a review comment), for notifications. */
export function excerpt(body: string, max = 140): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
