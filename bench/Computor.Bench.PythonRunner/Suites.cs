namespace Computor.Bench.PythonRunner;

/// <summary>The suites the benchmark runs, each with the pytest file that checks the same things.</summary>
static class Suites
{
    public sealed record Suite(string Name, string TestYaml, string Reference, string Student, string Pytest);

    public static readonly Suite Trivial = new(
        "trivial (1 collection)",
        "type: python\nproperties:\n  tests:\n    - name: answer\n      tests: [{name: x}]\n",
        "x = 42\n",
        "x = 42\n",
        """
        import runpy

        def test_answer():
            student = runpy.run_path("student/solution.py")
            reference = runpy.run_path("reference/solution.py")
            assert student["x"] == reference["x"]
        """);

    const string RealisticCode = """
        import math
        numbers = [3, 1, 4, 1, 5, 9, 2, 6]
        total = sum(numbers)
        mean = total / len(numbers)
        ordered = sorted(numbers)
        squares = {n: n * n for n in range(5)}
        text = "pi is about %.4f" % math.pi
        def fib(n):
            a, b = 0, 1
            for _ in range(n):
                a, b = b, a + b
            return a
        fibs = [fib(i) for i in range(15)]
        name = input()
        print("Hello", name)
        print("mean", mean)
        """;

    public static readonly Suite Realistic = new(
        "realistic (10 collections)",
        """
        type: python
        properties:
          tests:
            - {name: total, inputAnswers: [Ada], tests: [{name: total}, {name: numbers}]}
            - {name: mean, inputAnswers: [Ada], tests: [{name: mean}]}
            - {name: ordered, inputAnswers: [Ada], tests: [{name: ordered}]}
            - {name: squares, inputAnswers: [Ada], tests: [{name: squares}]}
            - {name: text, inputAnswers: [Ada], tests: [{name: text, qualification: startsWith, pattern: pi is}]}
            - {name: fib, inputAnswers: [Ada], tests: [{name: fibs}, {name: "fib(20)"}]}
            - {name: greeting, type: stdout, inputAnswers: [Ada], tests: [{name: stdout}]}
            - {name: loops, type: structural, tests: [{name: for, allowedOccuranceRange: [1, 0]}]}
            - {name: files, type: exist, tests: [{name: solution.py}]}
            - {name: set-up, inputAnswers: [Ada], setUpCode: "extra = total * 2", tests: [{name: extra}]}
        """,
        RealisticCode,
        RealisticCode,
        """
        import io, runpy, sys, tokenize, os

        def run(path):
            sys.stdin = io.StringIO("Ada\n")
            out, sys.stdout = sys.stdout, io.StringIO()
            try:
                ns = runpy.run_path(path)
                ns["__stdout__"] = sys.stdout.getvalue()
            finally:
                sys.stdout, sys.stdin = out, sys.__stdin__
            return ns

        def test_total():
            s, r = run("student/solution.py"), run("reference/solution.py")
            assert s["total"] == r["total"] and s["numbers"] == r["numbers"]

        def test_mean():
            assert abs(run("student/solution.py")["mean"] - run("reference/solution.py")["mean"]) < 1e-4

        def test_ordered():
            assert run("student/solution.py")["ordered"] == run("reference/solution.py")["ordered"]

        def test_squares():
            assert run("student/solution.py")["squares"] == run("reference/solution.py")["squares"]

        def test_text():
            assert str(run("student/solution.py")["text"]).startswith("pi is")

        def test_fib():
            s, r = run("student/solution.py"), run("reference/solution.py")
            assert s["fibs"] == r["fibs"] and s["fib"](20) == r["fib"](20)

        def test_greeting():
            assert run("student/solution.py")["__stdout__"] == run("reference/solution.py")["__stdout__"]

        def test_loops():
            with open("student/solution.py", "rb") as f:
                names = [t.string for t in tokenize.tokenize(f.readline) if t.type == tokenize.NAME]
            assert names.count("for") >= 1

        def test_files():
            assert os.path.getsize("student/solution.py") > 0

        def test_set_up():
            s, r = run("student/solution.py"), run("reference/solution.py")
            assert s["total"] * 2 == r["total"] * 2
        """);
}
