/**
 * ShapeExplorer: the reader sets the arguments of nn.RNN, nn.LSTM or nn.GRU (input_size, hidden_size,
 * num_layers, bias, batch_first, bidirectional, nonlinearity) and a sequence length and batch size, and
 * reads the constructor call, the shapes of input, h_0 (c_0), output and h_n (c_n), and every parameter's
 * shape and count — `exploreShapes` in src/core/figures/shapes.ts, on a layer the engine builds.
 */
import { Slider } from '../../components/Slider';
import { WidgetFrame } from '../../components/WidgetFrame';
import type { CellKind } from '../../core/cells/types';
import { exploreShapes, type ShapeReport } from '../../core/figures/shapes';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { boolean, choice, integer, rangeOf, type SettingsSchema } from '../../hooks/settingsSchema';
import { CELL_KINDS } from '../../core/cells/types';
import { useT } from '../../i18n/useT';

const DEFAULTS = {
  kind: 'RNN' as CellKind,
  inputSize: 10,
  hiddenSize: 20,
  numLayers: 2,
  bias: true,
  batchFirst: false,
  bidirectional: false,
  relu: false,
  seqLength: 100,
  batch: 32,
};

const SCHEMA: SettingsSchema<typeof DEFAULTS> = {
  kind: choice(CELL_KINDS),
  inputSize: integer(1, 64),
  hiddenSize: integer(1, 64),
  numLayers: integer(1, 3),
  bias: boolean,
  batchFirst: boolean,
  bidirectional: boolean,
  relu: boolean,
  seqLength: integer(1, 100),
  batch: integer(1, 32),
};

const shape = (dims: number[]) => `(${dims.join(', ')})`;

/** The tensors of one forward call, named as PyTorch names them (so in every edition), each with its shape. */
function forwardTensors(report: ShapeReport): { name: string; dims: number[]; testId?: string }[] {
  return [
    { name: 'input', dims: report.input },
    { name: 'h_0', dims: report.h0 },
    ...(report.c0 ? [{ name: 'c_0', dims: report.c0 }] : []),
    { name: 'output', dims: report.output, testId: 'output-shape' },
    { name: 'h_n', dims: report.hN, testId: 'hn-shape' },
    ...(report.cN ? [{ name: 'c_n', dims: report.cN }] : []),
  ];
}

/** Chapter 5: pick nn.RNN / LSTM / GRU arguments and read every shape off a layer the engine builds. */
export default function ShapeExplorer() {
  const t = useT('shapeExplorer');
  const [s, setSettings, reset] = usePersistentState('shape-explorer', DEFAULTS, SCHEMA);
  const set = (patch: Partial<typeof DEFAULTS>) => setSettings({ ...s, ...patch });
  const nonlinearity = s.kind === 'RNN' && s.relu ? 'relu' : 'tanh';
  const { engine, result: report, busy, error } = useEngineResult(
    async () =>
      exploreShapes(
        { kind: s.kind, inputSize: s.inputSize, hiddenSize: s.hiddenSize, numLayers: s.numLayers, bias: s.bias, batchFirst: s.batchFirst, bidirectional: s.bidirectional, nonlinearity },
        s.seqLength,
        s.batch,
      ),
    [JSON.stringify(s)],
  );
  const check = (key: 'bias' | 'batchFirst' | 'bidirectional' | 'relu', label: string) => (
    <label className="check">
      <input type="checkbox" checked={s[key]} disabled={key === 'relu' && s.kind !== 'RNN'} onChange={(e) => set({ [key]: e.target.checked })} /> <code>{label}</code>
    </label>
  );

  return (
    <WidgetFrame title={t('title')} engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>{t('reset')}</button>}>
      <div className="control-grid">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('layerType')}</legend>
          {(['RNN', 'LSTM', 'GRU'] as const).map((kind) => (
            <label key={kind}>
              <input type="radio" name="shape-kind" checked={s.kind === kind} onChange={() => set({ kind })} /> nn.{kind}
            </label>
          ))}
        </fieldset>
        {check('bias', 'bias')}
        {check('batchFirst', 'batch_first')}
        {check('bidirectional', 'bidirectional')}
        {check('relu', "nonlinearity='relu'")}
      </div>
      <div className="control-grid">
        <Slider label="input_size" value={s.inputSize} {...rangeOf(SCHEMA.inputSize)} onChange={(inputSize) => set({ inputSize })} />
        <Slider label="hidden_size" value={s.hiddenSize} {...rangeOf(SCHEMA.hiddenSize)} onChange={(hiddenSize) => set({ hiddenSize })} />
        <Slider label="num_layers" value={s.numLayers} {...rangeOf(SCHEMA.numLayers)} onChange={(numLayers) => set({ numLayers })} />
        <Slider label={t('seqLength')} value={s.seqLength} {...rangeOf(SCHEMA.seqLength)} onChange={(seqLength) => set({ seqLength })} />
        <Slider label={t('batch')} value={s.batch} {...rangeOf(SCHEMA.batch)} onChange={(batch) => set({ batch })} />
      </div>
      {report ? (
        <>
          <pre className="constructor-line" data-testid="constructor-line">{`rnn = ${report.constructorLine}`}</pre>
          <table className="shape-table">
            <caption>{t('tensorsCaption')}</caption>
            <thead>
              <tr><th scope="col">{t('tensor')}</th><th scope="col">{t('shape')}</th></tr>
            </thead>
            <tbody>
              {forwardTensors(report).map(({ name, dims, testId }) => (
                <tr key={name}><td><code>{name}</code></td><td data-testid={testId}>{shape(dims)}</td></tr>
              ))}
            </tbody>
          </table>
          <table className="shape-table">
            <caption>{t('parametersCaption')}</caption>
            <thead>
              <tr><th scope="col">{t('name')}</th><th scope="col">{t('shape')}</th><th scope="col">{t('count')}</th></tr>
            </thead>
            <tbody>
              {report.parameters.map((p) => (
                <tr key={p.name}>
                  <td><code>{p.name}</code></td>
                  <td>{shape(p.shape)}</td>
                  <td>{p.shape.reduce((a, b) => a * b, 1).toLocaleString('en')}</td>
                </tr>
              ))}
              <tr className="total">
                <td colSpan={2}>{t('total')}</td>
                <td data-testid="parameter-total">{report.total.toLocaleString('en')}</td>
              </tr>
            </tbody>
          </table>
        </>
      ) : (
        <p className="placeholder">{t('placeholder')}</p>
      )}
    </WidgetFrame>
  );
}
