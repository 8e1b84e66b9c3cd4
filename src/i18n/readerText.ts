/** The reader's words for whatever went wrong: a reader message translated, or an unexpected error's own text. */
import { useCallback } from 'react';
import { isReaderMessage, ReaderError, type ReaderMessage } from '../core/readerMessage';
import { useLanguage, type Language } from '../routing/language';
import { i18n } from './i18n';

/**
 * `problem` in `language`: a ReaderError or ReaderMessage through the catalogue; any other error by its message
 * (an engine failure the reader cannot act on, such as a lost GPU, is reported as the browser worded it).
 */
export function readerText(problem: unknown, language: Language): string {
  const message: ReaderMessage | undefined = problem instanceof ReaderError ? problem.reader : isReaderMessage(problem) ? problem : undefined;
  if (message) return say(message, language);
  return problem instanceof Error ? problem.message : String(problem);
}

/** One message in `language`, the messages in its values said first (a list of them joined with "; "). */
function say({ key, values = {} }: ReaderMessage, language: Language): string {
  const said = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? value.map((inner) => say(inner, language)).join('; ') : isReaderMessage(value) ? say(value, language) : value]),
  );
  return String(i18n.getFixedT(language)(key as never, said as never));
}

/** `readerText` in the language of the page on screen. */
export function useReaderText(): (problem: unknown) => string {
  const language = useLanguage();
  return useCallback((problem: unknown) => readerText(problem, language), [language]);
}
