import { figureText, thumbnailPath, type FigureName } from '../mdx/figureCatalogue';
import { useT } from '../i18n/useT';
import { useLanguage } from '../routing/language';

/** Pictures are 16:10; the page sizes them, these keep the layout still while they load. */
const WIDTH = 360;
const HEIGHT = 225;

/**
 * A small screenshot of a figure, in the theme the reader has picked: both pictures are in the page and the
 * stylesheet shows one, so switching theme needs no script.
 */
export function FigureThumbnail({ name }: { name: FigureName }) {
  const t = useT('figurePages');
  const language = useLanguage();
  const alt = t('screenshot', { title: figureText(name, language).title });
  return (
    <span className="figure-thumbnail">
      <img className="thumbnail-light" src={thumbnailPath(name, 'light')} alt={alt} width={WIDTH} height={HEIGHT} loading="lazy" decoding="async" />
      <img className="thumbnail-dark" src={thumbnailPath(name, 'dark')} alt={alt} width={WIDTH} height={HEIGHT} loading="lazy" decoding="async" />
    </span>
  );
}
