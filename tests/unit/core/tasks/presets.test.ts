/** Every preset names a real task and cells, and every span it sweeps is a valid setting. */
import { describe, expect, it } from 'vitest';
import { CELL_CHOICES, presetByName, SEQUENCE_PRESETS, taskById, withSpan } from '../../../../src/core/tasks';
import { i18n } from '../../../../src/i18n/i18n';

describe('sequence presets', () => {
  it.each(SEQUENCE_PRESETS.map((p) => [p.name, p] as const))('%s is a sweep that can run', (_, preset) => {
    const task = taskById(preset.task);
    for (const span of preset.spans) expect(() => task.validate(withSpan(task, preset.settings, span))).not.toThrow();
    for (const cell of preset.cells) expect(Object.keys(CELL_CHOICES)).toContain(cell);
    expect(preset.shows.length).toBeGreaterThan(40);
    expect(presetByName(preset.name)).toBe(preset);
  });

  it('names every preset and cell in every edition', () => {
    const names = [...SEQUENCE_PRESETS.map((p) => p.title), ...Object.values(CELL_CHOICES).map((c) => c.label)];
    for (const { key } of names) for (const lng of ['en', 'zh']) expect(i18n.exists(key, { lng }), `${lng} ${key}`).toBe(true);
  });

  it('names the presets there are when asked for one that is not', () => {
    expect(() => presetByName('nope')).toThrow(/echo-short-budget/);
  });
});
