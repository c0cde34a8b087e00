/**
 * Matching typed text against place names, whatever the accents and case: "malaga" finds Málaga,
 * "turin" finds Torino (by its alias), "长春" finds Changchun (by its local name).
 */
import type { AuthorityEntity } from './authority.entity.js';

/** Lower-cased, without diacritics. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
}

function names(authority: AuthorityEntity): string[] {
  return [authority.name, authority.localName ?? '', ...authority.aliases];
}

/**
 * Whether the authority, or the authority it lies within, is known by a name containing `text`
 * (so "Changchun" also finds Jingyue, a zone inside it).
 */
export function authorityMatches(authority: AuthorityEntity, text: string): boolean {
  const wanted = foldText(text);
  const candidates = [...names(authority), ...(authority.parent ? names(authority.parent) : [])];
  return candidates.some((name) => foldText(name).includes(wanted));
}
