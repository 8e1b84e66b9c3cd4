import { useMemo } from 'react';
import type { LayerConfig } from '../../core/layerConfig';
import { exploreShapes } from '../../core/shapes';
import { useEngine } from '../../hooks/useEngine';

/** Inline in prose: the parameter count of the layer these props describe, as the engine builds it. */
export default function ParamCount(config: LayerConfig) {
  const engine = useEngine();
  const key = JSON.stringify(config);
  const total = useMemo(
    () => (engine.status === 'ready' ? exploreShapes(JSON.parse(key) as LayerConfig, 1, 1).total : null),
    [engine.status, key],
  );
  return total === null ? (
    <span className="param-count" aria-busy="true">…</span>
  ) : (
    <span className="param-count" data-testid="param-count" title={`parameters of nn.${config.kind}(${config.inputSize}, ${config.hiddenSize})`}>
      {total.toLocaleString('en')}
    </span>
  );
}
