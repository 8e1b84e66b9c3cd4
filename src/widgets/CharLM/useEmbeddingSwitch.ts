import { useEffect, useRef, useState } from 'react';
import { LARGE_VOCABULARY, LARGE_VOCABULARY_EMBEDDING } from '../../core/figures/charLmCost';
import type { CharLmOptions } from '../../core/train/charLm';
import { embeddingNote, switchesToEmbedding } from './charLmView';

/**
 * Switches one-hot input to an embedding once, when the text's vocabulary grows past `LARGE_VOCABULARY`
 * (see `switchesToEmbedding`), and returns the note that says so, or null.
 */
export function useEmbeddingSwitch(vocabularySize: number, options: CharLmOptions, setOptions: (next: CharLmOptions) => void, running: boolean): string | null {
  const [note, setNote] = useState<string | null>(null);
  const wasLarge = useRef(false);
  useEffect(() => {
    if (switchesToEmbedding({ vocabularySize, wasLarge: wasLarge.current, embeddingSize: options.embeddingSize, running })) {
      setOptions({ ...options, embeddingSize: LARGE_VOCABULARY_EMBEDDING });
      setNote(embeddingNote(vocabularySize));
    }
    const large = vocabularySize > LARGE_VOCABULARY;
    if (!large) setNote(null);
    wasLarge.current = large;
  }, [vocabularySize, options, setOptions, running]);
  return note;
}
