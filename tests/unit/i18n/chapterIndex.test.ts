/** The chapter index carries each chapter's Chinese title and summary, read from `chapters/zh/`. */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChapterIndex } from '../../../src/build/chapterIndex';
import { chapterText } from '../../../src/i18n/chapterText';

describe('the chapter index in two languages', () => {
  const chapters = readChapterIndex('chapters');

  it('gives every translated chapter its Chinese title and summary', () => {
    for (const chapter of chapters) {
      expect(Boolean(chapter.zh), chapter.slug).toBe(existsSync(`chapters/zh/${chapter.slug}.mdx`));
      if (!chapter.zh) continue;
      expect(chapter.zh.title).toMatch(/\p{Script=Han}/u);
      expect(chapter.zh.summary).toMatch(/\p{Script=Han}/u);
    }
    expect(chapters.find((chapter) => chapter.slug === '06-lstm')?.zh?.title).toBe('长短期记忆网络');
  });

  it('falls back to English for a chapter not yet translated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chapters-'));
    mkdirSync(join(dir, 'zh'));
    writeFileSync(join(dir, '01-one.mdx'), '---\ntitle: One\nsummary: The first one.\n---\n# One\n');
    writeFileSync(join(dir, '02-two.mdx'), '---\ntitle: Two\nsummary: The second one.\n---\n# Two\n');
    writeFileSync(join(dir, 'zh', '01-one.mdx'), '---\ntitle: 第一\nsummary: 第一章。\n---\n# 第一\n');
    const [one, two] = readChapterIndex(dir);
    expect(one.zh).toEqual({ title: '第一', summary: '第一章。' });
    expect(two.zh).toBeUndefined();
    expect(chapterText(one, 'zh')).toEqual({ title: '第一', summary: '第一章。' });
    expect(chapterText(two, 'zh')).toEqual({ title: 'Two', summary: 'The second one.' });
    expect(chapterText(one, 'en')).toEqual({ title: 'One', summary: 'The first one.' });
  });
});
