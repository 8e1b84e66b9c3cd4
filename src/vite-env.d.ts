/// <reference types="vite/client" />

declare module 'virtual:chapter-index' {
  import type { ChapterMeta } from './build/chapterIndex';
  const chapters: ChapterMeta[];
  export default chapters;
}
