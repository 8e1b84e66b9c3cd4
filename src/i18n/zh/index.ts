/**
 * The Chinese catalogue: every JSON file here is a namespace, found by name. The English catalogue
 * (`../en/index.ts`) lists its namespaces one by one so that keys are type-checked; the catalogue test holds
 * this one to exactly the English namespaces and keys.
 */
import type en from '../en';

const files = import.meta.glob<Record<string, string>>('./*.json', { eager: true, import: 'default' });

export default Object.fromEntries(Object.entries(files).map(([path, messages]) => [path.slice('./'.length, -'.json'.length), messages])) as typeof en;
