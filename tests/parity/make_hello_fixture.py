"""Records PyTorch training runs of "hello" -> "ohlol" (initial weights, loss and prediction per epoch) for
the three variants of the book, so the engine's training can be checked step for step against PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 tests/parity/make_hello_fixture.py [--seeds 5] [--out FILE]

With --predictions FILE it records instead, for seeds 0-99 of each variant, the prediction of the last epoch
(what the chapter's code prints last after torch.manual_seed(seed), and what `npm run hello -- --list` prints).
"""
import argparse
import json

import torch

CHARS = ['e', 'h', 'l', 'o']
INPUT = [1, 0, 2, 2, 3]
TARGET = [3, 1, 2, 3, 2]


def tensor_json(t):
    return {'shape': list(t.shape), 'data': t.detach().flatten().tolist()}


def build(variant):
    """The model, its state_dict under the book's names, and a function giving the epoch's logits (5, 4)."""
    one_hot = torch.eye(4)[INPUT]
    if variant == 'cell':
        cell = torch.nn.RNNCell(4, 4)
        names = {f'rnn.{k}_l0': v for k, v in cell.state_dict().items()}

        def forward():
            h, steps = torch.zeros(1, 4), []
            for t in range(5):
                h = cell(one_hot[t:t + 1], h)
                steps.append(h)
            return torch.cat(steps)
        return cell, names, forward
    if variant == 'rnn':
        rnn = torch.nn.RNN(4, 4, 1)
        names = {f'rnn.{k}': v for k, v in rnn.state_dict().items()}
        return rnn, names, lambda: rnn(one_hot.view(5, 1, 4))[0].view(-1, 4)

    class Model(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = torch.nn.Embedding(4, 10)
            self.rnn = torch.nn.RNN(10, 8, 2, batch_first=True)
            self.fc = torch.nn.Linear(8, 4)

        def forward(self, x):
            out, _ = self.rnn(self.embedding(x))
            return self.fc(out).view(-1, 4)
    model = Model()
    ids = torch.LongTensor([INPUT])
    return model, dict(model.state_dict()), lambda: model(ids)


def record(variant, seed):
    torch.manual_seed(seed)
    model, init, forward = build(variant)
    init = {k: tensor_json(v) for k, v in init.items()}
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05 if variant == 'embedding' else 0.1)
    labels = torch.LongTensor(TARGET)
    losses, predictions = [], []
    for _ in range(15):
        optimizer.zero_grad()
        logits = forward()
        reduction = 'sum' if variant == 'cell' else 'mean'
        loss = torch.nn.functional.cross_entropy(logits, labels, reduction=reduction)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        predictions.append(''.join(CHARS[i] for i in logits.argmax(1).tolist()))
    return {'variant': variant, 'seed': seed, 'init': init, 'losses': losses, 'predictions': predictions}


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--seeds', type=int, default=4)
    parser.add_argument('--out', default='tests/fixtures/torch-training/hello.json')
    parser.add_argument('--predictions', help='write seeds 0-99 last-epoch predictions to this file (and nothing else)')
    args = parser.parse_args()
    if args.predictions:
        last = {v: [record(v, s)['predictions'][-1] for s in range(100)] for v in ['cell', 'rnn', 'embedding']}
        with open(args.predictions, 'w') as f:
            json.dump({'format': 'hello-predictions/1', 'torch': torch.__version__, 'epochs': 15, 'last': last}, f)
        print(', '.join(f"{v}: {sum(p == 'ohlol' for p in ps)}/100 ohlol" for v, ps in last.items()))
        raise SystemExit
    runs = [record(v, s) for v in ['cell', 'rnn', 'embedding'] for s in range(args.seeds)]
    with open(args.out, 'w') as f:
        json.dump({'format': 'hello-training/1', 'torch': torch.__version__, 'runs': runs}, f)
    print(f'{len(runs)} runs written to {args.out}')
