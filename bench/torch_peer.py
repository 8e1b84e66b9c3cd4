"""The PyTorch peer of the book's benchmark: the same four workloads on the CPU, with one thread by default.

Run by `npm run bench` as  python3 bench/torch_peer.py --plans JSON [--workloads stepper,hello,charlm,generate]
[--kinds RNN,LSTM,GRU] [--threads N] (`npm run bench:threads` adds a 2-thread run beside the 1-thread one) and prints its rows as JSON after a marker line prefix, like the tfjs processes. Which BLAS the process
really loaded is read from /proc/self/maps, not assumed.
"""
import argparse
import json
import os
import re
import sys
import time

import torch
import torch.nn.functional as F

MARKER = '@@bench-rows '
VOCAB, HIDDEN, BATCH, STEPS = 28, 256, 32, 35
STEPPER_INPUT, STEPPER_HIDDEN = 28, 64
GENERATED = 500
CELLS = ['RNN', 'LSTM', 'GRU']


def loaded_blas():
    """The BLAS library mapped into this process, e.g. 'OpenBLAS 0.3.21 (openblas-pthread)'."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    with open('/proc/self/maps') as maps:
        paths = {line.split()[-1] for line in maps if '/' in line}
    for path in sorted(paths):
        match = re.search(r'/(openblas[^/]*)/libopenblas[^/]*?-r(\d+\.\d+\.\d+)\.so', path)
        if match:
            return f'OpenBLAS {match.group(2)} ({match.group(1)})'
    for path in sorted(paths):
        if re.search(r'/libblas\.so', path):
            real = os.path.realpath(path)
            return 'reference BLAS (' + real + ')' if '/blas/' in real else real
    return 'no BLAS library mapped'


# BENCH_CLOCK=cpu: the process's CPU time, as bench/timing.ts takes it on a busy machine.
CLOCK = time.process_time if os.environ.get('BENCH_CLOCK') == 'cpu' else time.perf_counter


def measure(fn, plan):
    for _ in range(plan['warmup']):
        fn()
    samples = []
    for _ in range(plan['runs']):
        started = CLOCK()
        fn()
        samples.append((CLOCK() - started) * 1000)
    return samples


def stepper(kind, plan):
    torch.manual_seed(0)
    cell = {'RNN': torch.nn.RNNCell, 'LSTM': torch.nn.LSTMCell, 'GRU': torch.nn.GRUCell}[kind](STEPPER_INPUT, STEPPER_HIDDEN)
    x = F.one_hot(torch.tensor([3]), STEPPER_INPUT).float().requires_grad_()
    h = torch.full((1, STEPPER_HIDDEN), 0.1, requires_grad=True)
    c = torch.full((1, STEPPER_HIDDEN), 0.1, requires_grad=True)
    dh = torch.ones(1, STEPPER_HIDDEN)

    def click():
        if kind == 'LSTM':
            h_new, c_new = cell(x, (h, c))
            grads = torch.autograd.grad([h_new, c_new], [x, h, c, *cell.parameters()], [dh, dh])
        else:
            h_new = cell(x, h)
            grads = torch.autograd.grad([h_new], [x, h, *cell.parameters()], [dh])
        h_new.detach().numpy().tolist(), grads[1].numpy().tolist()
    return measure(click, plan)


CHARS = ['e', 'h', 'l', 'o']
HELLO_INPUT, HELLO_TARGET = [1, 0, 2, 2, 3], [3, 1, 2, 3, 2]


class EmbeddingModel(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = torch.nn.Embedding(4, 10)
        self.rnn = torch.nn.RNN(10, 8, 2, batch_first=True)
        self.fc = torch.nn.Linear(8, 4)

    def forward(self, x):
        out, _ = self.rnn(self.embedding(x))
        return self.fc(out).view(-1, 4), out


def hello_run(variant, seed):
    """A 15-epoch run as tests/parity/make_hello_fixture.py trains it, reading back what the figure shows."""
    torch.manual_seed(seed)
    one_hot = torch.eye(4)[HELLO_INPUT]
    if variant == 'cell':
        model = torch.nn.RNNCell(4, 4)

        def forward():
            h, steps = torch.zeros(1, 4), []
            for t in range(5):
                h = model(one_hot[t:t + 1], h)
                steps.append(h)
            out = torch.cat(steps)
            return out, out
    elif variant == 'rnn':
        model = torch.nn.RNN(4, 4, 1)

        def forward():
            out = model(one_hot.view(5, 1, 4))[0].view(-1, 4)
            return out, out
    else:
        model = EmbeddingModel()
        ids = torch.LongTensor([HELLO_INPUT])

        def forward():
            return model(ids)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05 if variant == 'embedding' else 0.1)
    labels = torch.LongTensor(HELLO_TARGET)
    for _ in range(15):
        optimizer.zero_grad()
        logits, hidden = forward()
        loss = F.cross_entropy(logits, labels, reduction='sum' if variant == 'cell' else 'mean')
        loss.backward()
        optimizer.step()
        loss.item(), ''.join(CHARS[i] for i in logits.argmax(1).tolist()), hidden.detach().tolist()


def hello(variant, plan):
    seeds = iter(range(10 ** 6))
    return measure(lambda: hello_run(variant, next(seeds)), plan)


def char_model(kind):
    torch.manual_seed(0)
    rnn = {'RNN': torch.nn.RNN, 'LSTM': torch.nn.LSTM, 'GRU': torch.nn.GRU}[kind](VOCAB, HIDDEN, batch_first=True)
    return rnn, torch.nn.Linear(HIDDEN, VOCAB)


def charlm(kind, plan):
    rnn, fc = char_model(kind)
    params = [*rnn.parameters(), *fc.parameters()]
    optimizer = torch.optim.Adam(params, lr=0.002)
    generator = torch.Generator().manual_seed(1)

    def step():
        inputs = torch.randint(VOCAB, (BATCH, STEPS), generator=generator)
        targets = torch.randint(VOCAB, (BATCH, STEPS), generator=generator)
        optimizer.zero_grad()
        out, _ = rnn(F.one_hot(inputs, VOCAB).float())
        loss = F.cross_entropy(fc(out).reshape(-1, VOCAB), targets.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()
        loss.item()
    return measure(step, plan)


def generate(plan):
    rnn, fc = char_model('LSTM')
    generator = torch.Generator().manual_seed(0)

    @torch.no_grad()
    def sample():
        token, state = 1, None
        for _ in range(GENERATED):
            out, state = rnn(F.one_hot(torch.tensor([[token]]), VOCAB).float(), state)
            token = torch.multinomial(torch.softmax(fc(out[0, -1]), 0), 1, generator=generator).item()
    return measure(sample, plan)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--plans', required=True, help='JSON: workload -> {warmup, runs}')
    parser.add_argument('--workloads', default='stepper,hello,charlm,generate')
    parser.add_argument('--kinds', default=','.join(CELLS), help='the cells of the stepper and charlm workloads')
    parser.add_argument('--threads', type=int, default=1, help="PyTorch's intra-op threads (its BLAS's: the caller's environment)")
    args = parser.parse_args()
    plans = json.loads(args.plans)
    torch.set_num_threads(args.threads)
    label = f'cpu, {args.threads} thread' + ('' if args.threads == 1 else 's')
    device = f'PyTorch {torch.__version__.split("+")[0]}, {loaded_blas()}'
    rows = []

    def record(workload, variant, samples):
        rows.append({'workload': workload, 'variant': variant, 'implementation': 'PyTorch',
                     'backend': label, 'threads': args.threads, 'device': device, 'samples': samples})
        print(f'  torch {workload} {variant}: median {sorted(samples)[len(samples) // 2]:.2f} ms', flush=True,
              file=sys.stderr)

    for workload in args.workloads.split(','):
        if workload == 'stepper':
            for kind in args.kinds.split(','):
                record(workload, kind, stepper(kind, plans[workload]))
        elif workload == 'hello':
            for variant in ['cell', 'rnn', 'embedding']:
                record(workload, variant, hello(variant, plans[workload]))
        elif workload == 'charlm':
            for kind in args.kinds.split(','):
                record(workload, kind, charlm(kind, plans[workload]))
        elif workload == 'generate':
            record(workload, 'LSTM', generate(plans[workload]))
    print(MARKER + json.dumps(rows))


if __name__ == '__main__':
    main()
