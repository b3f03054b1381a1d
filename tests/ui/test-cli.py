#!/usr/bin/python3
# test-cli.py — the command-line face of DESIGN.md, run as a user would.
#
# Copyright 2026 The StrideStrong authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints TAP. Each case runs the real binary in a fresh temporary folder
# with its own XDG_DATA_HOME, so the user's journal is never touched.

import datetime
import json
import math
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import zlib

BIN = sys.argv[1]
CORPUS = os.environ.get("STRIDE_CORPUS_DIR", "")

cases = []


def case(function):
    cases.append(function)
    return function


GLIB_MESSAGE = re.compile(r"-(WARNING|CRITICAL) \*\*")


def run(*args, env_extra=None, cwd=None):
    env = dict(os.environ)
    env.pop("STRIDESTRONG_DB", None)
    env["XDG_DATA_HOME"] = os.path.join(cwd, "data")
    env["LANGUAGE"] = "C"
    env["LC_ALL"] = "C.UTF-8"
    # A GTK or GLib critical aborts the run, and any warning fails the case:
    # the command line must be as quiet as the window (issue #10).
    env["G_DEBUG"] = "fatal-criticals"
    if env_extra:
        env.update(env_extra)
    result = subprocess.run([BIN, *args], capture_output=True, text=True,
                            env=env, cwd=cwd, timeout=300)
    check(not GLIB_MESSAGE.search(result.stderr),
          f"stridestrong {' '.join(args)} printed a warning: {result.stderr}")
    return result


def count(db, table):
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


@case
def unknown_option_prints_usage_and_exits_2(tmp):
    result = run("--no-such-option", cwd=tmp)
    check(result.returncode == 2, f"exit {result.returncode}, want 2")
    check("--no-such-option" in result.stderr, result.stderr)
    check("--database" in result.stderr, "usage lists the options: " + result.stderr)
    check(result.stdout == "", "nothing on stdout")


@case
def option_missing_its_value_exits_2(tmp):
    result = run("--generate-demo", cwd=tmp)
    check(result.returncode == 2, f"exit {result.returncode}, want 2")
    check("--generate-demo" in result.stderr, result.stderr)


@case
def version(tmp):
    result = run("--version", cwd=tmp)
    check(result.returncode == 0, result.stderr)
    check(result.stdout.startswith("StrideStrong "), result.stdout)


@case
def generate_demo_writes_a_private_journal(tmp):
    db = os.path.join(tmp, "two.db")
    result = run("--generate-demo", "2", "--database", db, cwd=tmp)
    check(result.returncode == 0, result.stderr)
    check(stat.S_IMODE(os.stat(db).st_mode) == 0o600,
          oct(os.stat(db).st_mode))
    runs = count(db, "activity WHERE sport = 'run'")
    # 3–6 runs a week for two years.
    check(3 * 104 <= runs <= 6 * 105, f"{runs} runs")
    check(count(db, "strength_set") > 1000, "strength sets")
    check(count(db, "measurement") > 0, "tests")
    check(count(db, "plan_entry") > 0, "planned entries")
    check(count(db, "trackpoint") > 0, "track points")


@case
def generate_demo_is_deterministic(tmp):
    dumps = []
    for name in ("a.db", "b.db"):
        db = os.path.join(tmp, name)
        result = run("--database", db, "--generate-demo", "1", cwd=tmp)
        check(result.returncode == 0, result.stderr)
        with sqlite3.connect(db) as connection:
            dumps.append(connection.execute(
                "SELECT sport, start_utc, distance_m, duration_s FROM activity ORDER BY id"
            ).fetchall())
    check(dumps[0] == dumps[1], "two runs wrote different journals")


@case
def generate_demo_refuses_a_journal_with_entries(tmp):
    db = os.path.join(tmp, "j.db")
    check(run("--generate-demo", "1", "--database", db, cwd=tmp).returncode == 0, "first")
    before = count(db, "activity")
    result = run("--generate-demo", "1", "--database", db, cwd=tmp)
    check(result.returncode == 1, f"exit {result.returncode}")
    check("already holds a journal" in result.stderr, result.stderr)
    check(count(db, "activity") == before, "rows changed")


