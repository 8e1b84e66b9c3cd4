/**
 * Catches what a part of the page throws while it renders (including a chunk that fails to download), so
 * the rest of the page keeps working; the fallback says what happened and can draw the part again.
 */
import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** Named in the console message, for whoever debugs. */
  name: string;
  /** What to show instead; `retry` draws the children again from scratch. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Remounts the children from scratch after a retry. */
  generation: number;
}

/** Whether an error means code could not be downloaded (no network, or a deployment replaced it). */
export function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|Failed to fetch|Importing a module script failed|error loading dynamically|preload CSS/i.test(error.message);
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`“${this.props.name}” stopped:`, error, info.componentStack);
  }

  private retry = () => this.setState(({ generation }) => ({ error: null, generation: generation + 1 }));

  render() {
    const { error, generation } = this.state;
    return error ? this.props.fallback(error, this.retry) : <Fragment key={generation}>{this.props.children}</Fragment>;
  }
}
