import { memo } from 'react';
import { Trans } from 'react-i18next';
import { charModelCost } from '../../core/figures/charLmCost';
import type { CharLmOptions } from '../../core/train/charLm';
import { useT } from '../../i18n/useT';

/**
 * What the vocabulary costs the model the settings describe: parameters and multiply-adds per character,
 * split into input, recurrent layers and output, so a reader sees where a large V goes.
 */
export const VocabularyCost = memo(function VocabularyCost({ vocabularySize, options }: { vocabularySize: number; options: CharLmOptions }) {
  const t = useT('charLm');
  if (vocabularySize < 2) return null;
  const cost = charModelCost(vocabularySize, options);
  const input = options.embeddingSize > 0 ? t('costInputEmbedding', { vocabulary: vocabularySize, embedding: options.embeddingSize }) : t('costInputOneHot', { vocabulary: vocabularySize });
  const values = {
    vocabulary: vocabularySize,
    input,
    kind: options.kind,
    parameters: cost.totalParameters,
    embeddingParameters: cost.embeddingParameters,
    recurrentParameters: cost.recurrentParameters,
    outputParameters: cost.outputParameters,
    multiplyAdds: cost.totalMultiplyAdds,
    inputMultiplyAdds: cost.inputMultiplyAdds,
    recurrentMultiplyAdds: cost.recurrentMultiplyAdds,
    outputMultiplyAdds: cost.outputMultiplyAdds,
  };
  return (
    <p className="charlm-cost" data-testid="charlm-cost" data-vocabulary={vocabularySize} data-parameters={cost.totalParameters}>
      <Trans t={t} i18nKey="cost" values={values} components={{ strong: <strong /> }} />
    </p>
  );
});
