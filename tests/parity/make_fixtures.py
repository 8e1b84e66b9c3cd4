"""Writes PyTorch parity fixtures (format rnn-parity/1, see the project's rnn-parity spec).

Run with Debian's PyTorch in float64:
    /usr/bin/python3 tests/parity/make_fixtures.py [--seed 0] [--random-cases 0] [--out tests/fixtures/torch]

Each fixture records one nn.RNN/LSTM/GRU: its parameters, an input, h0/c0 or null, the forward results,
random upstream gradients and the gradients of
    L = sum(output * grad_output) + sum(h_n * grad_h_n) + sum(c_n * grad_c_n).
The cases cover every kind; 1-3 layers; both directions; batch_first both ways; with and without bias and
h0; relu and tanh; sequence lengths 1 to 33; batch 1 and more. --random-cases N adds N more, each
configuration drawn from the seed, for a fresh folder that tests nothing the committed one was tuned on.
"""
import argparse
import json
import os
import random
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "public"))
from export_state_dict import json_to_state_dict, state_dict_to_json  # noqa: E402

# name, kind, nonlinearity, input, hidden, layers, bidirectional, batch_first, bias, h0, seq, batch
CASES = [
    ("rnn_tanh_basic", "RNN", "tanh", 4, 5, 1, False, False, True, False, 5, 3),
    ("rnn_relu_2layer_bf_h0", "RNN", "relu", 3, 4, 2, False, True, True, True, 7, 2),
    ("rnn_tanh_3layer_bidir_nobias_h0", "RNN", "tanh", 2, 3, 3, True, False, False, True, 4, 2),
    ("rnn_relu_bidir_bf_nobias", "RNN", "relu", 5, 4, 1, True, True, False, False, 6, 1),
    ("rnn_tanh_seq1_batch1", "RNN", "tanh", 3, 2, 1, False, False, True, True, 1, 1),
    ("rnn_tanh_long", "RNN", "tanh", 2, 6, 1, False, True, True, True, 32, 2),
    ("rnn_relu_long_2layer_bidir", "RNN", "relu", 3, 5, 2, True, False, True, False, 30, 2),
    ("lstm_basic", "LSTM", "tanh", 4, 5, 1, False, False, True, False, 5, 3),
    ("lstm_2layer_bf_h0", "LSTM", "tanh", 3, 4, 2, False, True, True, True, 6, 2),
    ("lstm_2layer_bidir_nobias_h0", "LSTM", "tanh", 2, 3, 2, True, False, False, True, 4, 2),
    ("lstm_3layer_bidir_bf", "LSTM", "tanh", 3, 3, 3, True, True, True, False, 3, 2),
    ("lstm_seq1_batch1", "LSTM", "tanh", 2, 3, 1, False, True, False, True, 1, 1),
    ("lstm_long", "LSTM", "tanh", 3, 5, 1, False, False, True, True, 33, 2),
    ("lstm_long_2layer_bidir_nobias", "LSTM", "tanh", 2, 4, 2, True, True, False, False, 30, 1),
    ("gru_basic", "GRU", "tanh", 4, 5, 1, False, False, True, False, 5, 3),
    ("gru_2layer_bf_h0", "GRU", "tanh", 3, 4, 2, False, True, True, True, 6, 2),
    ("gru_2layer_bidir_nobias_h0", "GRU", "tanh", 2, 3, 2, True, False, False, True, 4, 2),
    ("gru_3layer_bidir_bf", "GRU", "tanh", 3, 3, 3, True, True, True, False, 3, 2),
    ("gru_seq1_batch1", "GRU", "tanh", 2, 3, 1, False, False, True, False, 1, 1),
    ("gru_long", "GRU", "tanh", 3, 5, 1, False, True, True, True, 31, 2),
    ("gru_long_2layer_bidir_nobias", "GRU", "tanh", 2, 4, 2, True, False, False, False, 30, 1),
    ("rnn_relu_3layer_batch4", "RNN", "relu", 4, 6, 3, False, False, True, True, 8, 4),
    ("lstm_bidir_batch4", "LSTM", "tanh", 5, 4, 1, True, False, True, True, 9, 4),
    ("gru_bidir_bf_batch4", "GRU", "tanh", 5, 4, 1, True, True, True, True, 9, 4),
]