@case
def generate_demo_never_writes_the_default_journal(tmp):
    result = run("--generate-demo", "1", cwd=tmp)
    check(result.returncode == 1, f"exit {result.returncode}")
    check("--database" in result.stderr, result.stderr)
    check(not os.path.exists(os.path.join(tmp, "data", "stridestrong", "journal.db")),
          "the default journal was created")


@case
def generate_demo_rejects_bad_years(tmp):
    for years in ("0", "-3", "51"):
        result = run("--generate-demo", years, "--database", os.path.join(tmp, "x.db"), cwd=tmp)
        check(result.returncode == 2, f"{years}: exit {result.returncode}")
        check("years" in result.stderr, result.stderr)


@case
def environment_variable_names_the_journal(tmp):
    db = os.path.join(tmp, "from-env.db")
    result = run("--generate-demo", "1", env_extra={"STRIDESTRONG_DB": db}, cwd=tmp)
    check(result.returncode == 0, result.stderr)
    check(count(db, "activity") > 0, "no activities in $STRIDESTRONG_DB")


@case
def corrupt_journal_is_reported_and_left_alone(tmp):
    db = os.path.join(tmp, "corrupt.db")
    garbage = b"PK\x03\x04 definitely not sqlite" * 50
    with open(db, "wb") as f:
        f.write(garbage)
    result = run("--generate-demo", "1", "--database", db, cwd=tmp)
    check(result.returncode == 1, f"exit {result.returncode}")
    check("corrupt.db" in result.stderr, "the message names the file: " + result.stderr)
    with open(db, "rb") as f:
        check(f.read() == garbage, "the file was changed")


def demo_journal(tmp, years="1"):
    db = os.path.join(tmp, "demo.db")
    result = run("--generate-demo", years, "--database", db, cwd=tmp)
    check(result.returncode == 0, result.stderr)
    return db


MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}


def check_chart_file(path, extension):
    check(os.path.exists(path), f"{path} was not written")
    with open(path, "rb") as f:
        data = f.read()
    check(len(data) > 500, f"{path}: only {len(data)} bytes")
    if extension == "svg":
        check(b"<svg" in data[:2000], f"{path} is not an SVG")
    else:
        check(data.startswith(MAGIC[extension]), f"{path} starts with {data[:8]!r}")
    if extension == "png":
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        check((width, height) == (1200, 600), f"PNG is {width}x{height}")


@case
def chart_pace_writes_a_png(tmp):
    db = demo_journal(tmp)
    out = os.path.join(tmp, "x.png")
    result = run("--database", db, "--chart", "pace", "--output", out, cwd=tmp)
    check(result.returncode == 0, result.stderr)
    check(result.stdout == "", "nothing on stdout: " + result.stdout)
    check_chart_file(out, "png")


@case
def chart_every_name_and_format(tmp):
    db = demo_journal(tmp)
    for name in ("pace", "volume", "load", "hq", "lsi"):
        for extension in ("png", "svg", "pdf"):
            out = os.path.join(tmp, f"{name}.{extension}")
            result = run("--database", db, "--chart", name, "--output", out, cwd=tmp)
            check(result.returncode == 0, f"{name}.{extension}: {result.stderr}")
            check_chart_file(out, extension)


def png_pixels(path):
    """The RGB(A) rows of an 8-bit, non-interlaced PNG as lists of tuples."""
    with open(path, "rb") as f:
        data = f.read()
    check(data.startswith(MAGIC["png"]), f"{path} is not a PNG")
    pos = 8
    idat = b""
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width = int.from_bytes(body[0:4], "big")
            height = int.from_bytes(body[4:8], "big")
            depth, colour, interlace = body[8], body[9], body[12]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    check(depth == 8 and colour in (2, 6) and interlace == 0,
          f"unexpected PNG format: depth {depth}, colour type {colour}")
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xff
            elif kind == 2:
                line[i] = (line[i] + b) & 0xff
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xff
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + predictor) & 0xff
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, bpp)])
        previous = line
    return rows


