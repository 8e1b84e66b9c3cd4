"""Records the initial state_dict that PyTorch gives each module the book builds, right after
torch.manual_seed(seed), so the engine's generator and initialisation can be checked bit for bit.

Run with Debian's PyTorch:  /usr/bin/python3 tests/parity/make_init_fixtures.py [--out FILE]

Format torch-init/1: {"cases": [{"name", "seed", "steps": [{"op", "args", "tensors"}]}]}. A case is one
manual_seed followed by its steps in order, all on the default generator, as a PyTorch __init__ would run
them. "op" is a module (RNN, LSTM, GRU, RNNCell, LSTMCell, GRUCell, Linear, Embedding) built with "args",
and its "tensors" are its state_dict; or a draw (randn, randint) whose "tensors" hold its one "value".
Every tensor is {"shape", "dtype", "base64"}: the raw little-endian bytes (float32 or int64), so that the
check is on bits, not on decimal renderings.
"""
import argparse
import base64
import json

import torch

SEEDS = [0, 1, 7, 42, 1234, 2**32 - 1]

# (name, seeds, steps); a step is (op, args). Sizes cover the book's modules, normal_ below and above 16
# elements and sizes that are not multiples of 16, and a scalar normal's spare carried into later tensors.
CASES = [
    ('rnn_4_4', SEEDS, [('RNN', dict(input_size=4, hidden_size=4))]),
    ('rnncell_4_4', SEEDS, [('RNNCell', dict(input_size=4, hidden_size=4))]),
    ('lstmcell_3_5', SEEDS, [('LSTMCell', dict(input_size=3, hidden_size=5))]),
    ('grucell_10_8', SEEDS, [('GRUCell', dict(input_size=10, hidden_size=8))]),
    ('rnn_relu_3_7_3layers', SEEDS, [('RNN', dict(input_size=3, hidden_size=7, num_layers=3, nonlinearity='relu'))]),
    ('lstm_10_20_2layers_bidir', SEEDS[:2], [('LSTM', dict(input_size=10, hidden_size=20, num_layers=2, bidirectional=True))]),
    ('gru_10_20_2layers_nobias', SEEDS[:2], [('GRU', dict(input_size=10, hidden_size=20, num_layers=2, bias=False))]),
    ('linear_8_4', SEEDS, [('Linear', dict(in_features=8, out_features=4))]),
    ('linear_3_4', SEEDS, [('Linear', dict(in_features=3, out_features=4))]),
    ('linear_64_65', SEEDS[:3], [('Linear', dict(in_features=64, out_features=65))]),
    ('linear_5_3_nobias', SEEDS, [('Linear', dict(in_features=5, out_features=3, bias=False))]),
    ('embedding_1_1', SEEDS, [('Embedding', dict(num_embeddings=1, embedding_dim=1))]),
    ('embedding_3_5', SEEDS, [('Embedding', dict(num_embeddings=3, embedding_dim=5))]),
    ('embedding_4_4', SEEDS, [('Embedding', dict(num_embeddings=4, embedding_dim=4))]),
    ('embedding_4_10', SEEDS, [('Embedding', dict(num_embeddings=4, embedding_dim=10))]),
    ('embedding_5_7', SEEDS, [('Embedding', dict(num_embeddings=5, embedding_dim=7))]),
    ('embedding_65_32', SEEDS[:3], [('Embedding', dict(num_embeddings=65, embedding_dim=32))]),
    ('normal_spare_carried', SEEDS, [
        ('Embedding', dict(num_embeddings=3, embedding_dim=5)),
        ('Embedding', dict(num_embeddings=4, embedding_dim=10)),
        ('Embedding', dict(num_embeddings=1, embedding_dim=3)),
    ]),
    ('hello_embedding', SEEDS, [
        ('Embedding', dict(num_embeddings=4, embedding_dim=10)),
        ('RNN', dict(input_size=10, hidden_size=8, num_layers=2, batch_first=True)),
        ('Linear', dict(in_features=8, out_features=4)),
    ]),
    ('hello_cell_hidden_6', SEEDS, [
        ('RNNCell', dict(input_size=4, hidden_size=6)),
        ('Linear', dict(in_features=6, out_features=4)),
    ]),
    ('charlm_lstm', SEEDS[:1], [
        ('Embedding', dict(num_embeddings=65, embedding_dim=16)),
        ('LSTM', dict(input_size=16, hidden_size=64, num_layers=1)),
        ('Linear', dict(in_features=64, out_features=65)),
    ]),
    # The steppers' problems (stepperSetup.ts): the cell, for BPTT a Linear head, then inputs and targets.
    ('stepper_bptt_rnn', SEEDS, [
        ('RNN', dict(input_size=2, hidden_size=3)),
        ('Linear', dict(in_features=3, out_features=3)),
        ('randn', dict(size=[5, 1, 2])),
        ('randint', dict(low=0, high=3, size=[5])),
    ]),
    ('stepper_lstm', SEEDS, [
        ('LSTM', dict(input_size=3, hidden_size=4)),
        ('randn', dict(size=[8, 1, 3])),
    ]),
    # The gate figures' 'random' inputs (inputPatterns.ts): the figure's cells in construction order, then x.
    ('gates_lstm', SEEDS[:3], [
        ('LSTM', dict(input_size=4, hidden_size=8)),
        ('randn', dict(size=[16, 1, 4])),
    ]),
    ('gates_gru', SEEDS[:3], [
        ('GRU', dict(input_size=4, hidden_size=3)),
        ('randn', dict(size=[3, 1, 4])),
    ]),
    ('gates_comparison', SEEDS[:3], [
        ('RNN', dict(input_size=4, hidden_size=5)),
        ('LSTM', dict(input_size=4, hidden_size=5)),
        ('GRU', dict(input_size=4, hidden_size=5)),
        ('randn', dict(size=[9, 1, 4])),
    ]),
    # Chapter 1's concatenation figure (concatIdentity.ts): X, H, W_xh, W_hh, b_h from N(0, 1), in that order.
    ('concat_identity', SEEDS, [
        ('randn', dict(size=[2, 3])),
        ('randn', dict(size=[2, 4])),
        ('randn', dict(size=[3, 4])),
        ('randn', dict(size=[4, 4])),
        ('randn', dict(size=[1, 4])),
    ]),
    ('draws', SEEDS, [
        ('randn', dict(size=[5, 1, 3])),
        ('randn', dict(size=[7, 2, 3])),
        ('randint', dict(low=0, high=4, size=[35])),
        ('randn', dict(size=[1])),
    ]),
]


def tensor_json(t):
    t = t.detach().contiguous()
    dtype = {torch.float32: 'float32', torch.int64: 'int64'}[t.dtype]
    return {'shape': list(t.shape), 'dtype': dtype, 'base64': base64.b64encode(t.numpy().tobytes()).decode()}


def run_step(op, args):
    if op == 'randn':
        return {'value': tensor_json(torch.randn(*args['size']))}
    if op == 'randint':
        return {'value': tensor_json(torch.randint(args['low'], args['high'], tuple(args['size'])))}
    module = getattr(torch.nn, op)(**args)
    return {k: tensor_json(v) for k, v in module.state_dict().items()}


def record(name, seed, steps):
    torch.manual_seed(seed)
    return {'name': name, 'seed': seed,
            'steps': [{'op': op, 'args': args, 'tensors': run_step(op, args)} for op, args in steps]}


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--out', default='tests/fixtures/torch-init/init.json')
    args = parser.parse_args()
    cases = [record(name, seed, steps) for name, seeds, steps in CASES for seed in seeds]
    with open(args.out, 'w') as f:
        json.dump({'format': 'torch-init/1', 'torch': torch.__version__, 'cases': cases}, f)
    print(f'{len(cases)} cases written to {args.out}')
