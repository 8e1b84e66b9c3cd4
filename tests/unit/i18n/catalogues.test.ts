/**
 * The interface catalogues (`src/i18n/<language>/<namespace>.json`): every language has exactly the English keys (plural forms
 * aside, since Chinese has one where English has two), no message is empty, the placeholders and tags of a
 * message are the same in every language, and every key the code asks for exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/en';
import { i18n } from '../../../src/i18n/i18n';
import zh from '../../../src/i18n/zh';

const catalogues = { en, zh };

type Catalogue = Record<string, Record<string, string>>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** `namespace:key` for every message, plural forms folded into their base key. */
function keysOf(catalogue: Catalogue): string[] {
  const keys = Object.entries(catalogue).flatMap(([namespace, messages]) => Object.keys(messages).map((key) => `${namespace}:${key.replace(PLURAL_SUFFIX, '')}`));
  return [...new Set(keys)].sort();
}

/** The `{{placeholders}}` and `<tags>` of a message, which a translation must keep. */
const slotsOf = (message: string) => [...message.matchAll(/\{\{\s*(\w+)\s*\}\}|<\/?(\w+)>/g)].map((match) => match[0].replace(/\s/g, '')).sort();

/** Every source file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const english = catalogues.en as Catalogue;

describe('interface catalogues', () => {
  it.each(Object.entries(catalogues).filter(([language]) => language !== 'en'))('%s has exactly the English keys', (_language, catalogue) => {
    expect(keysOf(catalogue as Catalogue)).toEqual(keysOf(english));
  });

  it.each(Object.entries(catalogues))('%s has no empty message, and keeps the English placeholders and tags', (language, catalogue) => {
    for (const [namespace, messages] of Object.entries(catalogue as Catalogue)) {
      for (const [key, message] of Object.entries(messages)) {
        expect(message.trim(), `${language} ${namespace}:${key}`).not.toBe('');
        const base = english[namespace][key] ?? english[namespace][`${key.replace(PLURAL_SUFFIX, '')}_other`];
        expect(slotsOf(message), `${language} ${namespace}:${key}`).toEqual(slotsOf(base));
      }
    }
  });

  it('has every key the code uses (useT namespace, then t/i18nKey literals)', () => {
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      const source = readFileSync(file, 'utf8');
      const namespaces = [...source.matchAll(/(?:useT|useTranslation)\('(\w+)'/g)].map((match) => match[1]);
      if (namespaces.length === 0) continue;
      // Each call site names a key of one of the file's namespaces.
      const keys = [...source.matchAll(/\b(?:t|shell)\('(\w+)'|i18nKey="(\w+)"/g)].map((match) => match[1] ?? match[2]);
      for (const key of keys) {
        const found = namespaces.some((namespace) => english[namespace]?.[key] !== undefined || english[namespace]?.[`${key}_other`] !== undefined);
        if (!found) missing.push(`${file}: ${key} (namespaces ${namespaces.join(', ')})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('translates synchronously, with Chinese plurals and interpolation', () => {
    expect(i18n.isInitialized).toBe(true);
    expect(i18n.getFixedT('zh', 'search')('found', { count: 3 })).toMatch(/^找到 3 个小节/);
    expect(i18n.getFixedT('en', 'search')('found', { count: 1 })).toBe('1 section found');
    expect(i18n.getFixedT('en', 'search')('found', { count: 2 })).toBe('2 sections found');
    expect(i18n.getFixedT('zh', 'home')('chapterNumber', { number: 6 })).toBe('第 6 章');
  });
});
