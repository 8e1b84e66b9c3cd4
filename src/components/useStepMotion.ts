/**
 * Plays `stepMotion`'s plan on an SVG layer each time the picture moves one step the way its values flow.
 * Decoration only: the numbers of the new step are already drawn when it starts (it waits a frame), the
 * next step cancels it, and a reader who asks for reduced motion never sees it.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { movesWithFlow, stepMotion, type MotionPart } from './stepMotion';
import type { Direction, UnrolledLayout } from './unrolledLayout';

const SVG = 'http://www.w3.org/2000/svg';
const PULSE_RADIUS = 5;

export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** One part as an SVG element with its animation; the element is invisible outside its animation (CSS). */
function play(layer: SVGGElement, part: MotionPart): void {
  if (part.kind === 'pulse') {
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('class', `motion-pulse${part.stopped ? ' stopped' : ''}`);
    dot.setAttribute('r', String(PULSE_RADIUS));
    dot.dataset.wire = part.wireId;
    layer.append(dot);
    const at = (p: { x: number; y: number }) => `translate(${p.x}px, ${p.y}px)`;
    dot.animate(
      [
        { transform: at(part.from), opacity: 0 },
        { opacity: 1, offset: 0.2 },
        { opacity: part.stopped ? 0.6 : 1, offset: 0.8 },
        { transform: at(part.to), opacity: 0 },
      ],
      { duration: part.duration, delay: part.delay, easing: 'ease-in-out', fill: 'backwards' },
    );
    return;
  }
  const glow = document.createElementNS(SVG, 'rect');
  glow.setAttribute('class', 'motion-glow');
  for (const [name, value] of Object.entries(part.box)) glow.setAttribute(name, String(value));
  glow.setAttribute('rx', '2');
  glow.dataset.wire = part.wireId;
  layer.append(glow);
  glow.animate([{ opacity: 0 }, { opacity: 1, offset: 0.4 }, { opacity: 0 }], { duration: part.duration, delay: part.delay, fill: 'backwards' });
}

/**
 * @param layer an empty `<g>` drawn above the picture, left to this hook
 * @param activeStep the engine's 0-based index of the active step, or null
 */
export function useStepMotion(layer: RefObject<SVGGElement | null>, layout: UnrolledLayout, activeStep: number | null, direction: Direction): void {
  const previous = useRef(activeStep);
  // The latest positions, read when a step arrives: a new layout alone (new numbers) starts nothing.
  const latest = useRef(layout);
  useEffect(() => {
    latest.current = layout;
  });
  useEffect(() => {
    const from = previous.current;
    previous.current = activeStep;
    const group = layer.current;
    if (!group || activeStep === null || !movesWithFlow(from, activeStep, direction) || prefersReducedMotion()) return;
    const frame = requestAnimationFrame(() => {
      for (const part of stepMotion(latest.current, activeStep, direction)) play(group, part);
    });
    return () => {
      cancelAnimationFrame(frame);
      for (const animation of group.getAnimations({ subtree: true })) animation.cancel();
      group.replaceChildren();
    };
  }, [layer, activeStep, direction]);
}
