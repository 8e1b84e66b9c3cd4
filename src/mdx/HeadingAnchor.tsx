import { useState, type HTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { navigate } from '../routing/router';
import { useT } from '../i18n/useT';

type HeadingProps = HTMLAttributes<HTMLHeadingElement> & { children?: ReactNode };

/**
 * A chapter heading with a link to itself, shown on hover or focus: clicking it moves the address to the
 * heading (a place to share or come back to) and copies that address, saying so.
 */
function anchoredHeading(Tag: 'h2' | 'h3' | 'h4') {
  return function AnchoredHeading({ id, children, ...rest }: HeadingProps) {
    const [copied, setCopied] = useState(false);
    const t = useT('chapter');
    if (!id) return <Tag {...rest}>{children}</Tag>;
    const copy = (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      navigate(`#${id}`);
      navigator.clipboard?.writeText(location.href).then(
        () => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        },
        () => undefined,
      );
    };
    return (
      <Tag id={id} {...rest}>
        {children}
        <a className="heading-anchor" href={`#${id}`} onClick={copy} aria-label={t('linkToSection')}>#</a>
        <span className="heading-copied" role="status">{copied ? t('linkCopied') : ''}</span>
      </Tag>
    );
  };
}

/** The chapters' section headings, each with its own link. */
export const anchoredHeadings = { h2: anchoredHeading('h2'), h3: anchoredHeading('h3'), h4: anchoredHeading('h4') };
