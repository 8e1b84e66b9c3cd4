/**
 * The header's English / 中文 switch, on every page: it leads to the same page in the other edition, keeping
 * the query (figure settings) and the `#heading` (ids are the same in both), and remembers the choice. The
 * address is completed from the current location when the link is used (pointed at, focused, clicked),
 * because figures and headings change the query and hash without a re-render; pointing at it or focusing
 * it also starts fetching the other edition's words, which the move waits for.
 */
import type { MouseEvent, SyntheticEvent } from 'react';
import './language.css';
import { ensureLanguage } from '../i18n/i18n';
import { useT } from '../i18n/useT';
import { Link } from '../routing/Link';
import { HTML_LANG, LANGUAGE_NAMES, LANGUAGES, languageOfPath, pathInLanguage, rememberLanguage, switchLanguageHref, type Language } from '../routing/language';
import { navigate, usePath } from '../routing/router';

export function LanguageSwitch() {
  const path = usePath();
  const current = languageOfPath(path);
  const t = useT('shell');
  return (
    <nav className="language-switch" aria-label={t('languages')}>
      {LANGUAGES.map((language) =>
        language === current ? (
          <span key={language} lang={HTML_LANG[language]} aria-current="true">
            {LANGUAGE_NAMES[language]}
          </span>
        ) : (
          <SwitchLink key={language} language={language} path={path} />
        ),
      )}
    </nav>
  );
}

function SwitchLink({ language, path }: { language: Language; path: string }) {
  const complete = (event: SyntheticEvent<HTMLAnchorElement>) => {
    event.currentTarget.href = switchLanguageHref(location.href, language);
    void ensureLanguage(language);
  };
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    rememberLanguage(language);
    const href = switchLanguageHref(location.href, language);
    event.currentTarget.href = href;
    // A plain click moves within the book; a modified click (new tab) follows the completed address.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <Link
      href={pathInLanguage(path, language)}
      hrefLang={HTML_LANG[language]}
      lang={HTML_LANG[language]}
      data-language-switch={language}
      onPointerEnter={complete}
      onFocus={complete}
      onClick={follow}
    >
      {LANGUAGE_NAMES[language]}
    </Link>
  );
}
