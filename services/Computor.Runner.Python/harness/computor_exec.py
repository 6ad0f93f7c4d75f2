"""Computor Python executor: runs one side (student or reference) of a test suite.

Started inside the sandbox. Reads a plan as JSON from stdin and writes one JSON answer to stdout.
Each collection runs in a forked child with a fresh namespace, so state never leaks between
collections and a crash, a timeout or an exit in one collection cannot take the others down.
The runner compares the two sides; this program only executes and reports values as JSON.
"""
import marshal
import os
import signal
import sys
import time

PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8")

# JSON is read and written without the json module: importing it (and re with it) costs more than
# the rest of a trivial run. The plan is JSON text the runner wrote, evaluated as literals only.
_LITERALS = {"__builtins__": {}, "true": True, "false": False, "null": None}
_ESCAPES = {c: "\\u%04x" % c for c in range(32)}
_ESCAPES.update({c: "\\ufffd" for c in range(0xD800, 0xE000)})  # a lone surrogate is no character
_ESCAPES.update({ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def read_plan(text):
    return whole_characters(eval(text, _LITERALS))  # noqa: S307 - the runner's own JSON, literals only


def whole_characters(value):
    """JSON writes characters beyond U+FFFF as surrogate pairs; Python reads each half on its own."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16") if any("\ud800" <= c <= "\udfff" for c in value) else value
    if isinstance(value, list):
        return [whole_characters(v) for v in value]
    if isinstance(value, dict):
        return {k: whole_characters(v) for k, v in value.items()}
    return value


def write_json(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append('"' + value.translate(_ESCAPES) + '"')
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(repr(value) if value == value and value not in (float("inf"), float("-inf")) else "null")
    elif isinstance(value, dict):
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            out.append(',"' if index else '"')
            out.append(str(key).translate(_ESCAPES) + '":')
            write_json(item, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            write_json(item, out)
        out.append("]")
    else:
        write_json(str(value), out)


def to_json(value):
    out = []
    write_json(value, out)
    return "".join(out)


def encode(value, budget, depth=0):
    """Values as JSON; the runner decodes the tagged forms ($float, $complex, ...)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise OverflowError("value too large to compare")
    if depth > 100:
        raise OverflowError("value nested too deeply to compare")
    depth += 1
    # Subclasses (numpy.float64 is a float) are turned into the plain type they extend.
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int(value) if abs(value) < 2 ** 63 else float(value)
    if isinstance(value, float):
        value = float(value)
        if value != value:
            return {"$float": "nan"}
        if value in (float("inf"), float("-inf")):
            return {"$float": "inf" if value > 0 else "-inf"}
        return value
    if isinstance(value, complex):
        return {"$complex": [encode(value.real, budget, depth), encode(value.imag, budget, depth)]}
    if isinstance(value, (list, tuple)):
        return [encode(v, budget, depth) for v in value]
    if isinstance(value, dict):
        return {"$dict": [[encode(k, budget, depth), encode(v, budget, depth)] for k, v in value.items()]}
    if isinstance(value, (set, frozenset)):
        return {"$set": sorted((encode(v, budget, depth) for v in value), key=repr)}
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        if isinstance(value, numpy.ndarray):
            return {"$ndarray": {"shape": list(value.shape), "dtype": str(value.dtype),
                                 "data": encode(value.tolist(), budget, depth)}}
        if isinstance(value, numpy.generic):
            return encode(value.item(), budget, depth)
    return {"$repr": repr(value)[:2000]}


def kind_of(value):
    numpy = sys.modules.get("numpy")
    if isinstance(value, bool) or (numpy is not None and isinstance(value, numpy.bool_)):
        return "bool"
    if isinstance(value, (int, float, complex)) or (numpy is not None and isinstance(value, numpy.number)):
        return "number"
    if isinstance(value, str):
        return "str"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, dict):
        return "dict"
    if value is None:
        return "none"
    if numpy is not None and isinstance(value, numpy.ndarray):
        return "ndarray"
    return "object"


def describe(value):
    entry = {"type": type(value).__name__, "kind": kind_of(value)}
    try:
        entry["value"] = encode(value, [1_000_000])
    except Exception as error:  # a value we cannot carry is compared by its text
        entry["value"] = {"$repr": "<%s>" % error}
    try:
        entry["str"] = str(value)[:100_000]
    except Exception as error:
        entry["str"] = "<str() failed: %s>" % error
    shape = getattr(value, "shape", None)
    if isinstance(shape, tuple):
        entry["shape"] = list(shape)
    elif hasattr(value, "__len__") and not isinstance(value, type):
        try:
            entry["length"] = len(value)
        except Exception:
            pass
    return entry


def read_name(namespace, name):
    if name in namespace:
        return True, namespace[name]
    try:
        return True, eval(name, namespace)
    except Exception:
        return False, None


class SeedOnImport:
    """Seeds random and numpy with 1 when the code imports them, so runs repeat without paying for
    importing either module in code that never uses it."""

    def find_spec(self, name, path=None, target=None):
        if name not in ("random", "numpy"):
            return None
        import importlib.machinery
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            (module if name == "random" else module.random).seed(1)

        spec.loader.exec_module = exec_module
        return spec


def seed():
    """Seeds what is already imported (the parent may have preloaded it); the hook seeds the rest."""
    for module in ("random", "numpy.random"):
        if module in sys.modules:
            sys.modules[module].seed(1)
    sys.meta_path.insert(0, SeedOnImport())


def run_collection(plan, collection, answer):
    """Child body: execute the entry script, set-up and tear-down code, then read the names."""
    import warnings
    directory = plan["directory"]
    os.chdir(directory)
    sys.path.insert(0, directory)
    sys.argv = [collection.get("entry") or ""]
    seed()
    namespace = {}
    caught = []
    error = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            for label, code, filename in steps(directory, collection):
                if filename is not None:
                    namespace["__file__"] = filename
                exec(compile(code, filename or "<%s>" % label, "exec"), namespace)
        except SystemExit as exit_:
            if exit_.code not in (None, 0):
                error = "SystemExit: %s" % exit_.code
        except BaseException as failure:
            error = "%s: %s" % (type(failure).__name__, failure)
    sys.stdout.flush()
    sys.stderr.flush()
    answer["error"] = error
    answer["warnings"] = [str(w.message) for w in caught]
    extra = graphics(plan, collection, namespace, answer)
    values = {}
    lookup = dict(namespace, **extra)
    for name in collection.get("names", []):
        found, value = read_name(lookup, name)
        if found:
            values[name] = describe(value)
    answer["values"] = values


def steps(directory, collection):
    entry = collection.get("entry")
    if entry:
        path = os.path.join(directory, entry)
        with open(path, encoding="utf-8") as source:
            yield "entry", source.read(), path
    if collection.get("setUpCode"):
        yield "setUpCode", collection["setUpCode"], None
    if collection.get("tearDownCode"):
        yield "tearDownCode", collection["tearDownCode"], None


def graphics(plan, collection, namespace, answer):
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None:
        return {}
    figures = [pyplot.figure(n) for n in pyplot.get_fignums()]
    store = plan.get("artifacts") and collection.get("storeGraphics")
    saved = []
    for index, figure in enumerate(figures):
        if store:
            name = "%s_figure%d.png" % (collection.get("key", "collection"), index + 1)
            try:
                figure.savefig(os.path.join(plan["artifacts"], name))
                saved.append(name)
            except Exception as failure:
                answer.setdefault("artifactErrors", []).append(str(failure))
    answer["figures"] = saved
    return {"plt": pyplot, "figures": figures,
            "fig": figures[-1] if figures else None,
            "ax": figures[-1].gca() if figures else None}


def fork_collection(plan, collection, index):
    limit = plan.get("outputLimit", 65536)
    capture = os.path.join(plan.get("scratch", "/tmp"), "out%d" % index)
    stdin_path = capture + ".in"
    with open(stdin_path, "w", encoding="utf-8") as stdin:
        answers = collection.get("inputAnswers")
        if isinstance(answers, list):
            answers = "\n".join(str(a) for a in answers) + "\n"
        stdin.write(answers or "")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        os.setsid()
        collection_process = os.getpid()
        answer = {}
        try:
            PROTOCOL.close()
            fd_in = os.open(stdin_path, os.O_RDONLY)
            fd_out = os.open(capture, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            fd_err = os.open(capture + ".err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(fd_in, 0)
            os.dup2(fd_out, 1)
            os.dup2(fd_err, 2)
            sys.stdin = open(0, encoding="utf-8", closefd=False)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
            run_collection(plan, collection, answer)
        except BaseException as failure:
            answer["error"] = "%s: %s" % (type(failure).__name__, failure)
        if os.getpid() != collection_process:
            os._exit(1)  # a process the student's code forked: only the collection's own process answers
        try:
            data = marshal.dumps(answer)
        except Exception as failure:
            data = marshal.dumps({"error": "result not serialisable: %s" % failure})
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        os._exit(0)
    os.close(write_end)
    result = collect(pid, read_end, collection.get("timeout", 180))
    result["stdout"] = read_capped(capture, limit)
    result["stderr"] = read_capped(capture + ".err", limit)
    return result


def collect(pid, read_end, timeout):
    """Reads the collection's answer until its process exits (not until EOF: processes the student's
    code forked may hold the pipe open) or the timeout passes."""
    import select
    deadline = time.monotonic() + timeout
    exited = os.pidfd_open(pid)
    os.set_blocking(read_end, False)
    chunks = []
    size = 0
    timed_out = False
    done = False
    while not done:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([read_end, exited], [], [], remaining)
        done = exited in ready
        while True:
            try:
                chunk = os.read(read_end, 1 << 16)
            except BlockingIOError:
                break
            if not chunk:
                done = True
                break
            size += len(chunk)
            if size > 64 << 20:
                done = True
                break
            chunks.append(chunk)
    os.close(exited)
    os.close(read_end)
    try:
        os.killpg(pid, signal.SIGKILL)  # background processes the collection left behind
    except OSError:
        pass
    _, status = os.waitpid(pid, 0)
    if timed_out:
        return {"error": "Timeout: execution took longer than %g s" % timeout, "timedOut": True}
    try:
        result = marshal.loads(b"".join(chunks)) if chunks else None
    except (ValueError, EOFError, TypeError):
        result = None
    if not isinstance(result, dict):
        return {"error": died(status)}
    if not isinstance(result.get("values", {}), dict):
        return {"error": "Execution produced an unreadable result"}
    return result


def died(status):
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        reasons = {signal.SIGXCPU: "CPU time limit exceeded", signal.SIGXFSZ: "output or file size limit exceeded",
                   signal.SIGKILL: "killed (memory or process limit)", signal.SIGSEGV: "segmentation fault"}
        return "Execution aborted: %s" % reasons.get(number, "signal %d" % number)
    return "Execution aborted: the process exited with code %d" % os.WEXITSTATUS(status)


def read_capped(path, limit):
    try:
        with open(path, "rb") as captured:
            data = captured.read(limit + 1)
        os.unlink(path)
    except OSError:
        return ""
    text = data[:limit].decode("utf-8", "replace")
    return text + "\n[output truncated]" if len(data) > limit else text


def tokens(directory, files):
    """Token counts per file, keyed "TYPE text", read before any student code runs."""
    import io
    import tokenize
    counts = {}
    errors = {}
    for name in files:
        path = os.path.join(directory, name)
        table = {}
        try:
            with open(path, "rb") as source:
                for token in tokenize.tokenize(io.BytesIO(source.read()).readline):
                    key = tokenize.tok_name[token.type] + " " + token.string
                    table[key] = table.get(key, 0) + 1
            counts[name] = table
        except (OSError, SyntaxError, tokenize.TokenError) as failure:
            errors[name] = "%s: %s" % (type(failure).__name__, failure)
    return counts, errors


def lint(directory, files):
    try:
        from pyflakes import api, reporter
    except ImportError:
        return None
    import io
    findings = {}
    for name in files:
        if not os.path.isfile(os.path.join(directory, name)):
            continue
        out = io.StringIO()
        api.checkPath(os.path.join(directory, name), reporter.Reporter(out, out))
        findings[name] = [line.split(":", 1)[-1].strip() for line in out.getvalue().splitlines() if line.strip()]
    return findings


def preload(plan):
    """Import heavy libraries once before forking when the code uses them: children inherit them."""
    import warnings  # noqa: F401 - every collection records warnings
    text = ""
    for collection in plan["collections"]:
        entry = collection.get("entry")
        if entry:
            try:
                with open(os.path.join(plan["directory"], entry), encoding="utf-8", errors="replace") as source:
                    text += source.read()
            except OSError:
                pass
        text += (collection.get("setUpCode") or "") + (collection.get("tearDownCode") or "")
    for module in ("numpy", "matplotlib"):
        if module in text:
            try:
                if module == "matplotlib":
                    import matplotlib
                    matplotlib.use("Agg")
                    import matplotlib.pyplot  # noqa: F401
                else:
                    __import__(module)
            except Exception:
                pass


def copy_tree(source, target):
    """The code runs on a copy in the sandbox's own size-limited /tmp, never on the host's disk."""
    for folder, directories, files in os.walk(source):
        relative = os.path.relpath(folder, source)
        os.makedirs(os.path.join(target, relative), exist_ok=True)
        for name in files:
            path = os.path.join(folder, name)
            if os.path.islink(path):
                continue
            with open(path, "rb") as original, open(os.path.join(target, relative, name), "wb") as copy:
                copy.write(original.read())


def stored_artifacts(directory, limit=20, max_bytes=5 << 20):
    import base64
    found = []
    for name in sorted(os.listdir(directory))[:limit]:
        path = os.path.join(directory, name)
        if os.path.isfile(path) and not os.path.islink(path) and os.path.getsize(path) <= max_bytes:
            with open(path, "rb") as artifact:
                found.append({"name": name, "data": base64.b64encode(artifact.read()).decode()})
    return found


def main():
    plan = read_plan(sys.stdin.read())
    # Started with -S (site's start-up costs more than the rest of this program): the runner passes
    # the interpreter's own module path instead.
    if plan.get("path"):
        sys.path[:] = plan["path"]
    answer = {"python": sys.version.split()[0]}
    source = plan.get("source", plan["directory"])
    if plan.get("structural"):
        answer["tokens"], answer["tokenErrors"] = tokens(source, plan["structural"])
    if plan.get("lint"):
        answer["lint"] = lint(source, plan["lint"])
    if source != plan["directory"]:
        copy_tree(source, plan["directory"])
    if plan.get("artifacts"):
        os.makedirs(plan["artifacts"], exist_ok=True)
    preload(plan)
    answer["collections"] = [fork_collection(plan, c, i) for i, c in enumerate(plan["collections"])]
    if plan.get("artifacts"):
        answer["artifacts"] = stored_artifacts(plan["artifacts"])
    PROTOCOL.write(to_json(answer))
    PROTOCOL.flush()
    os._exit(0)  # nothing to clean up: skipping the interpreter's shutdown saves milliseconds per run


if __name__ == "__main__":
    main()
