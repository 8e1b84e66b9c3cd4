/** Unit tests see both editions' words, as the pre-render does: the Chinese catalogue is otherwise loaded on demand. */
import { ensureLanguage } from '../../src/i18n/i18n';

await ensureLanguage('zh');
