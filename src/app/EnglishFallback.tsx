import type { ReactNode } from 'react';
import { HTML_LANG, useLanguage } from '../routing/language';
import './language.css';

/**
 * A page not yet translated, shown in English on a Chinese address (the figure pages, for now): marked as
 * English, so screen readers switch voice and the text gets Latin fonts and punctuation, not CJK ones.
 */
export function EnglishFallback({ children }: { children: ReactNode }) {
  const language = useLanguage();
  if (language === 'en') return children;
  return (
    <div lang={HTML_LANG.en} className="english-fallback">
      {children}
    </div>
  );
}
