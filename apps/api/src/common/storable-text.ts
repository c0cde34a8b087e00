/**
 * Text that PostgreSQL can store as it was sent: no NUL character (text columns refuse it) and no
 * unpaired UTF-16 surrogate (not Unicode: json columns refuse it, text columns would silently keep
 * U+FFFD instead). Both used to reach the database and come back as a 500.
 */

// With the u flag a surrogate pair is one code point: this matches lone halves only.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** What is wrong with `value` as stored text, completing "<field> …"; null when nothing. */
export function unstorableText(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value))
    return 'contains an unpaired UTF-16 surrogate (not valid Unicode)';
  return null;
}

/** Every problem of the strings (keys included) in a parsed JSON body, query or parameter. */
export function unstorableTextIn(
  input: unknown,
  name: string,
  problems: string[] = [],
  maxProblems = 10,
): string[] {
  if (problems.length >= maxProblems) return problems;
  if (typeof input === 'string') {
    const problem = unstorableText(input);
    if (problem) problems.push(`${name} ${problem}`);
  } else if (Array.isArray(input)) {
    for (let i = 0; i < input.length && problems.length < maxProblems; i++)
      unstorableTextIn(input[i], `${name}[${i}]`, problems, maxProblems);
  } else if (typeof input === 'object' && input !== null) {
    for (const [key, item] of Object.entries(input)) {
      if (problems.length >= maxProblems) break;
      const keyProblem = unstorableText(key);
      if (keyProblem) problems.push(`a field name in ${name} ${keyProblem}`);
      unstorableTextIn(
        item,
        name === 'body' || name === 'query' ? key : `${name}.${key}`,
        problems,
        maxProblems,
      );
    }
  }
  return problems;
}
