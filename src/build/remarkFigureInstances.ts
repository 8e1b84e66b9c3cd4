/**
 * Numbers each component of a chapter among the components of the same name (`figureInstance="1"`, `"2"`,
 * …), at compile time, so that every figure on a page has its own, stable place in the URL and its own
 * anchor (`HelloTrainer-2.learningRate`, `#figure-HelloTrainer-2`) on the server and in the browser alike.
 * Every capitalised tag is numbered (the build knows no figure list: that lives with the components); the
 * book's other components (exercises, boxes) ignore the prop.
 */

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name: string; value: string }[];
  children?: MdxNode[];
}

/** The prop a chapter's figure receives with its ordinal among the figures of its name, from 1. */
export const FIGURE_INSTANCE_PROP = 'figureInstance';

/** A remark plugin numbering the capitalised JSX elements of a document. */
export function remarkFigureInstances() {
  return (tree: MdxNode) => {
    const seen = new Map<string, number>();
    const visit = (node: MdxNode) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
        const instance = (seen.get(node.name) ?? 0) + 1;
        seen.set(node.name, instance);
        node.attributes = [...(node.attributes ?? []).filter((a) => a.name !== FIGURE_INSTANCE_PROP), { type: 'mdxJsxAttribute', name: FIGURE_INSTANCE_PROP, value: String(instance) }];
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
