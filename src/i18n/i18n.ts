/**
 * The interface's words, one catalogue per language (`en/`, `zh/`), each split into namespaces, one JSON file
 * each: one for each part of the shell (`shell`, `sidebar`, `chapter`, `home`, `search`, …), one for what every
 * figure shares (`figure`, `settings`, `exercise`, `stepper`, `training`), and one per figure (`charLm`,
 * `bpttStepper`, …). English is bundled and the instance initialised synchronously; the Chinese catalogue is
 * its own chunk, which `ensureLanguage` adds before a Chinese page renders (the entry awaits it before
 * hydrating and has `navigate` wait for it, the pre-render loads it before it starts), so every render already has
 * every string: no loading state, no flash of keys, and hydration sees the same text the server wrote. Only
 * the offer of the Chinese edition, which English pages show in Chinese, is bundled in both languages.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../routing/language';
import en from './en';
import zhLanguageOffer from './zh/languageOffer.json';

/** The namespaces of the catalogues (the files of `en/`). */
export type Namespace = keyof typeof en;

/**
 * The book's one i18next instance. Pages never change its language: each component asks for the language of
 * the page it is on (see `useT`), so two editions can render side by side, and pre-rendering stays pure.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en, zh: { languageOffer: zhLanguageOffer } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: Object.keys(en),
  defaultNS: 'shell',
  initAsync: false,
  // React escapes what it renders; escaping again would show `&amp;` to the reader.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

/** Whether every catalogue of `language` is in the instance. */
export const hasLanguage = (language: Language): boolean => language === 'en' || i18n.hasResourceBundle(language, 'shell');

/** Every catalogue of `language` in the instance: at once for English, after its chunk arrives for Chinese. */
export async function ensureLanguage(language: Language): Promise<void> {
  if (hasLanguage(language)) return;
  const { default: catalogue } = await import('./zh');
  for (const [namespace, messages] of Object.entries(catalogue)) i18n.addResourceBundle(language, namespace, messages, true, true);
}
