"""Move recurrent-layer weights between PyTorch and Unrolled.

Unrolled reads and writes a state_dict as JSON: each parameter name maps to
{"shape": [...], "data": [...]} with data the row-major flattening. It also reads
the nested lists that tensor.tolist() gives.

From the command line (module.pt holds torch.save(module) or torch.save(module.state_dict())):
    python export_state_dict.py module.pt weights.json

From Python:
    from export_state_dict import save_json, load_json
    save_json(nn.LSTM(4, 8), "weights.json")   # PyTorch -> Unrolled
    load_json(lstm, "weights.json")             # Unrolled -> PyTorch (strict: names and shapes must match)
"""
import json
import sys

import torch


def state_dict_to_json(module_or_state_dict):
    """The state_dict of an nn.RNN/LSTM/GRU (or the state_dict itself) as a JSON-ready dict."""
    state = module_or_state_dict
    if isinstance(state, torch.nn.Module):
        state = state.state_dict()
    return {
        name: {"shape": list(t.shape), "data": t.detach().cpu().double().flatten().tolist()}
        for name, t in state.items()
    }


def json_to_state_dict(obj):
    """The inverse of state_dict_to_json; also accepts nested lists per parameter."""
    state = {}
    for name, value in obj.items():
        if isinstance(value, dict):
            state[name] = torch.tensor(value["data"], dtype=torch.float64).reshape(value["shape"])
        else:
            state[name] = torch.tensor(value, dtype=torch.float64)
    return state


def save_json(module_or_state_dict, path):
    with open(path, "w") as f:
        json.dump(state_dict_to_json(module_or_state_dict), f)


def load_json(module, path):
    """Loads weights exported by Unrolled into module, keeping the module's dtype."""
    with open(path) as f:
        state = json_to_state_dict(json.load(f))
    dtype = next(module.parameters()).dtype
    module.load_state_dict({name: t.to(dtype) for name, t in state.items()}, strict=True)
    return module


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python export_state_dict.py module.pt weights.json")
    # The file may hold a whole pickled module, which PyTorch >= 2.6 refuses by default: load only files you trust.
    loaded = torch.load(sys.argv[1], map_location="cpu", weights_only=False)
    save_json(loaded, sys.argv[2])
    print(f"wrote {sys.argv[2]}")
