/**
 * Keeps one figure's failure inside the figure: a render error, a failed chunk download (offline), or a
 * crash in the engine shows a message in the figure's place, with a way back, and the page reads on.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { forgetStored, StoredKeysContext } from '../hooks/usePersistentState';

export interface FigureBoundaryProps {
  /** The figure's title in the reader's words, e.g. "Cell stepper". */
  name: string;
  /** Called before the figure is drawn again, e.g. to retry a chunk download. */
  onRetry?: () => void;
  /** A figure inside a sentence (a number in prose): its message is a short span, not a block. */
  inline?: boolean;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Remounts the figure from scratch after a reset or retry. */
  generation: number;
}

/** Whether an error means the figure's code could not be downloaded (no network, or a new deployment). */
export function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|Failed to fetch|Importing a module script failed|error loading dynamically|preload CSS/i.test(error.message);
}

/** The error boundary around every figure; also records which stored settings the figure read. */
export class FigureBoundary extends Component<FigureBoundaryProps, State> {
  state: State = { error: null, generation: 0 };
  private readonly storedKeys = new Set<string>();

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept in the console for whoever debugs; the reader sees the message in the figure.
    console.warn(`Figure “${this.props.name}” stopped:`, error, info.componentStack);
  }

  private redraw = (forgetSettings: boolean) => {
    if (forgetSettings) forgetStored(this.storedKeys);
    this.storedKeys.clear();
    this.props.onRetry?.();
    this.setState(({ generation }) => ({ error: null, generation: generation + 1 }));
  };

  render() {
    const { error, generation } = this.state;
    if (error) {
      const offline = isChunkLoadError(error);
      if (this.props.inline) {
        return (
          <span className="widget-error" role="alert" title={error.message} data-figure-error="true">
            [{this.props.name} unavailable{offline ? ': offline?' : ''}]
          </span>
        );
      }
      return (
        <section className="widget figure-failed" role="alert" aria-label={`${this.props.name} (stopped)`} data-figure-error="true">
          <p className="widget-error">
            {offline
              ? `This figure could not be loaded: its code did not arrive (are you offline?). The text around it still reads.`
              : `This figure stopped: ${error.message}`}
          </p>
          <p className="figure-failed-actions">
            {offline ? (
              <button type="button" onClick={() => this.redraw(false)}>Try again</button>
            ) : (
              <button type="button" onClick={() => this.redraw(true)}>Reset this figure</button>
            )}
            {!offline && <span> Its stored settings are cleared and it starts from its defaults.</span>}
          </p>
        </section>
      );
    }
    return (
      <StoredKeysContext.Provider value={this.storedKeys} key={generation}>
        {this.props.children}
      </StoredKeysContext.Provider>
    );
  }
}
