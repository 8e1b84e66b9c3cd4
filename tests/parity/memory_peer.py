"""The sequence playground's sweep in PyTorch: the same four tasks, model (nn.RNN/LSTM/GRU + nn.Linear on every
step), loss on the scored steps, optimiser, learning rate, global-norm clipping, batch and budget as
`npm run memory`, printing the same table, so the two can be compared cell by cell (they agree within seed
noise; only the initial weights are drawn alike, from torch.manual_seed(seed) as the engine draws them).

Run with Debian's PyTorch:
  /usr/bin/python3 tests/parity/memory_peer.py --task echo --delays 1,5,10,20,40 --cells rnn,lstm,gru --seeds 0-2 --steps 300
Options as bench/memory.ts: --hidden --layers --lr --batch --clip --optimizer --length --max-depth.
"""
import argparse
import time

import numpy as np
import torch

ECHO_SYMBOLS = 4
ADDING_TOLERANCE = 0.04
CELLS = {'rnn': ('RNN', 'tanh', 'RNN (tanh)'), 'relu': ('RNN', 'relu', 'RNN (ReLU)'), 'lstm': ('LSTM', None, 'LSTM'), 'gru': ('GRU', None, 'GRU')}


def echo(rng, length, batch, delay, **_):
    """One-hot symbols (T, B, 4); target at t >= delay is the symbol at t - delay."""
    symbols = rng.integers(0, ECHO_SYMBOLS, size=(length, batch))
    targets = np.zeros((length, batch), dtype=np.int64)
    targets[delay:] = symbols[:-delay]
    return np.eye(ECHO_SYMBOLS, dtype=np.float32)[symbols], targets, delay


def parity(rng, length, batch, **_):
    """One-hot bits (T, B, 2); target is the parity of the 1s up to and including t."""
    bits = rng.integers(0, 2, size=(length, batch))
    return np.eye(2, dtype=np.float32)[bits], np.cumsum(bits, axis=0) % 2, 0


def adding(rng, length, batch, **_):
    """(value, marker) pairs (T, B, 2), one mark in each half; target at the last step is the marked sum."""
    half = length // 2
    values = rng.random((length, batch), dtype=np.float32)
    marks = np.zeros((length, batch), dtype=np.float32)
    columns = np.arange(batch)
    marks[rng.integers(0, half, size=batch), columns] = 1
    marks[rng.integers(half, length, size=batch), columns] = 1
    targets = np.zeros((length, batch), dtype=np.float32)
    targets[-1] = (values * marks).sum(axis=0)
    return np.stack([values, marks], axis=2), targets, length - 1


def parentheses(rng, length, batch, max_depth, **_):
    """One-hot '(' / ')' (T, B, 2) never below depth 0 nor above max_depth; target is the depth after t."""
    depth = np.zeros(batch, dtype=np.int64)
    inputs = np.zeros((length, batch, 2), dtype=np.float32)
    targets = np.zeros((length, batch), dtype=np.int64)
    for t in range(length):
        coin = rng.integers(0, 2, size=batch) == 0
        opens = (depth == 0) | ((depth < max_depth) & coin)
        depth += np.where(opens, 1, -1)
        inputs[t, np.arange(batch), np.where(opens, 0, 1)] = 1
        targets[t] = depth
    return inputs, targets, 0


TASKS = {
    'echo': (echo, 'delay', 'classification', lambda s: ECHO_SYMBOLS),
    'parity': (parity, 'length', 'classification', lambda s: 2),
    'adding': (adding, 'length', 'regression', lambda s: 1),
    'parentheses': (parentheses, 'length', 'classification', lambda s: s['max_depth'] + 1),
}


class Model(torch.nn.Module):
    def __init__(self, cell, input_size, hidden, layers, outputs):
        super().__init__()
        kind, nonlinearity, _ = CELLS[cell]
        extra = {'nonlinearity': nonlinearity} if kind == 'RNN' else {}
        self.rnn = getattr(torch.nn, kind)(input_size, hidden, layers, **extra)
        self.fc = torch.nn.Linear(hidden, outputs)

    def forward(self, x, scored_from):
        output, _ = self.rnn(x)
        return self.fc(output[scored_from:])


