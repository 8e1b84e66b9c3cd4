import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { Trans } from 'react-i18next';
import { formatNumber } from '../../components/format';
import { Slider } from '../../components/Slider';
import { stepperKeys } from '../../components/StepperBar';
import { UnrolledGraph } from '../../components/UnrolledGraph';
import { WidgetFrame } from '../../components/WidgetFrame';
import { readWord, repeatedLetter } from '../../core/figures/readingRnn';
import { charactersOf, oneHotRows, wordVocabulary } from '../../core/figures/wordInput';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { useFigureUrlFields, useFollowedByUrl } from '../../hooks/useFigureUrl';
import { fitSettings, integer, rangeOf, text, type SettingsSchema } from '../../hooks/settingsSchema';
import { useT } from '../../i18n/useT';
import { readingGraph, shownCharacter, sub } from './readingGraph';
import { StateColumns } from './StateColumns';
import './ReadingRnn.css';

export interface ReadingRnnProps {
  word?: string;
  hiddenSize?: number;
  seed?: number;
  /** the figure's caption, written where the figure is used */
  children?: ReactNode;
}

interface Settings {
  word: string;
  hiddenSize: number;
  seed: number;
}

/** How far the reader has read, in the figure's link; the word's length clamps it. */
const PROGRESS_SCHEMA = { read: integer(0, 12) };
const SCHEMA: SettingsSchema<Settings> = { word: text(12), hiddenSize: integer(1, 8), seed: integer(0, 99) };
const BASE: Settings = { word: 'hello', hiddenSize: 4, seed: 0 };
/** As the picture's chips print values: two decimals, a true minus sign. */
const twoDecimals = (v: number) => v.toFixed(2).replace('-', '−');
/** Milliseconds between letters while playing: slow enough to watch each column fill in. */
const PLAY_INTERVAL = 900;