# The first two series colours of the light chart style (GNOME blue 3 and
# green 4, stride_chart_data_style_init()): the first lines of a chart.
SERIES_COLOURS = {(0x1c, 0x71, 0xd8), (0x26, 0xa2, 0x69)}


def series_pixels(path):
    return sum(1 for row in png_pixels(path) for pixel in row if pixel in SERIES_COLOURS)


@case
def chart_hq_and_lsi_draw_their_lines(tmp):
    # Tests come every six weeks: the lines and their dots must show in
    # the series colours, which a chart of a range without tests lacks.
    db = demo_journal(tmp, "2")
    for name in ("hq", "lsi"):
        out = os.path.join(tmp, f"{name}.png")
        result = run("--database", db, "--chart", name, "--output", out, cwd=tmp)
        check(result.returncode == 0, f"{name}: {result.stderr}")
        check_chart_file(out, "png")
        drawn = series_pixels(out)
        check(drawn > 500, f"{name}: only {drawn} pixels in the series colours")

        empty = os.path.join(tmp, f"{name}-empty.png")
        result = run("--database", db, "--chart", name, "--from", "2000-01-01",
                     "--to", "2000-12-31", "--output", empty, cwd=tmp)
        check(result.returncode == 0, f"{name} of an empty range: {result.stderr}")
        check_chart_file(empty, "png")
        check(series_pixels(empty) == 0, f"{name}: series drawn in a range without tests")
        check(len({pixel for row in png_pixels(empty) for pixel in row}) > 2,
              f"{name}: the empty chart is blank, without its empty text")


@case
def chart_with_a_date_range(tmp):
    db = demo_journal(tmp)
    out = os.path.join(tmp, "load.svg")
    result = run("--database", db, "--chart", "load", "--from", "2020-01-01",
                 "--to", "2030-12-31", "--output", out, cwd=tmp)
    check(result.returncode == 0, result.stderr)
    check_chart_file(out, "svg")


@case
def chart_of_an_empty_journal_still_draws(tmp):
    db = os.path.join(tmp, "empty.db")
    out = os.path.join(tmp, "empty.png")
    # An empty journal: exporting it creates the file.
    check(run("--database", db, "--export-csv", os.path.join(tmp, "csv"), cwd=tmp).returncode == 0,
          "could not create an empty journal")
    result = run("--database", db, "--chart", "volume", "--output", out, cwd=tmp)
    check(result.returncode == 0, result.stderr)
    check_chart_file(out, "png")


@case
def chart_never_creates_a_journal(tmp):
    db = os.path.join(tmp, "missing.db")
    result = run("--database", db, "--chart", "load", "--output", os.path.join(tmp, "x.png"),
                 cwd=tmp)
    check(result.returncode == 1, f"exit {result.returncode}")
    check("no journal" in result.stderr, result.stderr)
    check(not os.path.exists(db), "the journal was created")


@case
def chart_from_after_today_exits_2(tmp):
    db = demo_journal(tmp)
    result = run("--database", db, "--chart", "load", "--from", "2099-01-01",
                 "--output", os.path.join(tmp, "x.png"), cwd=tmp)
    check(result.returncode == 2, f"exit {result.returncode}")
    check("--from" in result.stderr, result.stderr)


@case
def chart_unknown_name_exits_2_with_the_names(tmp):
    db = demo_journal(tmp)
    out = os.path.join(tmp, "x.png")
    for name in ("nonsense", "run", "HQ"):
        result = run("--database", db, "--chart", name, "--output", out, cwd=tmp)
        check(result.returncode == 2, f"{name}: exit {result.returncode}")
        check("unknown chart" in result.stderr, result.stderr)
        for known in ("pace", "volume", "load", "hq", "lsi"):
            check(known in result.stderr, "lists the names: " + result.stderr)
        check(not os.path.exists(out), "nothing written")


