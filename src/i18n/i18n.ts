/**
 * The interface's words, one catalogue per language (`en/`, `zh/`), each split into namespaces, one JSON file
 * each: one for each part of the shell (`shell`, `sidebar`, `chapter`, `home`, `search`, …), one for what every
 * figure shares (`figure`, `settings`, `exercise`, `stepper`, `training`), and one per figure (`charLm`, `bpttStepper`, …). The catalogues are bundled and the instance is initialised synchronously,
 * so the first render (in the browser, or when pages are pre-rendered) already has every string: no loading
 * state, no flash of keys, and hydration sees the same text the server wrote.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES } from '../routing/language';
import en from './en';
import zh from './zh';

/** Every catalogue, by language; English is the reference the others must match key for key. */
export const catalogues = { en, zh } as const;

/** The namespaces of the catalogues (the files of `en/`). */
export type Namespace = keyof typeof en;

/**
 * The book's one i18next instance. Pages never change its language: each component asks for the language of
 * the page it is on (see `useT`), so two editions can render side by side, and pre-rendering stays pure.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: catalogues,
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