/** The home page and chapter 1: a tiny RNN reads a word letter by letter, and its memory fills in. */
export default function ReadingRnn(props: ReadingRnnProps) {
  const t = useT('readingRnn');
  const defaults = fitSettings(SCHEMA, props, BASE);
  const [settings, setSettings, resetSettings] = usePersistentState(`reading-rnn:${JSON.stringify(defaults)}`, defaults, SCHEMA);
  const { word, hiddenSize, seed } = settings;
  const characters = charactersOf(word);
  const inputs = oneHotRows(characters, wordVocabulary(word));
  const settingsKey = JSON.stringify(settings);
  const { engine, result, error, busy } = useEngineResult(
    () => (word ? readWord({ word, hiddenSize, seed }).then((trace) => ({ settingsKey, trace })) : Promise.resolve(null)),
    [word, hiddenSize, seed],
  );
  // A result for other settings (the engine still busy with the new ones) is not shown against this word.
  const trace = result?.settingsKey === settingsKey ? result.trace : null;

  // How many letters have been read (kept in the figure's link); a change of settings starts the word again.
  const readInUrl = useFigureUrlFields<{ read: number }>(PROGRESS_SCHEMA);
  const [progress, setProgress] = useState({ key: settingsKey, read: readInUrl.fromUrl.read ?? 0 });
  const read = progress.key === settingsKey ? Math.min(progress.read, characters.length) : 0;
  useFollowedByUrl(readInUrl, useMemo(() => ({ read }), [read]), trace !== null, read === 0);
  const [playing, setPlaying] = useState(false);
  const setRead = useCallback((next: number) => setProgress({ key: settingsKey, read: next }), [settingsKey]);
  const canRead = trace !== null && read < characters.length;
  const readNext = useCallback(() => setRead(read + 1), [setRead, read]);

  useEffect(() => {
    if (!playing) return;
    if (!canRead) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(readNext, PLAY_INTERVAL);
    return () => clearTimeout(timer);
  }, [playing, canRead, readNext]);

  const play = () => {
    if (!playing && read >= characters.length) setRead(0);
    setPlaying(!playing);
  };
  const startOver = () => {
    setPlaying(false);
    setRead(0);
  };
  const states = trace ? trace.states.slice(0, read) : [];
  const graph = readingGraph(t, { characters, inputs, states, hiddenSize });
  const next = read < characters.length ? shownCharacter(characters[read]) : null;
  const readSoFar = characters.slice(0, read).map(shownCharacter).join('');
  const latest = read - 1;
  const repeat = trace && latest >= 0 ? repeatedLetter(trace, latest) : null;
  // The memory after the letters read so far, as the readout prints it.
  const memory = trace && read > 0 ? { read: readSoFar, now: sub(read), values: trace.states[latest].map(twoDecimals).join(', ') } : null;
  const wordId = useId();

  return (
    <WidgetFrame
      title={t('title', { word })}
      engine={engine}
      busy={busy}
      error={error}
      controls={<button type="button" onClick={() => (startOver(), resetSettings())}>{t('reset')}</button>}
    >
      <div
        className="reading-rnn"
        onKeyDown={stepperKeys({ canStepBackward: read > 0, canStepForward: canRead, onStepBackward: () => setRead(read - 1), onStepForward: readNext })}
      >
        <div className="reading-actions" role="group" aria-label={t('readingGroup')}>
          <button type="button" className="reading-next" onClick={readNext} disabled={!canRead} title={t('readNextShortcut')}>
            {next ? t('readNextLetter', { letter: next }) : t('readNext')}
          </button>
          <button type="button" onClick={play} disabled={!trace} aria-label={playing ? t('pause') : t('play')}>
            {playing ? `❚❚ ${t('pause')}` : `▶ ${t('play')}`}
          </button>
          <button type="button" onClick={startOver} disabled={read === 0}>{t('startOver')}</button>
          <span className="reading-position" aria-live="polite">
            {read === 0 ? t('nothingRead') : t('readSoFar', { read: readSoFar, count: read, total: characters.length })}
          </span>
        </div>
        {characters.length === 0 ? (
          <p className="placeholder">{t('typeAWord')}</p>
        ) : (
          <div className="reading-pictures">
            <UnrolledGraph
              title={t('graphTitle', { hiddenSize, word, count: read })}
              cellLabel="RNN"
              columns={graph.columns}
              initial={graph.initial}
              activeStep={read > 0 ? latest : null}
              direction="forward"
              limit={1}
              featured={read > 0 ? `h-${latest}` : 'h-init'}
            />
            <div className="reading-memory">
              <StateColumns characters={characters} states={states} hiddenSize={hiddenSize} />
              <p className="widget-readout" data-testid="reading-readout">
                {!memory
                  ? t('readoutStart')
                  : repeat
                    ? t('readoutMemoryRepeat', { ...memory, letter: shownCharacter(characters[latest]), earlier: repeat.earlier + 1, then: sub(repeat.earlier + 1), difference: formatNumber(repeat.difference, 2) })
                    : t('readoutMemory', memory)}
              </p>
            </div>
          </div>
        )}
        {props.children && <div className="figure-caption">{props.children}</div>}
        <details className="reading-settings">
          <summary>{t('settings')}</summary>
          <div className="control-grid">
            <div className="reading-word">
              <label htmlFor={wordId}>{t('word')}</label>{' '}
              <input id={wordId} type="text" value={word} maxLength={12} spellCheck={false} onChange={(event) => setSettings({ ...settings, word: event.target.value })} />
            </div>
            <Slider label={t('hiddenUnits')} value={hiddenSize} {...rangeOf(SCHEMA.hiddenSize)} onChange={(v) => setSettings({ ...settings, hiddenSize: v })} />
            <Slider label={t('seed')} value={seed} {...rangeOf(SCHEMA.seed)} onChange={(v) => setSettings({ ...settings, seed: v })} />
          </div>
          <p className="reading-note">
            <Trans
              t={t}
              i18nKey="weightsNote"
              values={{ seed, inputSize: wordVocabulary(word).length, hiddenSize }}
              components={{ seed: <code />, layer: <code /> }}
            />
          </p>
        </details>
      </div>
    </WidgetFrame>
  );
}
