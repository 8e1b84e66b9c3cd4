import { useEffect, useRef, useState } from 'react';
import { LARGE_VOCABULARY, LARGE_VOCABULARY_EMBEDDING } from '../../core/figures/charLmCost';
import type { CharLmOptions } from '../../core/train/charLm';
import { switchesToEmbedding } from './charLmView';

/**
 * Switches one-hot input to an embedding once, when the text's vocabulary grows past `LARGE_VOCABULARY`
 * (see `switchesToEmbedding`), and returns the vocabulary size it switched at, for the note that says so
 * (see `embeddingNote`), or null.
 */
export function useEmbeddingSwitch(vocabularySize: number, options: CharLmOptions, setOptions: (next: CharLmOptions) => void, running: boolean): number | null {
  const [switchedAt, setSwitchedAt] = useState<number | null>(null);
  const wasLarge = useRef(false);
  useEffect(() => {
    if (switchesToEmbedding({ vocabularySize, wasLarge: wasLarge.current, embeddingSize: options.embeddingSize, running })) {
      setOptions({ ...options, embeddingSize: LARGE_VOCABULARY_EMBEDDING });
      setSwitchedAt(vocabularySize);
    }
    const large = vocabularySize > LARGE_VOCABULARY;
    if (!large) setSwitchedAt(null);
    wasLarge.current = large;
  }, [vocabularySize, options, setOptions, running]);
  return switchedAt;
}
