import { MDXProvider } from '@mdx-js/react';
import { useEffect } from 'react';
import { mdxComponents, widgets } from '../mdx/components';
import { Link } from '../routing/Link';

type WidgetName = keyof typeof widgets;

/** Reads figure props from the query string: `?kind=LSTM&hiddenSize=8` → { kind: 'LSTM', hiddenSize: 8 }. */
function propsFromQuery(search: string): Record<string, string | number | boolean> {
  const props: Record<string, string | number | boolean> = {};
  for (const [key, raw] of new URLSearchParams(search)) {
    if (key === 'backend') continue;
    props[key] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return props;
}

/** `/figures`: every interactive figure of the book; `/figures/<Name>`: one of them on its own page. */
export function Figures({ name }: { name: string | null }) {
  useEffect(() => {
    document.title = `${name ?? 'Figures'} — Unrolled`;
  }, [name]);
  if (name && name in widgets) {
    const Widget = widgets[name as WidgetName] as (props: Record<string, unknown>) => React.ReactNode;
    return (
      <article className="prose figure-page">
        <h1>{name.replace(/([a-z])([A-Z])/g, '$1 $2')}</h1>
        <MDXProvider components={mdxComponents}>
          <Widget {...propsFromQuery(location.search)} />
        </MDXProvider>
        <p>
          <Link href="/figures">All figures</Link>
        </p>
      </article>
    );
  }
  return (
    <article className="prose">
      <h1>Figures</h1>
      {name && <p role="alert">There is no figure called “{name}”.</p>}
      <p>Every interactive figure of the book, each on a page of its own.</p>
      <ul>
        {Object.keys(widgets).map((widget) => (
          <li key={widget}>
            <Link href={`/figures/${widget}`}>{widget.replace(/([a-z])([A-Z])/g, '$1 $2')}</Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
