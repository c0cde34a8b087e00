/**
 * initdb takes the cluster's encoding and character classes from its environment: with no LANG
 * (containers, CI) it makes a SQL_ASCII cluster, where lower(), regular expressions, text search
 * and pg_trgm ignore Chinese and Japanese. So the locale is always given.
 *
 * Measured with the shipped PostgreSQL 18, LANG unset: the libc locale C.UTF-8 gives UTF8, Unicode
 * lower() and \w, and CJK trigrams. The builtin provider's C.UTF-8 (no OS locale needed) gives
 * lower() and \w, but show_trgm('北京市规划') is empty: pg_trgm classifies characters with
 * LC_CTYPE, which is then C. So: C.UTF-8 where the system has it (glibc has it built in, Debian
 * and Ubuntu always ship it), else en_US.UTF-8 (macOS), else the builtin provider.
 */
import { execFileSync } from 'node:child_process';

function installedLocales(): string[] {
  try {
    return execFileSync('locale', ['-a'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).split('\n');
  } catch {
    return [];
  }
}

export function utf8LocaleFlags(): string[] {
  const locales = installedLocales().map((name) => name.trim());
  const normalised = (name: string) => name.toLowerCase().replace('utf-8', 'utf8');
  for (const wanted of ['c.utf8', 'en_us.utf8']) {
    const found = locales.find((name) => normalised(name) === wanted);
    if (found) return ['--encoding=UTF8', `--locale=${found}`];
  }
  return ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];
}
