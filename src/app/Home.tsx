import chapters from 'virtual:chapter-index';
import { chapterPicture } from '../mdx/figureCatalogue';
import { widgets } from '../mdx/components';
import { FigureThumbnail } from './FigureThumbnail';
import { Link } from '../routing/Link';
import { chapterPath } from '../routing/router';

/** How the contents number a chapter: the appendix is "A". */
const chapterNumber = (number: number) => (number > 90 ? 'Appendix' : `Chapter ${number}`);

/**
 * The front page: what the book is, a live network to touch at once, then every chapter as a card with
 * its first figure and its one-line summary. The prose is plain React; only the figure waits for the engine.
 */
export function Home() {
  const ReadingRnn = widgets.ReadingRnn;
  return (
    <article className="prose home">
      <h1>Unrolled</h1>
      <p className="lede">
        Recurrent neural networks, LSTMs and GRUs, learned by touching them. Every figure is a live network
        running in your browser: step it forward and backward through time, watch its gates and gradients,
        and train it on the page.
      </p>
      <p>
        A recurrent network reads a sequence one piece at a time and keeps a memory of what it has read: its
        hidden state. Here is one, small enough to see whole, about to read the word “hello”.
      </p>
      <ReadingRnn word="hello">
        <p>
          Each click feeds one letter into the cell and unrolls the network by one more step. The squares are
          the hidden state after each letter: the same two “l”s leave different columns, because the state
          carries what came before. <Link href={chapterPath(chapters[0].slug)}>Chapter 1</Link> starts from here.
        </p>
      </ReadingRnn>
      <h2 id="contents">Contents</h2>
      <ol className="chapter-cards">
        {chapters.map((chapter) => {
          const figure = chapterPicture(chapter);
          return (
            <li key={chapter.slug} className="chapter-card">
              {figure ? <FigureThumbnail name={figure} /> : <span className="figure-thumbnail thumbnail-none" aria-hidden="true">{chapter.number > 90 ? 'A' : chapter.number}</span>}
              <span className="chapter-card-number">{chapterNumber(chapter.number)}</span>
              <Link href={chapterPath(chapter.slug)} className="card-link">{chapter.title}</Link>
              <p>{chapter.summary}</p>
            </li>
          );
        })}
      </ol>
      <p>
        Every figure also has a page of its own: see <Link href="/figures">all figures</Link>.
      </p>
    </article>
  );
}
