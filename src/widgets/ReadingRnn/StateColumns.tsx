import { DIVERGING_GRADIENT, divergingColor } from '../../components/colorScale';
import { formatNumber } from '../../components/format';
import { shownCharacter } from './readingGraph';

export interface StateColumnsProps {
  /** the word's characters, one column each */
  characters: string[];
  /** h_t for the letters read so far: [read][H]; the other columns wait, outlined */
  states: number[][];
  hiddenSize: number;
}

const CELL = 26;
const LEFT = 34;
const TOP = 22;

/**
 * The memory as a picture: one column per letter, one row per hidden unit, each square h_t's unit on the
 * diverging scale of tanh (−1 blue, 0 white, +1 red). Columns fill in as the letters are read.
 */
export function StateColumns({ characters, states, hiddenSize }: StateColumnsProps) {
  const width = LEFT + characters.length * CELL + 4;
  const height = TOP + hiddenSize * CELL + 18;
  const last = states.length - 1;
  const description =
    states.length === 0
      ? `Hidden state h, ${hiddenSize} units by ${characters.length} letters: nothing read yet.`
      : `Hidden state h after each letter read, ${hiddenSize} units each, on a scale from −1 to 1: ` +
        states.map((h, t) => `after “${shownCharacter(characters[t])}” (t = ${t + 1}): ${h.map((v) => formatNumber(v)).join(', ')}`).join('; ') +
        '.';
  return (
    <figure className="state-columns" data-testid="state-columns" data-read={states.length}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
        <text className="state-axis" x={LEFT - 6} y={TOP - 8} textAnchor="end">unit</text>
        {characters.map((character, t) => {
          const x = LEFT + t * CELL;
          const read = t <= last;
          return (
            <g key={t} className={`state-column${read ? ' read' : ''}${t === last ? ' latest' : ''}`}>
              <text className="state-letter" x={x + CELL / 2} y={TOP - 8} textAnchor="middle">{shownCharacter(character)}</text>
              {Array.from({ length: hiddenSize }, (_, j) => (
                <rect
                  key={j}
                  className={read ? 'state-cell' : 'state-cell pending'}
                  x={x + 1}
                  y={TOP + j * CELL + 1}
                  width={CELL - 2}
                  height={CELL - 2}
                  rx={2}
                  fill={read ? divergingColor(states[t][j], 1) : 'none'}
                  data-value={read ? states[t][j] : undefined}
                />
              ))}
              {t === last && <rect className="state-latest" x={x - 1} y={TOP - 1} width={CELL + 2} height={hiddenSize * CELL + 2} rx={3} />}
              <text className="state-step" x={x + CELL / 2} y={TOP + hiddenSize * CELL + 13} textAnchor="middle">{t + 1}</text>
            </g>
          );
        })}
        {Array.from({ length: hiddenSize }, (_, j) => (
          <text key={j} className="state-axis" x={LEFT - 6} y={TOP + j * CELL + CELL / 2 + 4} textAnchor="end">{j}</text>
        ))}
      </svg>
      <figcaption>
        <span className="heatmap-legend" data-scale="diverging" data-min={-1} data-max={1}>
          <span className="heatmap-legend-name">h: tanh output, −1 to 1</span>
          <span data-value={-1}>−1</span>
          <span className="heatmap-gradient" style={{ background: DIVERGING_GRADIENT }} aria-hidden="true" />
          <span data-value={1}>1</span>
        </span>
        <span>letters across (t = 1, 2, …), hidden units down</span>
      </figcaption>
    </figure>
  );
}
