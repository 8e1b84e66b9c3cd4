/**
 * Display equations wider than the column scroll sideways. A region that scrolls must be reachable by
 * keyboard, so each one that actually overflows becomes focusable (and stops being so when it fits).
 */
export function keepWideMathFocusable(root: HTMLElement): () => void {
  const update = () => {
    for (const math of root.querySelectorAll<HTMLElement>('.katex-display')) {
      if (math.scrollWidth > math.clientWidth + 1) {
        math.tabIndex = 0;
        math.setAttribute('role', 'group');
        math.setAttribute('aria-label', 'Equation (scrolls sideways)');
      } else if (math.hasAttribute('tabindex')) {
        math.removeAttribute('tabindex');
        math.removeAttribute('role');
        math.removeAttribute('aria-label');
      }
    }
  };
  // The article resizes when the chapter arrives, when figures grow and when the window changes: that is
  // when equations start or stop overflowing. Look at most once a frame.
  let pending = 0;
  const schedule = () => {
    pending ||= requestAnimationFrame(() => {
      pending = 0;
      update();
    });
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(root);
  update();
  return () => {
    cancelAnimationFrame(pending);
    observer.disconnect();
  };
}
