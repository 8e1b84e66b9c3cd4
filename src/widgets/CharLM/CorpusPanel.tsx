import { memo, useEffect, useId, useMemo, useState } from 'react';
import { BUILTIN_CORPUS } from '../../core/data/corpora';
import { buildVocabulary, MAX_TEXT_LENGTH, preprocess, validateText, type Preprocessing, type Vocabulary } from '../../core/data/vocabulary';

export interface CorpusChoice {
  source: 'builtin' | 'own';
  preprocessing: Preprocessing;
}

export interface Corpus {
  /** Preprocessed text, ready to train on; null while loading or when invalid. */
  text: string | null;
  vocabulary: Vocabulary | null;
  problem: string | null;
}

/** Where the text comes from, how it is cut into characters, and the vocabulary that results. */
export const CorpusPanel = memo(function CorpusPanel({ choice, onChoice, ownText, onOwnText, onCorpus }: {
  choice: CorpusChoice;
  onChoice: (choice: CorpusChoice) => void;
  ownText: string;
  onOwnText: (text: string) => void;
  onCorpus: (corpus: Corpus) => void;
}) {
  const textId = useId();
  const [builtin, setBuiltin] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    fetch(BUILTIN_CORPUS.url)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(setBuiltin)
      .catch((error: Error) => setLoadError(`The built-in text could not be loaded (${error.message}).`));
  }, []);

  const raw = choice.source === 'builtin' ? builtin : ownText;
  const corpus = useMemo<Corpus>(() => {
    if (raw === null) return { text: null, vocabulary: null, problem: loadError };
    const text = preprocess(raw, choice.preprocessing);
    const problem = validateText(text);
    return problem ? { text: null, vocabulary: null, problem } : { text, vocabulary: buildVocabulary(text), problem: null };
  }, [raw, choice.preprocessing, loadError]);
  useEffect(() => onCorpus(corpus), [corpus, onCorpus]);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 4 * MAX_TEXT_LENGTH) return onOwnText('');
    onOwnText(await file.text());
  };
  const top = corpus.vocabulary ? corpus.vocabulary.tokens.slice(1, 41).map((token, k) => ({ token, count: corpus.vocabulary!.counts[k + 1] })) : [];
  const most = top[0]?.count ?? 1;

  return (
    <div className="corpus-panel">
      <fieldset className="segmented">
        <legend className="visually-hidden">Text to train on</legend>
        <label><input type="radio" name="corpus-source" checked={choice.source === 'builtin'} onChange={() => onChoice({ ...choice, source: 'builtin' })} /> {BUILTIN_CORPUS.title}</label>
        <label><input type="radio" name="corpus-source" checked={choice.source === 'own'} onChange={() => onChoice({ ...choice, source: 'own' })} /> Your own text</label>
      </fieldset>
      {choice.source === 'own' && (
        <div className="own-text">
          <label htmlFor={textId}>Paste text (up to {MAX_TEXT_LENGTH.toLocaleString('en')} characters) or choose a file</label>
          <textarea id={textId} rows={4} value={ownText} onChange={(event) => onOwnText(event.target.value)} />
          <input type="file" accept=".txt,text/plain" aria-label="Upload a text file" onChange={(event) => upload(event.target.files?.[0])} />
        </div>
      )}
      <fieldset className="segmented">
        <legend className="visually-hidden">Characters</legend>
        <label><input type="radio" name="corpus-prep" checked={choice.preprocessing === 'letters'} onChange={() => onChoice({ ...choice, preprocessing: 'letters' })} /> letters and spaces only (lower case)</label>
        <label><input type="radio" name="corpus-prep" checked={choice.preprocessing === 'raw'} onChange={() => onChoice({ ...choice, preprocessing: 'raw' })} /> every character as written</label>
      </fieldset>
      {corpus.problem && <p className="widget-error" role="alert" data-testid="corpus-problem">{corpus.problem}</p>}
      {corpus.vocabulary && corpus.text && (
        <>
          <p data-testid="corpus-summary">
            {corpus.text.length.toLocaleString('en')} characters, vocabulary of <strong>{corpus.vocabulary.tokens.length}</strong> tokens
            (including <code>&lt;unk&gt;</code> for characters never seen).
          </p>
          <ol className="vocab-bars" aria-label="Most frequent characters">
            {top.map(({ token, count }) => (
              <li key={token} title={`${JSON.stringify(token)}: ${count}`}>
                <span className="vocab-token">{token === ' ' ? '␣' : token === '\n' ? '↵' : token}</span>
                <span className="vocab-bar" style={{ height: `${(100 * count) / most}%` }} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
});
