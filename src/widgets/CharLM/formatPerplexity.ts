import { formatNumber } from '../../components/format';

/** exp(loss) overflows to Infinity for a loss above ~709 nats: say how big it is instead of "Infinity". */
export const formatPerplexity = (perplexity: number): string => (Number.isFinite(perplexity) ? formatNumber(perplexity) : '> 10³⁰⁸');
