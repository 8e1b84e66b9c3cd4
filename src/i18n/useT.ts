/** The hook every component uses for its words: the catalogue of the page's own edition. */
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../routing/language';
import { i18n, type Namespace } from './i18n';

/**
 * The translate function for `namespace` in the language of the page on screen (from its address, so the
 * server and the browser agree). Usage: `const t = useT('sidebar'); t('allFigures')`.
 */
export function useT<N extends Namespace>(namespace: N) {
  const language = useLanguage();
  return useTranslation(namespace, { lng: language, i18n }).t;
}