def loss_and_correct(model, objective, batch):
    inputs, targets, scored_from = batch
    answers = model(torch.from_numpy(inputs), scored_from)
    kept = torch.from_numpy(targets[scored_from:])
    if objective == 'classification':
        loss = torch.nn.functional.cross_entropy(answers.reshape(-1, answers.shape[-1]), kept.reshape(-1))
        correct = (answers.argmax(-1) == kept).float().sum()
    else:
        error = answers.squeeze(-1) - kept
        loss = (error ** 2).mean()
        correct = (error.abs() < ADDING_TOLERANCE).float().sum()
    return loss, correct.item() / kept.numel()


def run(task, settings, cell, seed, args):
    make, _, objective, outputs = TASKS[task]
    torch.manual_seed(seed)
    model = Model(cell, 2 if task != 'echo' else ECHO_SYMBOLS, args.hidden, args.layers, outputs(settings))
    optimizer = (torch.optim.Adam if args.optimizer == 'adam' else torch.optim.SGD)(model.parameters(), lr=args.lr)
    rng = np.random.default_rng(seed)
    for _ in range(args.steps):
        loss, _ = loss_and_correct(model, objective, make(rng, batch=args.batch, **settings))
        optimizer.zero_grad()
        loss.backward()
        if args.clip > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
        optimizer.step()
    with torch.no_grad():
        # The same held-out sequences for every run, from a stream no training run uses.
        _, accuracy = loss_and_correct(model, objective, make(np.random.default_rng(20240601), batch=256, **settings))
    return accuracy


def integer_list(text):
    values = []
    for part in text.split(','):
        first, _, last = part.partition('-')
        values += range(int(first), int(last or first) + 1)
    return list(dict.fromkeys(values))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--task', default='echo', choices=TASKS)
    parser.add_argument('--delays', default='1,5,10,20,40')
    parser.add_argument('--cells', default='rnn,lstm,gru')
    parser.add_argument('--seeds', default='0-2')
    parser.add_argument('--steps', type=int, default=300)
    parser.add_argument('--hidden', type=int, default=16)
    parser.add_argument('--layers', type=int, default=1)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--batch', type=int, default=32)
    parser.add_argument('--clip', type=float, default=1.0)
    parser.add_argument('--optimizer', default='adam', choices=['adam', 'sgd'])
    parser.add_argument('--length', type=int)
    parser.add_argument('--max-depth', type=int, default=4)
    args = parser.parse_args()
    torch.set_num_threads(1)
    spans, cells, seeds = integer_list(args.delays), args.cells.split(','), integer_list(args.seeds)
    span_name = TASKS[args.task][1]
    length = args.length or (max(spans) + 10 if span_name == 'delay' else 30)
    print(f'PyTorch {torch.__version__} CPU, 1 thread; {args.steps} steps x batch {args.batch}, hidden {args.hidden}, '
          f'{args.layers} layer(s), {args.optimizer} lr {args.lr}, clip {args.clip or "off"}'
          f'{f", length {length}" if span_name == "delay" else ""}; seeds {",".join(map(str, seeds))}; '
          'held-out accuracy (256 sequences), mean ± sd over seeds')
    started = time.perf_counter()
    print(span_name.rjust(6) + ''.join(CELLS[c][2].rjust(15) for c in cells))
    for span in spans:
        settings = {'length': length, 'delay': 1, 'max_depth': args.max_depth, span_name: span}
        columns = []
        for cell in cells:
            accuracies = np.array([run(args.task, settings, cell, seed, args) for seed in seeds])
            sd = accuracies.std(ddof=1) if len(accuracies) > 1 else 0.0
            columns.append(f'{accuracies.mean():.2f} ± {sd:.2f}'.rjust(15))
        print(str(span).rjust(6) + ''.join(columns), flush=True)
    print(f'{len(spans) * len(cells) * len(seeds)} runs in {time.perf_counter() - started:.0f} s')


if __name__ == '__main__':
    main()
