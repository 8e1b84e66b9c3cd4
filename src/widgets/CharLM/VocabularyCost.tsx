import { memo } from 'react';
import { charModelCost } from '../../core/figures/charLmCost';
import type { CharLmOptions } from '../../core/train/charLm';

const count = (n: number) => n.toLocaleString('en');

/**
 * What the vocabulary costs the model the settings describe: parameters and multiply-adds per character,
 * split into input, recurrent layers and output, so a reader sees where a large V goes.
 */
export const VocabularyCost = memo(function VocabularyCost({ vocabularySize, options }: { vocabularySize: number; options: CharLmOptions }) {
  if (vocabularySize < 2) return null;
  const cost = charModelCost(vocabularySize, options);
  const input = options.embeddingSize > 0 ? `embedding ${vocabularySize} × ${options.embeddingSize}` : `one-hot vectors of width ${vocabularySize}`;
  return (
    <p className="charlm-cost" data-testid="charlm-cost" data-vocabulary={vocabularySize} data-parameters={cost.totalParameters}>
      V = <strong>{count(vocabularySize)}</strong> tokens, input as {input}: <strong>{count(cost.totalParameters)}</strong> parameters
      ({count(cost.embeddingParameters)} in the embedding, {count(cost.recurrentParameters)} in the {options.kind}, {count(cost.outputParameters)} in
      the output layer) and about <strong>{count(cost.totalMultiplyAdds)}</strong> multiply-adds per character forward ({count(cost.inputMultiplyAdds)} for
      the input product, {count(cost.recurrentMultiplyAdds)} recurrent, {count(cost.outputMultiplyAdds)} for the V scores).
    </p>
  );
});
