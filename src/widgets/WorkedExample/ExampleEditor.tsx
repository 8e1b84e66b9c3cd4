import { useState } from 'react';
import type { WorkedExample } from '../../core/figures/workedExample';
import { useT } from '../../i18n/useT';
import { TermBox } from '../StepperKit/termHighlight';

/**
 * The example's editable parts, each as a small matrix (vectors as one row, PyTorch's row layout), with the
 * equation term a group stands for at every step (the inputs and h₀ change meaning from step to step).
 */
const GROUPS = [
  { key: 'inputs', name: 'X', caption: 'groupInputs', term: null },
  { key: 'h0', name: 'h₀', caption: 'groupH0', term: null },
  { key: 'cellWeight', name: 'W', caption: 'groupCellWeight', term: 'W' },
  { key: 'cellBias', name: 'b', caption: 'groupCellBias', term: 'b' },
  { key: 'outputWeight', name: 'W_o', caption: 'groupOutputWeight', term: 'W_o' },
  { key: 'outputBias', name: 'b_o', caption: 'groupOutputBias', term: 'b_o' },
] as const;

type GroupKey = (typeof GROUPS)[number]['key'];
type Drafts = Record<GroupKey, string[][]>;

const asRows = (example: WorkedExample, key: GroupKey): number[][] => {
  const value = example[key];
  return Array.isArray(value[0]) ? (value as number[][]) : [value as number[]];
};

function toDrafts(example: WorkedExample): Drafts {
  return Object.fromEntries(GROUPS.map(({ key }) => [key, asRows(example, key).map((row) => row.map(String))])) as Drafts;
}

/** The text as a number, or null when it is not one (a number input reports "" for "1e" or "−"). */
function parse(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
}

/** Same shapes and finite numbers as the notes' example: what a stored edit must be to be used again. */
export function isExampleLike(reference: WorkedExample) {
  return (value: unknown): value is WorkedExample => {
    if (!value || typeof value !== 'object') return false;
    return GROUPS.every(({ key }) => {
      const want = asRows(reference, key);
      const given = (value as Record<string, unknown>)[key];
      if (!Array.isArray(given)) return false;
      const rows = Array.isArray(given[0]) ? (given as unknown[][]) : [given];
      return rows.length === want.length && rows.every((row, r) => Array.isArray(row) && row.length === want[r].length && row.every((v) => typeof v === 'number' && Number.isFinite(v)));
    });
  };
}

export interface ExampleEditorProps {
  /** the last good values */
  example: WorkedExample;
  onChange: (example: WorkedExample) => void;
}

/**
 * Number inputs for every weight, bias and input. An entry that is not a number stays on screen with a
 * message while the figure keeps the last good values, so a half-typed "−" never breaks the picture.
 * The parent remounts it (a new `key`) to show reset values.
 */
export function ExampleEditor({ example, onChange }: ExampleEditorProps) {
  const t = useT('workedExample');
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(example));
  const invalid = GROUPS.flatMap(({ key, name }) => drafts[key].flatMap((row, r) => row.flatMap((text, c) => (parse(text) === null ? [`${name}[${r}, ${c}]`] : []))));

  const edit = (key: GroupKey, r: number, c: number, text: string) => {
    const next = { ...drafts, [key]: drafts[key].map((row, i) => (i === r ? row.map((v, j) => (j === c ? text : v)) : row)) };
    setDrafts(next);
    const value = parse(text);
    if (value === null) return;
    const rows = asRows(example, key).map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row));
    const updated = { ...example, [key]: Array.isArray(example[key][0]) ? rows : rows[0] };
    onChange(updated);
  };

  return (
    <div className="example-editor">
      <div className="example-groups">
        {GROUPS.map(({ key, name, caption, term }) => (
          <TermBox key={key} term={term}>
            <fieldset className="example-group">
              <legend>{t(caption)}</legend>
              <table>
                <tbody>
                  {drafts[key].map((row, r) => (
                    <tr key={r}>
                      {row.map((text, c) => (
                        <td key={c}>
                          <input
                            type="number"
                            step={0.1}
                            aria-label={`${name}[${r}, ${c}]`}
                            aria-invalid={parse(text) === null}
                            data-testid={`edit-${key}-${r}-${c}`}
                            value={text}
                            onChange={(event) => edit(key, r, c, event.target.value)}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          </TermBox>
        ))}
      </div>
      {invalid.length > 0 && (
        <p className="widget-error" role="alert">
          {t('notANumber', { count: invalid.length, entries: invalid.join(', ') })}
        </p>
      )}
    </div>
  );
}