def random_cases(seed, count):
    """`count` cases with every field of CASES drawn at random from `seed`."""
    rng = random.Random(seed)
    cases = []
    for k in range(count):
        kind = rng.choice(["RNN", "LSTM", "GRU"])
        nonlinearity = rng.choice(["tanh", "relu"]) if kind == "RNN" else "tanh"
        cases.append((
            f"random_{seed}_{k}_{kind.lower()}", kind, nonlinearity,
            rng.randint(1, 6), rng.randint(1, 7), rng.randint(1, 3),
            rng.random() < 0.5, rng.random() < 0.5, rng.random() < 0.7, rng.random() < 0.5,
            rng.randint(1, 33), rng.randint(1, 4),
        ))
    return cases


def tensor_json(t):
    return None if t is None else {"shape": list(t.shape), "data": t.detach().flatten().tolist()}


def make_fixture(case, generator):
    name, kind, nonlinearity, input_size, hidden, layers, bidir, batch_first, bias, with_h0, seq, batch = case
    module_type = {"RNN": torch.nn.RNN, "LSTM": torch.nn.LSTM, "GRU": torch.nn.GRU}[kind]
    kwargs = dict(num_layers=layers, bias=bias, batch_first=batch_first, bidirectional=bidir)
    if kind == "RNN":
        kwargs["nonlinearity"] = nonlinearity
    module = module_type(input_size, hidden, **kwargs).double()
    with torch.no_grad():
        for p in module.parameters():
            p.uniform_(-0.6, 0.6, generator=generator)
    check_round_trip(module)

    def rand(*shape, scale=1.0):
        return (torch.rand(*shape, generator=generator, dtype=torch.float64) * 2 - 1) * scale

    states = layers * (2 if bidir else 1)
    x = rand(*((batch, seq, input_size) if batch_first else (seq, batch, input_size))).requires_grad_()
    h0 = rand(states, batch, hidden, scale=0.5).requires_grad_() if with_h0 else None
    c0 = rand(states, batch, hidden, scale=0.5).requires_grad_() if with_h0 and kind == "LSTM" else None

    if kind == "LSTM":
        output, (h_n, c_n) = module(x, (h0, c0) if with_h0 else None)
    else:
        output, h_n = module(x, h0)
        c_n = None
    grad_output, grad_h_n = rand(*output.shape), rand(*h_n.shape)
    grad_c_n = rand(*c_n.shape) if c_n is not None else None
    loss = (output * grad_output).sum() + (h_n * grad_h_n).sum()
    if c_n is not None:
        loss = loss + (c_n * grad_c_n).sum()
    loss.backward()

    expected_grads = {"input": tensor_json(x.grad)}
    if h0 is not None:
        expected_grads["h0"] = tensor_json(h0.grad)
    if c0 is not None:
        expected_grads["c0"] = tensor_json(c0.grad)
    expected_grads.update({n: tensor_json(p.grad) for n, p in module.named_parameters()})
    return {
        "format": "rnn-parity/1",
        "name": name,
        "kind": kind,
        "config": {
            "input_size": input_size,
            "hidden_size": hidden,
            "num_layers": layers,
            "bias": bias,
            "batch_first": batch_first,
            "bidirectional": bidir,
            "nonlinearity": nonlinearity,
        },
        "params": state_dict_to_json(module),
        "input": tensor_json(x),
        "h0": tensor_json(h0),
        "c0": tensor_json(c0),
        "expected": {"output": tensor_json(output), "h_n": tensor_json(h_n), "c_n": tensor_json(c_n)},
        "grad_output": tensor_json(grad_output),
        "grad_h_n": tensor_json(grad_h_n),
        "grad_c_n": tensor_json(grad_c_n),
        "expected_grads": expected_grads,
    }


def check_round_trip(module):
    """The exporter in public/ must give back exactly what it was given."""
    state = json_to_state_dict(json.loads(json.dumps(state_dict_to_json(module))))
    for name, t in module.state_dict().items():
        if not torch.equal(state[name], t):
            raise SystemExit(f"export_state_dict.py round trip changed {name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--random-cases", type=int, default=0, help="add this many cases with random configurations")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "fixtures", "torch"))
    args = parser.parse_args()
    torch.set_default_dtype(torch.float64)
    os.makedirs(args.out, exist_ok=True)
    cases = CASES + random_cases(args.seed, args.random_cases)
    for index, case in enumerate(cases):
        generator = torch.Generator().manual_seed(args.seed * 1000 + index)
        fixture = make_fixture(case, generator)
        with open(os.path.join(args.out, f"{case[0]}.json"), "w") as f:
            json.dump(fixture, f, separators=(",", ":"))
    print(f"wrote {len(cases)} fixtures to {os.path.normpath(args.out)}")


if __name__ == "__main__":
    main()