@case
def chart_bad_date_exits_2(tmp):
    db = demo_journal(tmp)
    out = os.path.join(tmp, "x.png")
    for option, value in (("--from", "2026-13-01"), ("--to", "yesterday"),
                          ("--from", "2026-02-30"), ("--from", "26-1-1")):
        result = run("--database", db, "--chart", "pace", option, value,
                     "--output", out, cwd=tmp)
        check(result.returncode == 2, f"{option} {value}: exit {result.returncode}")
        check(option in result.stderr and value in result.stderr, result.stderr)
    result = run("--database", db, "--chart", "pace", "--from", "2026-05-01",
                 "--to", "2026-04-01", "--output", out, cwd=tmp)
    check(result.returncode == 2, f"from after to: exit {result.returncode}")
    check(not os.path.exists(out), "nothing written")


@case
def chart_bad_output_exits_2(tmp):
    db = demo_journal(tmp)
    result = run("--database", db, "--chart", "pace", "--output",
                 os.path.join(tmp, "x.jpg"), cwd=tmp)
    check(result.returncode == 2, f"exit {result.returncode}")
    check(".png" in result.stderr, result.stderr)
    result = run("--database", db, "--chart", "pace", cwd=tmp)
    check(result.returncode == 2, f"no --output: exit {result.returncode}")
    check("--output" in result.stderr, result.stderr)
    result = run("--database", db, "--output", os.path.join(tmp, "x.png"), cwd=tmp)
    check(result.returncode == 2, f"--output alone: exit {result.returncode}")
    check("--chart" in result.stderr, result.stderr)

# --checklist

CHECK_IDS = ["spike", "acwr", "ramp", "monotony", "strength", "spacing", "hq", "lsi",
             "pain", "sleep", "soreness", "illness", "shoes"]
STATES = {"ok", "caution", "warning", "not-enough-data"}


def checklist_json(tmp, db, *args):
    result = run("--database", db, "--checklist", *args, "--json", cwd=tmp)
    check(result.returncode == 0, f"exit {result.returncode}: {result.stderr}")
    try:
        data = json.loads(result.stdout)
    except ValueError as error:
        raise AssertionError(f"not JSON ({error}): {result.stdout[:500]}")
    check(isinstance(data, dict), "an object")
    check(re.fullmatch(r"\d{4}-W\d\d", data.get("week", "")), f"week {data.get('week')!r}")
    checks = data.get("checks")
    check(isinstance(checks, list), "checks is a list")
    check([c.get("id") for c in checks] == CHECK_IDS, f"ids {[c.get('id') for c in checks]}")
    for c in checks:
        check(c.get("state") in STATES, f"{c.get('id')}: state {c.get('state')!r}")
        for field in ("value", "threshold"):
            check(field in c, f"{c['id']} has no {field}")
            check(c[field] is None or isinstance(c[field], (int, float)),
                  f"{c['id']}: {field} {c[field]!r}")
        for field in ("explanation", "source"):
            check(field in c, f"{c['id']} has no {field}")
    return data


def iso_week(day):
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def by_id(data):
    return {c["id"]: c for c in data["checks"]}


@case
def checklist_json_of_a_demo_journal(tmp):
    db = demo_journal(tmp, "2")
    data = checklist_json(tmp, db)
    check(data["week"] == iso_week(datetime.date.today()), f"week {data['week']}")
    monday = datetime.date.today() - datetime.timedelta(days=datetime.date.today().weekday())
    check(data.get("from") == monday.isoformat(), f"from {data.get('from')}")
    check(data.get("to") == (monday + datetime.timedelta(days=6)).isoformat(),
          f"to {data.get('to')}")
    # Two years of runs: the load checks have something to say.
    checks = by_id(data)
    for name in ("acwr", "shoes"):
        check(checks[name]["state"] != "not-enough-data", f"{name}: {checks[name]}")


