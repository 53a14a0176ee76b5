import json
import subprocess
import sys
from pathlib import Path

from merge_helpers import event

from sitroom.cli import main

CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash", "date": None}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_prints_one_line_per_record_in_input_order(tmp_path, capsys):
    lines = [
        json.dumps(
            event("m2", published="2009-03-02", actor1={"name": "Pakistani troops"}, **CLASH)
        ),
        json.dumps(
            event("m1", published="2009-03-02", actor1={"name": "Pakistan Military"}, **CLASH)
        ),
        json.dumps(event("m3", published="2009-03-02", actor1={"name": "India Military"}, **CLASH)),
    ]
    assert main(["dedup", str(write_lines(tmp_path / "in.jsonl", lines))]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["m2", "m1", "m3"]
    assert out[0]["event_id"] == out[1]["event_id"] in ("m1", "m2")
    assert out[2]["event_id"] == "m3"


def test_bad_lines_give_error_objects_and_one_stderr_line_each(tmp_path, capsys):
    lines = ['{"id": "ok", "published": "2009-03-02"}', "{not json", "[1, 2]", '{"id": null}', ""]
    assert main(["dedup", str(write_lines(tmp_path / "in.jsonl", lines))]) == 0
    captured = capsys.readouterr()
    out = [json.loads(x) for x in captured.out.splitlines()]
    assert out[0] == {"id": "ok", "event_id": "ok"}
    assert [o["error"]["code"] for o in out[1:]] == ["malformed_record"] * 3
    assert all(o["id"] is None and o["event_id"] is None for o in out[1:])
    assert len(captured.err.splitlines()) == 3 and "line 2" in captured.err


def test_standard_input_and_no_traceback_on_hostile_bytes(tmp_path):
    data = b'{"id": "a", "published": "2009-03-02"}\n\xff\xfe\x00\n' + b"[" * 100000 + b"\n"
    cmd = [sys.executable, "-c", "import sys; from sitroom.cli import main; sys.exit(main())"]
    run = subprocess.run([*cmd, "dedup", "-"], input=data, capture_output=True, timeout=60)
    assert run.returncode == 0 and b"Traceback" not in run.stderr
    out = [json.loads(x) for x in run.stdout.decode().splitlines()]
    assert out[0] == {"id": "a", "event_id": "a"}
    assert [o["error"]["code"] for o in out[1:]] == ["bad_encoding", "malformed_record"]


def test_missing_file_is_a_one_line_error(tmp_path, capsys):
    assert main(["dedup", str(tmp_path / "absent.jsonl")]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "absent.jsonl" in err
