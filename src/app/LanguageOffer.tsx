/**
 * On the English home page, a polite offer of the Chinese edition to a reader whose browser prefers Chinese
 * and who has not chosen an edition (or who chose Chinese before): a note with a link, never a redirect. It
 * is written in Chinese, for the reader it addresses, and appears only after hydration (it depends on the
 * browser, which a pre-rendered page cannot know).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { Link } from '../routing/Link';
import { HTML_LANG, pathInLanguage, prefersChinese, rememberedLanguage, rememberLanguage } from '../routing/language';

export function LanguageOffer() {
  const [offered, setOffered] = useState(false);
  const { t } = useTranslation('languageOffer', { lng: 'zh', i18n });
  useEffect(() => {
    const remembered = rememberedLanguage();
    const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
    setOffered(remembered === 'zh' || (remembered === null && prefersChinese(preferred)));
  }, []);
  if (!offered) return null;
  return (
    <aside className="language-offer" lang={HTML_LANG.zh} data-testid="language-offer">
      {t('available')} <Link href={pathInLanguage('/', 'zh')} onClick={() => rememberLanguage('zh')}>{t('read')}</Link>
      <button
        type="button"
        onClick={() => {
          rememberLanguage('en');
          setOffered(false);
        }}
      >
        {t('stay')}
      </button>
    </aside>
  );
}
