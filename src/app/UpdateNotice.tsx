import { useState } from 'react';
import { useEditionUpdate } from './serviceWorker';

/**
 * A polite notice that a new edition of the book has been downloaded, with a button that switches to it.
 * The live region is always in the page (empty until needed) so screen readers announce the message.
 */
export function UpdateNotice() {
  const switchToNewEdition = useEditionUpdate();
  const [reloading, setReloading] = useState(false);
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      {switchToNewEdition && (
        <div className="update-notice-card">
          <span>A new edition of the book is available.</span>
          <button
            type="button"
            disabled={reloading}
            onClick={() => {
              setReloading(true);
              switchToNewEdition();
            }}
          >
            {reloading ? 'Reloading…' : 'Reload'}
          </button>
        </div>
      )}
    </div>
  );
}
