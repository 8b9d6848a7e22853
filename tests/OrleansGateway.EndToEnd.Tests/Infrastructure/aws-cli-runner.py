# Runs AWS CLI commands one after another in this one process, through the entry point the `aws` script
# itself runs (awscli.clidriver: argument parsing, signing, output formatting), so that a test run pays the
# CLI's start-up (Python, botocore, the service models: about a second) once per runner, not per command.
#   stdin:  one JSON line a command: {"args": ["apigateway", "get-rest-apis", ...], "env": {"NAME": "value"}}
#   stdout: {"ready": true} (or {"unavailable": why}) once, then one JSON line a command: {"exitCode", "stdout", "stderr"}
import io
import json
import os
import sys

protocol = sys.stdout
try:
    from awscli.clidriver import create_clidriver
except ImportError as e:  # the `aws` on PATH is not this python's (CLI v2): the caller runs it as a process
    print(json.dumps({"unavailable": str(e)}), file=protocol, flush=True)
    sys.exit(0)

# argparse names the program after argv[0] in its usage errors, as the `aws` script is named.
sys.argv = ["aws"]
print(json.dumps({"ready": True}), file=protocol, flush=True)
for line in sys.stdin:
    request = json.loads(line)
    os.environ.update(request["env"])
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    sys.stdout, sys.stderr = out, err
    try:
        exit_code = create_clidriver().main(request["args"])
    except SystemExit as e:  # argparse's usage errors exit, as the `aws` process would
        exit_code = e.code if isinstance(e.code, int) else (0 if e.code is None else 255)
    except Exception as e:  # the CLI reports its own errors; this is a fault of the runner
        print(f"aws-cli-runner: {e!r}", file=err)
        exit_code = 255
    finally:
        sys.stdout, sys.stderr = protocol, sys.__stderr__
    out.flush()
    err.flush()
    print(json.dumps({
        "exitCode": exit_code if exit_code is not None else 0,
        "stdout": out.buffer.getvalue().decode("utf-8", "replace"),
        "stderr": err.buffer.getvalue().decode("utf-8", "replace"),
    }), file=protocol, flush=True)
