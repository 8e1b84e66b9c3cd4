/**
 * Every figure of the book, in one place: the figures gallery, each figure's own page and the contents cards
 * read it. What the book calls a figure and what it does are words, so they live in the catalogues
 * (`figurePages`: `<Name>Title`, `<Name>Description`), read through `figureText`. Which chapters use a figure, and in what order the book first shows
 * them, comes from the chapters themselves (the chapter index lists each chapter's tags).
 */
import type { ChapterMeta } from '../build/chapterIndex';
import { i18n } from '../i18n/i18n';
import { pathInLanguage, type Language } from '../routing/language';

export interface FigureEntry {
  /** props for the figure's own page (and its thumbnail) when it needs some to make sense alone */
  query?: string;
  /** a number inside a sentence rather than a picture: no use as a chapter's picture */
  inline?: boolean;
}

const CATALOGUE = {
  ReadingRnn: {},
  ConcatIdentity: {},
  WorkedExample: {},
  CellStepper: {},
  HelloTrainer: {},
  BpttStepper: {},
  GradientFlow: {},
  ShapeExplorer: {},
  HiddenStateHeatmap: {},
  GateInspector: {},
  ParamCount: { query: '?kind=LSTM&inputSize=10&hiddenSize=20', inline: true },
  CellComparison: {},
  CharLM: {},
  SequencePlayground: {},
} satisfies Record<string, FigureEntry>;

/** A figure's tag, as chapters write it; the registry (`components.tsx`) has exactly these. */
export type FigureName = keyof typeof CATALOGUE;
export const FIGURE_CATALOGUE: Record<FigureName, FigureEntry> = CATALOGUE;

/** A figure's name in the reader's words ("BPTT stepper") and one line on what the reader does with it. */
export function figureText(name: FigureName, language: Language): { title: string; description: string } {
  const t = i18n.getFixedT(language, 'figurePages');
  return { title: t(`${name}Title`), description: t(`${name}Description`) };
}

export const isFigureName = (name: string): name is FigureName => Object.hasOwn(FIGURE_CATALOGUE, name);

/** The figures a chapter shows, in the order it first shows them. */
export const figuresOf = (chapter: ChapterMeta): FigureName[] => chapter.components.filter(isFigureName);

/** The figure that pictures a chapter on the contents page: its first one that is more than a number. */
export const chapterPicture = (chapter: ChapterMeta): FigureName | undefined => figuresOf(chapter).find((name) => !FIGURE_CATALOGUE[name].inline);

/** Every figure in book order: by the chapter and position where it first appears; unused ones last. */
export function figuresInBookOrder(chapters: readonly ChapterMeta[]): FigureName[] {
  const used = chapters.flatMap(figuresOf);
  const all = Object.keys(FIGURE_CATALOGUE) as FigureName[];
  return [...new Set([...used, ...all])];
}

/** The chapters that show `name`, in reading order. */
export const chaptersUsing = (chapters: readonly ChapterMeta[], name: FigureName): ChapterMeta[] => chapters.filter((chapter) => figuresOf(chapter).includes(name));

/** Where a figure's picture is served: a small screenshot made by `scripts/thumbnails.ts`. */
export const thumbnailPath = (name: FigureName, theme: 'light' | 'dark' = 'light'): string => `/thumbnails/${name}${theme === 'dark' ? '-dark' : ''}.webp`;

/** A figure's own page in one edition, with the props it needs to make sense alone. */
export const figurePath = (name: FigureName, language: Language = 'en'): string => `${pathInLanguage(`/figures/${name}`, language)}${FIGURE_CATALOGUE[name].query ?? ''}`;
