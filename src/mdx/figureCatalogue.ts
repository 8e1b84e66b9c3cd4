/**
 * What the book calls each figure and what it does, in one place: the figures gallery, each figure's own
 * page and the contents cards read it. Which chapters use a figure, and in what order the book first shows
 * them, comes from the chapters themselves (the chapter index lists each chapter's tags).
 */
import type { ChapterMeta } from '../build/chapterIndex';

export interface FigureEntry {
  /** the figure's name in the reader's words, e.g. "BPTT stepper" */
  title: string;
  /** one line on what the reader does with it */
  description: string;
  /** props for the figure's own page (and its thumbnail) when it needs some to make sense alone */
  query?: string;
  /** a number inside a sentence rather than a picture: no use as a chapter's picture */
  inline?: boolean;
}

const CATALOGUE = {
  ReadingRnn: { title: 'Reading RNN', description: 'A tiny RNN reads a word letter by letter, and its hidden state fills in as memory.' },
  ConcatIdentity: { title: 'Concatenation identity', description: 'Checks X·W_xh + H·W_hh = [X, H]·[W_xh; W_hh] on fresh random tensors, up to float rounding.' },
  WorkedExample: { title: 'Worked example', description: 'Steps the notes’ two-step RNN with editable weights, next to the notes’ numbers.' },
  CellStepper: { title: 'Cell stepper', description: 'Steps an RNN, LSTM or GRU forward in time, every wire and gate visible, equations with live numbers.' },
  HelloTrainer: { title: '“hello” trainer', description: 'Trains “hello” → “ohlol” epoch by epoch: a cell loop, nn.RNN, or an embedding.' },
  BpttStepper: { title: 'BPTT stepper', description: 'Steps backpropagation through time, with truncation, clipping and a finite-difference check.' },
  GradientFlow: { title: 'Gradient flow', description: 'Sets the spectral radius of W_hh and watches gradients vanish or explode over time.' },
  ShapeExplorer: { title: 'Shape explorer', description: 'Reads every tensor shape and parameter count off a recurrent layer built from nn.RNN’s arguments.' },
  HiddenStateHeatmap: { title: 'Hidden-state heatmap', description: 'Every unit’s state, gates or gradient over time as one time × unit picture.' },
  GateInspector: { title: 'Gate inspector', description: 'An LSTM’s or GRU’s gates over time, and what one shared linear layer for all gates does to them.' },
  ParamCount: { title: 'Parameter count', description: 'A layer’s parameter count inside a sentence, counted on a layer the engine builds.', query: '?kind=LSTM&inputSize=10&hiddenSize=20', inline: true },
  CellComparison: { title: 'RNN, LSTM and GRU compared', description: 'nn.RNN, nn.LSTM and nn.GRU fed the same sequence, side by side.' },
  CharLM: { title: 'Character language model', description: 'Trains a character model on Lincoln’s addresses or your own text, then lets it write.' },
  SequencePlayground: { title: 'Sequence playground', description: 'Trains RNN, LSTM and GRU on memory tasks (echo, parity, adding, parentheses) and sweeps the delay to draw each cell’s memory curve.' },
} satisfies Record<string, FigureEntry>;

/** A figure's tag, as chapters write it; the registry (`components.tsx`) has exactly these. */
export type FigureName = keyof typeof CATALOGUE;
export const FIGURE_CATALOGUE: Record<FigureName, FigureEntry> = CATALOGUE;

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

/** A figure's own page, with the props it needs to make sense alone. */
export const figurePath = (name: FigureName): string => `/figures/${name}${FIGURE_CATALOGUE[name].query ?? ''}`;
