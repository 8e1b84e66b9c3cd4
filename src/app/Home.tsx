import chapters from 'virtual:chapter-index';
import { Link } from '../routing/Link';
import { chapterPath } from '../routing/router';

/** The front page: what the book is, and every chapter with its one-line summary. */
export function Home() {
  return (
    <article className="prose home">
      <h1>Unrolled</h1>
      <p className="lede">
        Recurrent neural networks, LSTMs and GRUs, learned by touching them. Every figure is a live network
        running in your browser: step it forward and backward through time, watch its gates and gradients,
        and train it on the page.
      </p>
      <h2 id="contents">Contents</h2>
      <ol className="chapter-list">
        {chapters.map((chapter) => (
          <li key={chapter.slug}>
            <Link href={chapterPath(chapter.slug)}>{chapter.title}</Link>
            <p>{chapter.summary}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
