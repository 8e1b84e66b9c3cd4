import { memo, useEffect, useId, useMemo, useState } from 'react';
import { BUILTIN_CORPUS } from '../../core/data/corpora';
import { characterCount, readTextFile, textFileSizeProblem } from '../../core/data/textFile';
import { buildVocabulary, lettersWouldErase, MAX_TEXT_LENGTH, preprocess, validateText, type Preprocessing, type Vocabulary } from '../../core/data/vocabulary';
import type { CorpusSettings } from '../../workers/charLmSettings';

export type CorpusChoice = CorpusSettings;

const PREPROCESSING_LABELS: [Preprocessing, string][] = [
  ['letters', 'letters a–z and spaces only (lower case)'],
  ['characters', 'every character, any script (whitespace as single spaces)'],
  ['raw', 'every character exactly as written'],
];

export interface Corpus {
  /** Preprocessed text, ready to train on; null while loading or when invalid. */
  text: string | null;
  /** Characters (code points: an emoji counts once) of `text`. */
  characters: number;
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
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);
  useEffect(() => {
    fetch(BUILTIN_CORPUS.url)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(setBuiltin)
      .catch((error: Error) => setLoadError(`The built-in text could not be loaded (${error.message}).`));
  }, []);

  const raw = choice.source === 'builtin' ? builtin : ownText;
  const corpus = useMemo<Corpus>(() => {
    if (raw === null) return { text: null, characters: 0, vocabulary: null, problem: loadError };
    const text = preprocess(raw, choice.preprocessing);
    const problem = validateText(text);
    return problem ? { text: null, characters: 0, vocabulary: null, problem } : { text, characters: characterCount(text), vocabulary: buildVocabulary(text), problem: null };
  }, [raw, choice.preprocessing, loadError]);
  useEffect(() => onCorpus(corpus), [corpus, onCorpus]);
  // Letters a–z erase every other script: say so when that is most of the text, not just "empty".
  const erased = useMemo(() => (raw !== null && choice.preprocessing === 'letters' ? lettersWouldErase(raw) : null), [raw, choice.preprocessing]);
  const lettersEraseMost = erased !== null && erased.erased > erased.kept;

  // A refused file leaves the reader's text as it was, in the editor and in storage.
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const tooBig = textFileSizeProblem(file.name, file.size);
    if (tooBig) return setUploadProblem(tooBig);
    const read = readTextFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if ('problem' in read) return setUploadProblem(read.problem);
    setUploadProblem(null);
    onOwnText(read.text);
  };
  const edit = (text: string) => {
    setUploadProblem(null);
    onOwnText(text);
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
          <textarea id={textId} rows={4} value={ownText} onChange={(event) => edit(event.target.value)} />
          <input type="file" accept=".txt,text/plain" aria-label="Upload a text file" onChange={(event) => upload(event.target)} />
          {uploadProblem && <p className="widget-error" role="alert" data-testid="upload-problem">{uploadProblem}</p>}
        </div>
      )}
      <fieldset className="segmented">
        <legend className="visually-hidden">Characters</legend>
        {PREPROCESSING_LABELS.map(([mode, label]) => (
          <label key={mode}><input type="radio" name="corpus-prep" checked={choice.preprocessing === mode} onChange={() => onChoice({ ...choice, preprocessing: mode })} /> {label}</label>
        ))}
      </fieldset>
      {lettersEraseMost && (
        <p className="widget-error" role="alert" data-testid="letters-erase">
          “Letters a–z” keeps only the Latin letters: it removes {erased.erased.toLocaleString('en')} of this text’s {(erased.erased + erased.kept).toLocaleString('en')} characters
          {erased.examples.length > 0 ? ` (${erased.examples.join(' ')} …)` : ''}.{' '}
          <button type="button" onClick={() => onChoice({ ...choice, preprocessing: 'characters' })}>Keep every character</button>
        </p>
      )}
      {corpus.problem && !lettersEraseMost && <p className="widget-error" role="alert" data-testid="corpus-problem">{corpus.problem}</p>}
      {corpus.vocabulary && corpus.text && (
        <>
          <p data-testid="corpus-summary">
            {corpus.characters.toLocaleString('en')} characters, vocabulary of <strong>{corpus.vocabulary.tokens.length}</strong> tokens
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
