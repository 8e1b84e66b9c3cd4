/** Types every `t('key')` against the English catalogue: a key missing there is a type error. */
import 'i18next';
import type en from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'shell';
    resources: typeof en;
  }
}
