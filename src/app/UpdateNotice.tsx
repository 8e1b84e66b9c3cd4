import { useState } from 'react';
import { useEditionUpdate } from './serviceWorker';
import { useT } from '../i18n/useT';

/**
 * A polite notice that a new edition of the book has been downloaded, with a button that switches to it.
 * The live region is always in the page (empty until needed) so screen readers announce the message.
 */
export function UpdateNotice() {
  const switchToNewEdition = useEditionUpdate();
  const [reloading, setReloading] = useState(false);
  const t = useT('shell');
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      {switchToNewEdition && (
        <div className="update-notice-card">
          <span>{t('newEdition')}</span>
          <button
            type="button"
            disabled={reloading}
            onClick={() => {
              setReloading(true);
              switchToNewEdition();
            }}
          >
            {reloading ? t('reloading') : t('reload')}
          </button>
        </div>
      )}
    </div>
  );
}