@case
def checklist_text_of_a_demo_journal(tmp):
    db = demo_journal(tmp, "2")
    result = run("--database", db, "--checklist", cwd=tmp)
    check(result.returncode == 0, result.stderr)
    lines = result.stdout.splitlines()
    check(iso_week(datetime.date.today()) in lines[0], "the heading names the week: " + lines[0])
    states = [line.split()[0] for line in lines if line and not line.startswith(" ")
              and line.split()[0] in STATES]
    check(len(states) == len(CHECK_IDS), f"{len(states)} checks:\n{result.stdout}")


@case
def checklist_of_a_past_week(tmp):
    db = demo_journal(tmp, "2")
    week = iso_week(datetime.date.today() - datetime.timedelta(days=365))
    data = checklist_json(tmp, db, week)
    check(data["week"] == week, f"asked {week}, got {data['week']}")
    # A year into the journal the load checks have history to compare with.
    checks = by_id(data)
    check(checks["acwr"]["state"] != "not-enough-data", f"acwr: {checks['acwr']}")
    check(checks["acwr"]["value"] is not None, f"acwr: {checks['acwr']}")


@case
def checklist_of_an_empty_journal_is_honest(tmp):
    db = os.path.join(tmp, "empty.db")
    check(run("--database", db, "--export-csv", os.path.join(tmp, "csv"), cwd=tmp).returncode == 0,
          "could not create an empty journal")
    checks = by_id(checklist_json(tmp, db))
    for name in ("acwr", "ramp", "monotony", "hq", "lsi", "shoes"):
        check(checks[name]["state"] == "not-enough-data", f"{name}: {checks[name]}")
        check(checks[name]["value"] is None, f"{name}: value {checks[name]['value']}")
    # No run, so no run can be a spike: never a caution, and no number.
    check(checks["spike"]["state"] in ("ok", "not-enough-data"), f"spike: {checks['spike']}")
    check(checks["spike"]["value"] is None, f"spike: {checks['spike']}")
    for name in ("sleep", "soreness", "illness"):
        check(checks[name]["state"] == "not-enough-data", f"{name} unanswered: {checks[name]}")


def write_gpx(path, start, distance_m, pace_s_per_km=300):
    """A straight run north along a meridian, a point every 50 m."""
    metres_per_degree = 6371008.8 * math.pi / 180
    steps = int(distance_m // 50)
    points = []
    for i in range(steps + 1):
        lat = 45.0 + i * 50 / metres_per_degree
        when = start + datetime.timedelta(seconds=i * 50 * pace_s_per_km / 1000)
        points.append(f'<trkpt lat="{lat:.7f}" lon="7.0000000">'
                      f'<time>{when.strftime("%Y-%m-%dT%H:%M:%SZ")}</time></trkpt>')
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<gpx version="1.1" creator="test-cli" xmlns="http://www.topografix.com/GPX/1/1">'
                f'<trk><type>running</type><trkseg>{"".join(points)}</trkseg></trk></gpx>\n')


@case
def checklist_finds_a_spike(tmp):
    # February 2025: 10 km every third day; 2025-W10 (3–9 March): 14 km.
    folder = os.path.join(tmp, "runs")
    os.mkdir(folder)
    day = datetime.datetime(2025, 2, 1, 7, 0)
    while day < datetime.datetime(2025, 3, 1):
        write_gpx(os.path.join(folder, day.strftime("%Y-%m-%d.gpx")), day, 10000)
        day += datetime.timedelta(days=3)
    write_gpx(os.path.join(folder, "long.gpx"), datetime.datetime(2025, 3, 5, 7, 0), 14000)
    db = os.path.join(tmp, "spike.db")
    result = run("--database", db, "--import", folder, cwd=tmp)
    check(result.returncode == 0, result.stdout + result.stderr)
    check(count(db, "activity WHERE sport = 'run'") == 11, "11 runs imported")

    spike = by_id(checklist_json(tmp, db, "2025-W10"))["spike"]
    check(spike["state"] in ("caution", "warning"), f"spike: {spike}")
    if spike["value"] is not None:
        check(135 < spike["value"] < 145, f"spike value {spike['value']}")
    # The week before has nothing longer than usual.
    spike = by_id(checklist_json(tmp, db, "2025-W09"))["spike"]
    check(spike["state"] not in ("caution", "warning"), f"2025-W09 spike: {spike}")

    result = run("--database", db, "--checklist", "2025-W10", cwd=tmp)
    check(result.returncode == 0, result.stderr)
    check("2025-W10" in result.stdout.splitlines()[0], result.stdout)


