import { formatNumber } from './format';
import { useT } from '../i18n/useT';

export interface MatrixProps {
  /** Rows of numbers: [rows, cols]. */
  values: number[][];
  /** The tensor's name, e.g. "W_xh"; read aloud with each value. */
  name: string;
  /** Significant digits on screen; the exact value is in each cell's accessible name and data-value. */
  digits?: number;
  caption?: string;
}

/** A small tensor as a grid of rounded numbers in right-aligned columns, each carrying its exact value. */
export function Matrix({ values, name, digits = 4, caption }: MatrixProps) {
  const t = useT('figure');
  const cols = values[0]?.length ?? 0;
  return (
    <figure className="matrix" aria-label={t('matrixLabel', { name, rows: values.length, cols })}>
      <table>
        <tbody>
          {values.map((row, i) => (
            <tr key={i}>
              {row.map((value, j) => (
                <td key={j} data-value={value} aria-label={`${name}[${i}, ${j}] = ${value}`}>
                  {formatNumber(value, digits)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>
        {caption ?? name} <span className="shape">({values.length} × {cols})</span>
      </figcaption>
    </figure>
  );
}
