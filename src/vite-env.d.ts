/// <reference types="vite/client" />

declare module 'virtual:chapter-index' {
  import type { ChapterMeta } from './mdx/chapterIndex';
  const chapters: ChapterMeta[];
  export default chapters;
}
