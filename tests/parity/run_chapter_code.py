"""Runs every ```python block of one chapter, in order, in one namespace, as a reader pasting them would.

Usage: run_chapter_code.py CHAPTER.mdx [FROM=>TO ...]

A block fenced as ```python fragment is skipped. Each FROM=>TO pair replaces an exact piece of code (it
must occur) before running: the test uses this only to shorten training loops meant for a GPU.

Where a print line ends in a comment that reads like output (`# True`, `# torch.Size([2, 4])`,
`# tensor([0., 0.]): wrong ...`), the printed text must equal that comment up to the first ': ' or ', '
outside brackets. Tracebacks name the chapter file and its line. Exits 1 on any error or mismatch.
"""
import io
import re
import sys
import tokenize
import traceback

OUTPUT_LIKE = re.compile(r"^(True|False|torch\.|tensor\(|<class |-?\d)")


def blocks(path):
    """(first code line number, meta, code) for each python fence of the MDX file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    found, i = [], 0
    while i < len(lines):
        fence = re.match(r"^```python\b(.*)$", lines[i])
        if fence:
            end = lines.index("```", i + 1)
            found.append((i + 2, fence.group(1).strip(), "\n".join(lines[i + 1:end])))
            i = end
        i += 1
    return found


def expected_output(comment):
    """The part of a comment that claims printed output, or None."""
    text = comment.lstrip("#").strip()
    if not OUTPUT_LIKE.match(text):
        return None
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth == 0 and text[i:i + 2] in (": ", ", "):
            return text[:i]
    return text


def instrument(code, where):
    """Turns `print(...)  # True` into a print that also checks its text; other lines stay as written."""
    comments = {}
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT:
            comments[tok.start[0]] = tok.string
    out = []
    for n, line in enumerate(code.split("\n"), start=1):
        stripped = line.lstrip()
        claim = expected_output(comments[n]) if n in comments and stripped.startswith("print(") else None
        if claim is not None:
            indent = line[: len(line) - len(stripped)]
            line = f"{indent}__expect({claim!r}, {where + n - 1!r})" + stripped[len("print"):]
        out.append(line)
    return "\n".join(out)


def main():
    path, replacements = sys.argv[1], [pair.split("=>", 1) for pair in sys.argv[2:]]
    failures = []

    def expect(claim, line):
        def checked_print(*args, sep=" ", **kwargs):
            text = sep.join(str(a) for a in args)
            print(text, **kwargs)
            if text.strip() != claim:
                failures.append(f"{path}:{line}: printed {text.strip()!r}, the chapter says {claim!r}")
        return checked_print

    import torch
    torch.set_num_threads(1)
    namespace = {"__name__": "__main__", "__expect": expect}
    for start, meta, code in blocks(path):
        if "fragment" in meta.split():
            continue
        for old, new in replacements:
            if old in code:
                code = code.replace(old, new)
        source = "\n" * (start - 1) + instrument(code, start)
        try:
            exec(compile(source, path, "exec"), namespace)
        except Exception:
            traceback.print_exc()
            failures.append(f"{path}:{start}: the block starting here raised (traceback above)")
            break
    unused = [old for old, _ in replacements if not any(old in code for _, _, code in blocks(path))]
    failures += [f"{path}: the code to shorten, {old!r}, is no longer in the chapter" for old in unused]
    for failure in failures:
        print("FAIL", failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
