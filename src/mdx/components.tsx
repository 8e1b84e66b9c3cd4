/**
 * The one registry of what chapters may use. Widgets load lazily, so a chapter's prose and math show
 * before TensorFlow.js arrives; the content test fails on any capitalised tag not listed here.
 */
import type { MDXComponents } from 'mdx/types';
import { lazy, Suspense, type ComponentType } from 'react';
import { Link } from '../app/Link';
import { CodeBlock, InPyTorch } from '../components/CodeBlock';
import { Exercise, Hint, Solution } from '../components/Exercise';

function lazyWidget<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const Widget = lazy(load) as ComponentType<P>;
  return function LazyWidget(props: P) {
    return (
      <Suspense fallback={<div className="widget widget-loading" aria-busy="true">Loading figure…</div>}>
        <Widget {...props} />
      </Suspense>
    );
  };
}

/** Widget tags available to chapters, by name. */
export const widgets = {
  ConcatIdentity: lazyWidget(() => import('../widgets/ConcatIdentity/ConcatIdentity')),
  GradientFlow: lazyWidget(() => import('../widgets/GradientFlow/GradientFlow')),
  ShapeExplorer: lazyWidget(() => import('../widgets/ShapeExplorer/ShapeExplorer')),
  ParamCount: lazyWidget(() => import('../widgets/ParamCount/ParamCount')),
  HelloTrainer: lazyWidget(() => import('../widgets/HelloTrainer/HelloTrainer')),
  CharLM: lazyWidget(() => import('../widgets/CharLM/CharLM')),
  HiddenStateHeatmap: lazyWidget(() => import('../widgets/HiddenStateHeatmap/HiddenStateHeatmap')),
  GateInspector: lazyWidget(() => import('../widgets/GateInspector/GateInspector')),
  CellComparison: lazyWidget(() => import('../widgets/CellComparison/CellComparison')),
  CellStepper: lazyWidget(() => import('../widgets/CellStepper/CellStepper')),
  BpttStepper: lazyWidget(() => import('../widgets/BpttStepper/BpttStepper')),
  WorkedExample: lazyWidget(() => import('../widgets/WorkedExample/WorkedExample')),
};

/** Everything handed to MDX: widgets, exercises, the PyTorch box, in-book links and copyable code. */
export const mdxComponents: MDXComponents = {
  ...widgets,
  Exercise,
  Hint,
  Solution,
  InPyTorch,
  a: Link,
  pre: CodeBlock,
};
