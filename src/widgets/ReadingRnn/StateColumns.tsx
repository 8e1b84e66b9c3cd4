import { DIVERGING_GRADIENT, divergingColor } from '../../components/colorScale';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n/useT';
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
  const t = useT('readingRnn');
  const width = LEFT + characters.length * CELL + 4;
  const height = TOP + hiddenSize * CELL + 18;
  const last = states.length - 1;
  const description =
    states.length === 0
      ? t('memoryNothingRead', { hiddenSize, letters: characters.length })
      : t('memoryDescription', {
          hiddenSize,
          states: states
            .map((h, index) => t('memoryAfterLetter', { letter: shownCharacter(characters[index]), step: index + 1, values: h.map((v) => formatNumber(v)).join(', ') }))
            .join(t('memorySeparator')),
        });
  return (
    <figure className="state-columns" data-testid="state-columns" data-read={states.length}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
        <text className="state-axis" x={LEFT - 6} y={TOP - 8} textAnchor="end">{t('memoryAxisUnit')}</text>
        {characters.map((character, index) => {
          const x = LEFT + index * CELL;
          const read = index <= last;
          return (
            <g key={index} className={`state-column${read ? ' read' : ''}${index === last ? ' latest' : ''}`}>
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
                  fill={read ? divergingColor(states[index][j], 1) : 'none'}
                  data-value={read ? states[index][j] : undefined}
                />
              ))}
              {index === last && <rect className="state-latest" x={x - 1} y={TOP - 1} width={CELL + 2} height={hiddenSize * CELL + 2} rx={3} />}
              <text className="state-step" x={x + CELL / 2} y={TOP + hiddenSize * CELL + 13} textAnchor="middle">{index + 1}</text>
            </g>
          );
        })}
        {Array.from({ length: hiddenSize }, (_, j) => (
          <text key={j} className="state-axis" x={LEFT - 6} y={TOP + j * CELL + CELL / 2 + 4} textAnchor="end">{j}</text>
        ))}
      </svg>
      <figcaption>
        <span className="heatmap-legend" data-scale="diverging" data-min={-1} data-max={1}>
          <span className="heatmap-legend-name">{t('memoryLegend')}</span>
          <span data-value={-1}>−1</span>
          <span className="heatmap-gradient" style={{ background: DIVERGING_GRADIENT }} aria-hidden="true" />
          <span data-value={1}>1</span>
        </span>
        <span>{t('memoryAxes')}</span>
      </figcaption>
    </figure>
  );
}
