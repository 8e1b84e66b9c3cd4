/**
 * ParamCount: nothing to set; a chapter writes a layer's arguments as props in its prose, and the reader
 * sees that layer's parameter count, counted on a layer the engine builds rather than typed by hand —
 * `exploreShapes(config, 1, 1).total` in src/core/figures/shapes.ts.
 */
import { useMemo } from 'react';
import { CELL_KINDS } from '../../core/cells/types';
import type { LayerConfig } from '../../core/layer/layerConfig';
import { exploreShapes } from '../../core/figures/shapes';
import { useEngine } from '../../hooks/useEngine';
import { boolean, choice, fitSettings, integer } from '../../hooks/settingsSchema';
import { useT } from '../../i18n/useT';

/** Any layer a chapter (or a URL on the figure's own page) may ask about; bounded so that the layer built to count it stays small. */
const PROPS = {
  kind: choice(CELL_KINDS),
  inputSize: integer(1, 512),
  hiddenSize: integer(1, 512),
  numLayers: integer(1, 4),
  bias: boolean,
  batchFirst: boolean,
  bidirectional: boolean,
  nonlinearity: choice(['tanh', 'relu']),
};
const BASE: Required<Omit<LayerConfig, 'dropout'>> = { kind: 'RNN', inputSize: 10, hiddenSize: 20, numLayers: 1, bias: true, batchFirst: false, bidirectional: false, nonlinearity: 'tanh' };

/** Inline in prose: the parameter count of the layer these props describe, as the engine builds it. */
export default function ParamCount(props: Partial<LayerConfig>) {
  const t = useT('paramCount');
  const engine = useEngine();
  const config = fitSettings(PROPS, props, BASE);
  const key = JSON.stringify(config);
  const total = useMemo(
    () => (engine.status === 'ready' ? exploreShapes(JSON.parse(key) as LayerConfig, 1, 1).total : null),
    [engine.status, key],
  );
  return total === null ? (
    <span className="param-count" aria-busy="true">…</span>
  ) : (
    <span className="param-count" data-testid="param-count" title={t('title', { kind: config.kind, inputSize: config.inputSize, hiddenSize: config.hiddenSize })}>
      {total.toLocaleString('en')}
    </span>
  );
}
