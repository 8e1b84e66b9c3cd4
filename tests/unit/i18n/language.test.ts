/** The editions' addresses: which language a path is in, and the same page in the other language. */
import { describe, expect, it } from 'vitest';
import {
  chapterPathIn,
  languageOfPath,
  parseRememberedLanguage,
  pathInLanguage,
  pathWithoutLanguage,
  prefersChinese,
  switchLanguageHref,
} from '../../../src/routing/language';

describe('the language of a path', () => {
  it.each([
    ['/', 'en'],
    ['/chapters/06-lstm', 'en'],
    ['/figures/CellStepper', 'en'],
    ['/zh', 'zh'],
    ['/zh/', 'zh'],
    ['/zh/chapters/06-lstm', 'zh'],
    ['/zh/figures', 'zh'],
    ['/zhong', 'en'],
    ['/chapters/zh', 'en'],
  ])('%s is %s', (path, language) => expect(languageOfPath(path)).toBe(language));

  it('strips and adds the Chinese prefix', () => {
    expect(pathWithoutLanguage('/zh/chapters/06-lstm')).toBe('/chapters/06-lstm');
    expect(pathWithoutLanguage('/zh/')).toBe('/');
    expect(pathWithoutLanguage('/zh')).toBe('/');
    expect(pathWithoutLanguage('/chapters/06-lstm')).toBe('/chapters/06-lstm');
    expect(pathInLanguage('/chapters/06-lstm', 'zh')).toBe('/zh/chapters/06-lstm');
    expect(pathInLanguage('/zh/chapters/06-lstm', 'zh')).toBe('/zh/chapters/06-lstm');
    expect(pathInLanguage('/zh/chapters/06-lstm', 'en')).toBe('/chapters/06-lstm');
    expect(pathInLanguage('/', 'zh')).toBe('/zh/');
    expect(chapterPathIn('07-gru', 'zh')).toBe('/zh/chapters/07-gru');
    expect(chapterPathIn('07-gru', 'en')).toBe('/chapters/07-gru');
  });
});

describe('switching an address between languages', () => {
  it('keeps the query (figure settings) and the #heading', () => {
    expect(switchLanguageHref('/chapters/06-lstm?backend=cpu&hidden=4#the-memory-cell', 'zh')).toBe('/zh/chapters/06-lstm?backend=cpu&hidden=4#the-memory-cell');
    expect(switchLanguageHref('/zh/chapters/06-lstm?backend=cpu#the-memory-cell', 'en')).toBe('/chapters/06-lstm?backend=cpu#the-memory-cell');
  });

  it('takes a full URL and returns a path on the same site', () => {
    expect(switchLanguageHref('http://127.0.0.1:4173/figures/CellStepper?cell=gru', 'zh')).toBe('/zh/figures/CellStepper?cell=gru');
    expect(switchLanguageHref('https://example.org/zh/', 'en')).toBe('/');
  });

  it('is a no-op into the language the address is already in', () => {
    expect(switchLanguageHref('/zh/chapters/01-sequences#x', 'zh')).toBe('/zh/chapters/01-sequences#x');
    expect(switchLanguageHref('/?q=1', 'en')).toBe('/?q=1');
  });
});

describe('the reader’s languages', () => {
  it('prefers Chinese when a Chinese tag comes before any English one', () => {
    expect(prefersChinese(['zh-CN', 'en-US'])).toBe(true);
    expect(prefersChinese(['zh-Hans'])).toBe(true);
    expect(prefersChinese(['zh-TW', 'zh'])).toBe(true);
    expect(prefersChinese(['de', 'ZH-cn'])).toBe(true);
    expect(prefersChinese(['en-GB', 'zh-CN'])).toBe(false);
    expect(prefersChinese(['fr'])).toBe(false);
    expect(prefersChinese([])).toBe(false);
  });

  it('reads a remembered choice, ignoring garbage', () => {
    expect(parseRememberedLanguage('zh')).toBe('zh');
    expect(parseRememberedLanguage('en')).toBe('en');
    expect(parseRememberedLanguage('klingon')).toBeNull();
    expect(parseRememberedLanguage(null)).toBeNull();
  });
});