@case
def checklist_bad_week_exits_2(tmp):
    db = demo_journal(tmp)
    for week in ("2026-W60", "2027-W53", "2026-W00", "2026-10", "next week"):
        result = run("--database", db, "--checklist", week, cwd=tmp)
        check(result.returncode == 2, f"{week}: exit {result.returncode}")
        check(result.stdout == "", f"{week}: nothing on stdout: {result.stdout}")
        check("--checklist" in result.stderr and result.stderr.strip(), result.stderr)
    # A year with 53 weeks has its W53.
    check(run("--database", db, "--checklist", "2026-W53", cwd=tmp).returncode == 0, "2026-W53")


@case
def checklist_takes_one_week(tmp):
    db = demo_journal(tmp)
    result = run("--database", db, "--checklist", "2026-W10", "2026-W11", cwd=tmp)
    check(result.returncode == 2, f"exit {result.returncode}")
    check("2026-W11" in result.stderr, result.stderr)


@case
def json_without_checklist_exits_2(tmp):
    db = demo_journal(tmp)
    result = run("--database", db, "--json", cwd=tmp)
    check(result.returncode == 2, f"exit {result.returncode}")
    check("--checklist" in result.stderr, result.stderr)
    result = run("--database", db, "--chart", "pace", "--json",
                 "--output", os.path.join(tmp, "x.png"), cwd=tmp)
    check(result.returncode == 2, f"--chart --json: exit {result.returncode}")


@case
def checklist_with_another_operation_exits_2(tmp):
    db = demo_journal(tmp)
    result = run("--database", db, "--checklist", "--export-csv", os.path.join(tmp, "csv"),
                 cwd=tmp)
    check(result.returncode == 2, f"exit {result.returncode}")
    check("--checklist" in result.stderr, result.stderr)


@case
def checklist_never_creates_a_journal(tmp):
    db = os.path.join(tmp, "missing.db")
    result = run("--database", db, "--checklist", cwd=tmp)
    check(result.returncode == 1, f"exit {result.returncode}")
    check("no journal" in result.stderr, result.stderr)
    check(not os.path.exists(db), "the journal was created")


@case
def export_ics_writes_the_plan_from_today(tmp):
    db = demo_journal(tmp)
    out = os.path.join(tmp, "plan.ics")
    result = run("--database", db, "--export-ics", out, cwd=tmp)
    check(result.returncode == 0, result.stderr)
    check(result.stdout == "", "nothing on stdout: " + result.stdout)
    with open(out, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    check(text.startswith("BEGIN:VCALENDAR\r\n"), text[:80])
    check(text.rstrip("\r\n").endswith("END:VCALENDAR"), text[-80:])
    check("VERSION:2.0\r\n" in text and "PRODID:" in text, "VERSION and PRODID")
    check(all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), "lines folded")
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    today = datetime.date.today().isoformat()
    with sqlite3.connect(db) as connection:
        plan_ids = {row[0] for row in connection.execute(
            "SELECT id FROM plan_entry WHERE date >= ?", (today,))}
        race_ids = {row[0] for row in connection.execute(
            "SELECT id FROM race WHERE date >= ?", (today,))}
    check(len(plan_ids) > 0, "the demo journal plans ahead")
    events = unfolded.count("BEGIN:VEVENT\r\n")
    check(events == unfolded.count("END:VEVENT\r\n"), "VEVENTs closed")
    check(events == len(plan_ids) + len(race_ids),
          f"{events} events for {len(plan_ids)} entries and {len(race_ids)} races")
    uids = set(re.findall(r"^UID:plan-(\d+)@", unfolded, re.M))
    check({int(uid) for uid in uids} == plan_ids, "one VEVENT per plan entry from today")
    check(all(re.search(r"^DTSTART[;:]", event, re.M)
              for event in unfolded.split("BEGIN:VEVENT")[1:]), "every event has a DTSTART")


