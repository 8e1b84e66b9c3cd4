/// <reference types="vite/client" />

declare module 'virtual:chapter-index' {
  import type { ChapterMeta } from './build/chapterIndex';
  const chapters: ChapterMeta[];
  export default chapters;
}

declare module 'virtual:search-index/*' {
  import type { SearchSection } from './build/searchIndex';
  const sections: SearchSection[];
  export default sections;
}
