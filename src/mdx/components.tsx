/**
 * The one registry of what chapters may use. Widgets load lazily, so a chapter's prose and math show
 * before TensorFlow.js arrives; the content test fails on any capitalised tag not listed here.
 */
import type { MDXComponents } from 'mdx/types';
import { Suspense, type ComponentType } from 'react';
import { Link } from '../routing/Link';
import { CodeBlock, FromTheNotes, InPyTorch } from '../components/CodeBlock';
import { Exercise, Hint, Solution } from '../components/Exercise';
import { FigureBoundary } from '../components/FigureBoundary';
import { useRetryableLazy } from '../hooks/useRetryableLazy';

/**
 * A figure loaded on demand inside its own error boundary: a figure that fails (or whose code does not
 * arrive) shows a message in its place and never takes the page down; "Try again" downloads it afresh.
 */
function lazyWidget<P extends object>(name: string, load: () => Promise<{ default: ComponentType<P> }>, inline = false) {
  return function LazyWidget(props: P) {
    const [Widget, retry] = useRetryableLazy(load) as [ComponentType<P>, () => void];
    return (
      <FigureBoundary name={name} inline={inline} onRetry={retry}>
        <Suspense fallback={inline ? <span aria-busy="true">…</span> : <div className="widget widget-loading" aria-busy="true">Loading figure…</div>}>
          <Widget {...props} />
        </Suspense>
      </FigureBoundary>
    );
  };
}

/** Widget tags available to chapters, by name. */
export const widgets = {
  ConcatIdentity: lazyWidget('Concat Identity', () => import('../widgets/ConcatIdentity/ConcatIdentity')),
  GradientFlow: lazyWidget('Gradient Flow', () => import('../widgets/GradientFlow/GradientFlow')),
  ShapeExplorer: lazyWidget('Shape Explorer', () => import('../widgets/ShapeExplorer/ShapeExplorer')),
  ParamCount: lazyWidget('Parameter count', () => import('../widgets/ParamCount/ParamCount'), true),
  HelloTrainer: lazyWidget('Hello Trainer', () => import('../widgets/HelloTrainer/HelloTrainer')),
  CharLM: lazyWidget('Character model', () => import('../widgets/CharLM/CharLM')),
  HiddenStateHeatmap: lazyWidget('Hidden State Heatmap', () => import('../widgets/HiddenStateHeatmap/HiddenStateHeatmap')),
  GateInspector: lazyWidget('Gate Inspector', () => import('../widgets/GateInspector/GateInspector')),
  CellComparison: lazyWidget('Cell Comparison', () => import('../widgets/CellComparison/CellComparison')),
  CellStepper: lazyWidget('Cell Stepper', () => import('../widgets/CellStepper/CellStepper')),
  BpttStepper: lazyWidget('BPTT stepper', () => import('../widgets/BpttStepper/BpttStepper')),
  WorkedExample: lazyWidget('Worked Example', () => import('../widgets/WorkedExample/WorkedExample')),
  SequencePlayground: lazyWidget('Sequence playground', () => import('../widgets/SequencePlayground/SequencePlayground')),
};

/** Everything handed to MDX: widgets, exercises, the PyTorch box, in-book links and copyable code. */
export const mdxComponents: MDXComponents = {
  ...widgets,
  Exercise,
  Hint,
  Solution,
  InPyTorch,
  FromTheNotes,
  a: Link,
  pre: CodeBlock,
};
