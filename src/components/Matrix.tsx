import { formatNumber } from './format';

export interface MatrixProps {
  /** Rows of numbers: [rows, cols]. */
  values: number[][];
  /** The tensor's name, e.g. "W_xh"; read aloud with each value. */
  name: string;
  /** Digits after the decimal point on screen; the full value is in each cell's title and name. */
  digits?: number;
  caption?: string;
}

/** A small tensor as a grid of numbers, each carrying its full-precision value. */
export function Matrix({ values, name, digits = 4, caption }: MatrixProps) {
  const cols = values[0]?.length ?? 0;
  return (
    <figure className="matrix" aria-label={`${name}, ${values.length} by ${cols}`}>
      <table>
        <tbody>
          {values.map((row, i) => (
            <tr key={i}>
              {row.map((value, j) => (
                <td key={j} title={`${name}[${i}, ${j}] = ${value}`} aria-label={`${name}[${i}, ${j}] = ${value}`}>
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
