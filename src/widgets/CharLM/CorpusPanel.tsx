import { memo, useEffect, useId, useMemo, useState } from 'react';
import { Trans } from 'react-i18next';
import { BUILTIN_CORPUS } from '../../core/data/corpora';
import { characterCount, readTextFile, textFileSizeProblem } from '../../core/data/textFile';
import { buildVocabulary, lettersWouldErase, MAX_TEXT_LENGTH, PREPROCESSINGS, preprocess, UNKNOWN, validateText, type Vocabulary } from '../../core/data/vocabulary';
import type { ReaderMessage } from '../../core/readerMessage';
import { useReaderText } from '../../i18n/readerText';
import { useT } from '../../i18n/useT';
import type { CorpusSettings } from '../../workers/charLmSettings';

export type CorpusChoice = CorpusSettings;

export interface Corpus {
  /** Preprocessed text, ready to train on; null while loading or when invalid. */
  text: string | null;
  /** Characters (code points: an emoji counts once) of `text`. */
  characters: number;
  vocabulary: Vocabulary | null;
  /** Why the text cannot be trained on, or null. */
  problem: ReaderMessage | null;
}

/** Where the text comes from, how it is cut into characters, and the vocabulary that results. */
export const CorpusPanel = memo(function CorpusPanel({ choice, onChoice, ownText, onOwnText, onCorpus }: {
  choice: CorpusChoice;
  onChoice: (choice: CorpusChoice) => void;
  ownText: string;
  onOwnText: (text: string) => void;
  onCorpus: (corpus: Corpus) => void;
}) {
  const t = useT('charLm');
  const say = useReaderText();
  const textId = useId();
  const [builtin, setBuiltin] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<ReaderMessage | null>(null);
  const [uploadProblem, setUploadProblem] = useState<ReaderMessage | null>(null);
  useEffect(() => {
    fetch(BUILTIN_CORPUS.url)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(setBuiltin)
      .catch((error: Error) => setLoadError({ key: 'charLm:builtinLoadFailed', values: { reason: error.message } }));
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
        <legend className="visually-hidden">{t('textToTrainOn')}</legend>
        <label><input type="radio" name="corpus-source" checked={choice.source === 'builtin'} onChange={() => onChoice({ ...choice, source: 'builtin' })} /> {say(BUILTIN_CORPUS.title)}</label>
        <label><input type="radio" name="corpus-source" checked={choice.source === 'own'} onChange={() => onChoice({ ...choice, source: 'own' })} /> {t('ownText')}</label>
      </fieldset>
      {choice.source === 'own' && (
        <div className="own-text">
          <label htmlFor={textId}>{t('pasteText', { max: MAX_TEXT_LENGTH })}</label>
          <textarea id={textId} rows={4} value={ownText} onChange={(event) => edit(event.target.value)} />
          <input type="file" accept=".txt,text/plain" aria-label={t('uploadTextFile')} onChange={(event) => upload(event.target)} />
          {uploadProblem && <p className="widget-error" role="alert" data-testid="upload-problem">{say(uploadProblem)}</p>}
        </div>
      )}
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('charactersLegend')}</legend>
        {PREPROCESSINGS.map((mode) => (
          <label key={mode}><input type="radio" name="corpus-prep" checked={choice.preprocessing === mode} onChange={() => onChoice({ ...choice, preprocessing: mode })} /> {t(`preprocessing_${mode}`)}</label>
        ))}
      </fieldset>
      {lettersEraseMost && (
        <p className="widget-error" role="alert" data-testid="letters-erase">
          {t(erased.examples.length > 0 ? 'lettersEraseWithExamples' : 'lettersErase', { erased: erased.erased, total: erased.erased + erased.kept, examples: erased.examples.join(' ') })}{' '}
          <button type="button" onClick={() => onChoice({ ...choice, preprocessing: 'characters' })}>{t('keepEveryCharacter')}</button>
        </p>
      )}
      {corpus.problem && !lettersEraseMost && <p className="widget-error" role="alert" data-testid="corpus-problem">{say(corpus.problem)}</p>}
      {corpus.vocabulary && corpus.text && (
        <>
          <p data-testid="corpus-summary">
            <Trans t={t} i18nKey="corpusSummary" values={{ characters: corpus.characters, tokens: corpus.vocabulary.tokens.length, unk: UNKNOWN }} components={{ strong: <strong />, code: <code /> }} />
          </p>
          <ol className="vocab-bars" aria-label={t('mostFrequent')}>
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