@case
def export_ics_missing_file_exits_2(tmp):
    db = demo_journal(tmp)
    result = run("--database", db, "--export-ics", cwd=tmp)
    check(result.returncode == 2, f"exit {result.returncode}")
    check("--export-ics" in result.stderr, result.stderr)
    result = run("--database", db, "--export-ics", "", cwd=tmp)
    check(result.returncode == 2, f"empty FILE: exit {result.returncode}")
    check("FILE" in result.stderr, result.stderr)


@case
def export_ics_unwritable_path_exits_1(tmp):
    db = demo_journal(tmp)
    out = os.path.join(tmp, "no-such-folder", "plan.ics")
    result = run("--database", db, "--export-ics", out, cwd=tmp)
    check(result.returncode == 1, f"exit {result.returncode}")
    check(result.stderr.strip() != "", "a message on stderr")
    check(not os.path.exists(out), "a file was written")


@case
def export_ics_with_another_operation_exits_2(tmp):
    db = demo_journal(tmp)
    result = run("--database", db, "--export-ics", os.path.join(tmp, "p.ics"),
                 "--export-csv", os.path.join(tmp, "csv"), cwd=tmp)
    check(result.returncode == 2, f"exit {result.returncode}")
    check("--export-ics" in result.stderr, result.stderr)


@case
def export_ics_never_creates_a_journal(tmp):
    db = os.path.join(tmp, "missing.db")
    out = os.path.join(tmp, "plan.ics")
    result = run("--database", db, "--export-ics", out, cwd=tmp)
    check(result.returncode == 1, f"exit {result.returncode}")
    check("no journal" in result.stderr, result.stderr)
    check(not os.path.exists(db), "the journal was created")
    check(not os.path.exists(out), "a calendar was written")


@case
def export_csv_then_import_restores_the_same_journal(tmp):
    db = demo_journal(tmp)
    first = os.path.join(tmp, "first")
    second = os.path.join(tmp, "second")
    restored = os.path.join(tmp, "restored.db")
    check(run("--database", db, "--export-csv", first, cwd=tmp).returncode == 0, "export")
    result = run("--database", restored, "--import", first, cwd=tmp)
    check(result.returncode == 0, result.stdout + result.stderr)
    check(result.stdout == f"{first}: imported\n", result.stdout)
    check(run("--database", restored, "--export-csv", second, cwd=tmp).returncode == 0,
          "export of the restored journal")
    names = sorted(os.listdir(first))
    check("stridestrong-export.csv" in names and "activity.csv" in names, str(names))
    check(names == sorted(os.listdir(second)), f"{names} vs {sorted(os.listdir(second))}")
    for name in names:
        with open(os.path.join(first, name), "rb") as a, open(os.path.join(second, name), "rb") as b:
            check(a.read() == b.read(), f"{name} differs after the round trip")
    # The journal has entries now: refused, exit 1, nothing written.
    before = count(restored, "activity")
    result = run("--database", restored, "--import", first, cwd=tmp)
    check(result.returncode == 1, f"exit {result.returncode}")
    check("already has entries" in result.stdout, result.stdout)
    check(count(restored, "activity") == before, "rows changed")

def main():
    print(f"1..{len(cases)}")
    failed = 0
    for number, function in enumerate(cases, 1):
        tmp = tempfile.mkdtemp(prefix="stride-cli-")
        try:
            function(tmp)
            print(f"ok {number} - {function.__name__}")
        except Exception as error:  # report every failure, keep going
            failed += 1
            print(f"not ok {number} - {function.__name__}")
            for line in str(error).splitlines() or ["(no message)"]:
                print(f"# {line}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
