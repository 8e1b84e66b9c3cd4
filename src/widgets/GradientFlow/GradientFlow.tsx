import { LineChartCard } from '../../components/Charts';
import { formatNumber } from '../../components/format';
import { Slider } from '../../components/Slider';
import { WidgetFrame } from '../../components/WidgetFrame';
import { gradientFlow } from '../../core/gradientFlow';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { integer, number, rangeOf, type SettingsSchema } from '../../hooks/settingsSchema';

const DEFAULTS = { radius: 0.9, steps: 40, clipNorm: 1 };
const SCHEMA: SettingsSchema<typeof DEFAULTS> = { radius: number(0.5, 1.6), steps: integer(5, 100), clipNorm: number(0.1, 10) };

/** Chapter 4: how ‖∂L/∂h_t‖ shrinks or grows with the spectral radius of W_hh, and what clipping does. */
export default function GradientFlow() {
  const [settings, setSettings, reset] = usePersistentState('gradient-flow', DEFAULTS, SCHEMA);
  const { radius, steps, clipNorm } = settings;
  const { engine, result, error, busy } = useEngineResult(() => gradientFlow({ radius, steps, clipNorm, seed: 0 }), [radius, steps, clipNorm]);
  const regime = radius < 1 ? 'vanishing' : radius > 1 ? 'exploding (until tanh saturates)' : 'on the edge';
  const lastK = steps - 1;

  return (
    <WidgetFrame title="Gradients through time" engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>Reset</button>}>
      <div className="control-grid">
        <Slider label="Spectral radius ρ of W_hh" value={radius} {...rangeOf(SCHEMA.radius)} step={0.05} format={(v) => v.toFixed(2)} onChange={(v) => setSettings({ ...settings, radius: v })} />
        <Slider label="Sequence length T" value={steps} {...rangeOf(SCHEMA.steps)} onChange={(v) => setSettings({ ...settings, steps: v })} />
        <Slider label="Clipping threshold θ" value={clipNorm} {...rangeOf(SCHEMA.clipNorm)} step={0.1} format={(v) => v.toFixed(1)} onChange={(v) => setSettings({ ...settings, clipNorm: v })} />
      </div>
      {result ? (
        <>
          <LineChartCard
            title="‖∂L/∂h‖ k steps back from the loss (log scale)"
            xLabel="steps back k"
            yLabel="norm"
            logY
            series={[
              { name: 'tanh RNN', points: result.normsBack.map((y, x) => ({ x, y: Math.max(y, 1e-30) })) },
              { name: 'ρᵏ (linear RNN)', points: result.linearBound.map((y, x) => ({ x, y: Math.max(y, 1e-30) })) },
            ]}
          />
          <p className="widget-readout" data-testid="gradient-flow-readout">
            Regime: <strong>{regime}</strong>. After {lastK} steps back the gradient norm is{' '}
            <strong title={String(result.normsBack[lastK])}>{formatNumber(result.normsBack[lastK], 3)}</strong>{' '}
            (ρ<sup>{lastK}</sup> = <span title={String(result.linearBound[lastK])}>{formatNumber(result.linearBound[lastK], 3)}</span>); tanh is
            saturated in <span title={String(result.saturation)}>{(100 * result.saturation).toFixed(0)}%</span> of units. The weight gradient's norm is{' '}
            <strong title={String(result.weightGradientNorm)}>{formatNumber(result.weightGradientNorm, 3)}</strong>
            {result.clippedNorm < result.weightGradientNorm ? (
              <>
                ; clipping at θ = {clipNorm.toFixed(1)} rescales it to <strong title={String(result.clippedNorm)}>{formatNumber(result.clippedNorm, 3)}</strong>, same direction.
              </>
            ) : (
              <>, below θ = {clipNorm.toFixed(1)}, so clipping leaves it alone.</>
            )}
          </p>
        </>
      ) : (
        <p className="placeholder">The gradient norm per step will be plotted here.</p>
      )}
    </WidgetFrame>
  );
}
