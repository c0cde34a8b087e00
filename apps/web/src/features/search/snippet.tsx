/**
 * A result's snippet with its matches highlighted. The API sends HTML-escaped text whose only tags
 * are `<mark>` and `</mark>`; it is split on them and unescaped into text nodes, so nothing in it
 * is ever parsed as HTML (no dangerouslySetInnerHTML).
 */
import { Fragment } from 'react';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** One pass, so "&amp;lt;" stays the text "&lt;" (it is not unescaped twice). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
}

/** The snippet as plain and highlighted runs; a stray `</mark>` is dropped, an open one ends at the end. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece) {
      const text = unescapeHtml(piece);
      const last = parts.at(-1);
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}

export function Snippet({
  snippet,
  className,
  lang,
}: {
  snippet: string;
  className?: string;
  /** The text's language, so it is read and hyphenated as such. */
  lang?: string;
}) {
  return (
    <span className={className} lang={lang}>
      {snippetParts(snippet).map((part, i) =>
        part.mark ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </span>
  );
}
