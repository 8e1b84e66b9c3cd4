/**
 * The one registry of what chapters may use. Widgets load lazily, so a chapter's prose and math show
 * before TensorFlow.js arrives; the content test fails on any capitalised tag not listed here.
 */
import type { MDXComponents } from 'mdx/types';
import { Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { Link } from '../routing/Link';
import { CodeBlock, FromTheNotes, InPyTorch } from '../components/CodeBlock';
import { Exercise, Hint, Solution } from '../components/Exercise';
import { FigureBoundary } from '../components/FigureBoundary';
import { useHydrated } from '../hooks/useHydrated';
import { useRetryableLazy } from '../hooks/useRetryableLazy';
import { chapterScope, PLAIN_SCOPE } from '../hooks/figureUrl';
import { FigureUrlContext, type FigureUrlState } from '../hooks/useFigureUrl';
import { FIGURE_CATALOGUE, figureText, type FigureName } from './figureCatalogue';
import { useLanguage } from '../routing/language';
import { FigurePlaceholder } from './FigurePlaceholder';
import { anchoredHeadings } from './HeadingAnchor';

/** What a chapter adds to a figure's props: its ordinal among the chapter's figures of its name. */
interface ChapterFigureProps {
  figureInstance?: string;
}

/**
 * A figure loaded on demand inside its own error boundary: a figure that fails (or whose code does not
 * arrive) shows a message in its place and never takes the page down; "Try again" downloads it afresh.
 * On the server and while a pre-rendered page hydrates it is only its still placeholder (no code loaded),
 * and the placeholder stays while its code downloads. In a chapter its settings live under its own names
 * in the URL; on a page of its own, under plain names.
 */
function lazyWidget<P extends object>(figure: FigureName, load: () => Promise<{ default: ComponentType<P> }>) {
  const { inline = false } = FIGURE_CATALOGUE[figure];
  return function LazyWidget({ figureInstance, ...rest }: P & ChapterFigureProps) {
    const name = figureText(figure, useLanguage()).title;
    const props = rest as P;
    const hydrated = useHydrated();
    const [Widget, retry] = useRetryableLazy(load) as [ComponentType<P>, () => void];
    const [urlState] = useState<FigureUrlState>(() => ({
      scope: Number(figureInstance) >= 1 ? chapterScope(figure, Math.floor(Number(figureInstance))) : PLAIN_SCOPE,
      current: new Map(),
    }));
    // A caption passed as children is prose: the placeholder shows it too.
    const caption = (props as { children?: ReactNode }).children;
    if (!hydrated) return <FigurePlaceholder figure={figure}>{caption}</FigurePlaceholder>;
    return (
      <FigureUrlContext.Provider value={urlState}>
        <FigureBoundary name={name} inline={inline} onRetry={retry}>
          <Suspense fallback={<FigurePlaceholder figure={figure} loading>{caption}</FigurePlaceholder>}>
            <Widget {...props} />
          </Suspense>
        </FigureBoundary>
      </FigureUrlContext.Provider>
    );
  };
}

/** Widget tags available to chapters, by name: every figure of the catalogue, and nothing else. */
export const widgets = {
  ReadingRnn: lazyWidget('ReadingRnn', () => import('../widgets/ReadingRnn/ReadingRnn')),
  ConcatIdentity: lazyWidget('ConcatIdentity', () => import('../widgets/ConcatIdentity/ConcatIdentity')),
  GradientFlow: lazyWidget('GradientFlow', () => import('../widgets/GradientFlow/GradientFlow')),
  ShapeExplorer: lazyWidget('ShapeExplorer', () => import('../widgets/ShapeExplorer/ShapeExplorer')),
  ParamCount: lazyWidget('ParamCount', () => import('../widgets/ParamCount/ParamCount')),
  HelloTrainer: lazyWidget('HelloTrainer', () => import('../widgets/HelloTrainer/HelloTrainer')),
  CharLM: lazyWidget('CharLM', () => import('../widgets/CharLM/CharLM')),
  HiddenStateHeatmap: lazyWidget('HiddenStateHeatmap', () => import('../widgets/HiddenStateHeatmap/HiddenStateHeatmap')),
  GateInspector: lazyWidget('GateInspector', () => import('../widgets/GateInspector/GateInspector')),
  CellComparison: lazyWidget('CellComparison', () => import('../widgets/CellComparison/CellComparison')),
  CellStepper: lazyWidget('CellStepper', () => import('../widgets/CellStepper/CellStepper')),
  BpttStepper: lazyWidget('BpttStepper', () => import('../widgets/BpttStepper/BpttStepper')),
  WorkedExample: lazyWidget('WorkedExample', () => import('../widgets/WorkedExample/WorkedExample')),
  SequencePlayground: lazyWidget('SequencePlayground', () => import('../widgets/SequencePlayground/SequencePlayground')),
} satisfies Record<FigureName, unknown>;

/** Everything handed to MDX: widgets, exercises, the PyTorch box, in-book links and copyable code. */
export const mdxComponents: MDXComponents = {
  ...widgets,
  Exercise,
  Hint,
  Solution,
  InPyTorch,
  FromTheNotes,
  ...anchoredHeadings,
  a: Link,
  pre: CodeBlock,
};
