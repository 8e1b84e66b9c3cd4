/**
 * ShapeExplorer: the reader sets the arguments of nn.RNN, nn.LSTM or nn.GRU (input_size, hidden_size,
 * num_layers, bias, batch_first, bidirectional, nonlinearity) and a sequence length and batch size, and
 * reads the constructor call, the shapes of input, h_0 (c_0), output and h_n (c_n), and every parameter's
 * shape and count — `exploreShapes` in src/core/figures/shapes.ts, on a layer the engine builds.
 */
import { Slider } from '../../components/Slider';
import { WidgetFrame } from '../../components/WidgetFrame';
import type { CellKind } from '../../core/cells/types';
import { exploreShapes } from '../../core/figures/shapes';
import { useEngineResult } from '../../hooks/useEngineResult';
import { usePersistentState } from '../../hooks/usePersistentState';
import { boolean, choice, integer, rangeOf, type SettingsSchema } from '../../hooks/settingsSchema';
import { CELL_KINDS } from '../../core/cells/types';

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

/** Chapter 5: pick nn.RNN / LSTM / GRU arguments and read every shape off a layer the engine builds. */
export default function ShapeExplorer() {
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
      <input type="checkbox" checked={s[key]} disabled={key === 'relu' && s.kind !== 'RNN'} onChange={(e) => set({ [key]: e.target.checked })} /> {label}
    </label>
  );

  return (
    <WidgetFrame title="Shape explorer" engine={engine} busy={busy} error={error} controls={<button type="button" onClick={reset}>Reset</button>}>
      <div className="control-grid">
        <fieldset className="segmented">
          <legend className="visually-hidden">Layer type</legend>
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
        <Slider label="sequence length" value={s.seqLength} {...rangeOf(SCHEMA.seqLength)} onChange={(seqLength) => set({ seqLength })} />
        <Slider label="batch size" value={s.batch} {...rangeOf(SCHEMA.batch)} onChange={(batch) => set({ batch })} />
      </div>
      {report ? (
        <>
          <pre className="constructor-line" data-testid="constructor-line">{`rnn = ${report.constructorLine}`}</pre>
          <table className="shape-table">
            <caption>Tensors of one forward call</caption>
            <thead>
              <tr><th scope="col">tensor</th><th scope="col">shape</th></tr>
            </thead>
            <tbody>
              <tr><td>input</td><td>{shape(report.input)}</td></tr>
              <tr><td>h_0</td><td>{shape(report.h0)}</td></tr>
              {report.c0 && <tr><td>c_0</td><td>{shape(report.c0)}</td></tr>}
              <tr><td>output</td><td data-testid="output-shape">{shape(report.output)}</td></tr>
              <tr><td>h_n</td><td data-testid="hn-shape">{shape(report.hN)}</td></tr>
              {report.cN && <tr><td>c_n</td><td>{shape(report.cN)}</td></tr>}
            </tbody>
          </table>
          <table className="shape-table">
            <caption>Parameters (named_parameters order)</caption>
            <thead>
              <tr><th scope="col">name</th><th scope="col">shape</th><th scope="col">count</th></tr>
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
                <td colSpan={2}>total</td>
                <td data-testid="parameter-total">{report.total.toLocaleString('en')}</td>
              </tr>
            </tbody>
          </table>
        </>
      ) : (
        <p className="placeholder">Shapes appear once the engine has started.</p>
      )}
    </WidgetFrame>
  );
}
