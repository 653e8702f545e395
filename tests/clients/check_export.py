#!/usr/bin/env python3
"""Checks a Spiegel export with the tools researchers use: Frictionless and DuckDB.

Usage:
    python3 tests/clients/check_export.py DIR

DIR holds what Spiegel writes for one export (`export.json`, the CSV files and
`datapackage.json`) plus `expected.json` with the counts the export must hold:

    {
      "metingen": 3,                      # metingen in the export
      "responses": 20,                    # records (exported responses)
      "by_instrument": {                  # per "<instrument id>@<version>"
        "exp-student@1.0.0": {"metingen": 2, "responses": 12}
      }
    }

The checks:
  1. `frictionless validate datapackage.json` passes (types, enums, missing values,
     primary and foreign keys of every CSV file);
  2. DuckDB reads export.json (`read_json`, records unnested) and gets the expected
     counts, per meting and per instrument, and each meting's `records`;
  3. DuckDB reads the CSV files (`read_csv_auto`) and gets the same counts; the
     aggregates file has one row per aggregate cell of export.json;
  4. every codebook entry's content_hash matches its canonical JSON.

Exits 0 when all hold; otherwise prints every problem and exits 1. Needs only the
`duckdb` and `frictionless` packages.
"""

import hashlib
import json
import os
import sys

import duckdb
import frictionless


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    folder = argv[1]
    problems = []

    def path(name):
        return os.path.join(folder, name)

    def check(what, actual, expected):
        if actual != expected:
            problems.append(f"{what}: expected {expected!r}, found {actual!r}")

    with open(path("expected.json"), encoding="utf-8") as f:
        expected = json.load(f)

    # 1. Frictionless.
    report = frictionless.validate(path("datapackage.json"))
    if not report.valid:
        for task in report.tasks:
            for error in task.errors:
                problems.append(f"frictionless, {task.name}: {error.message}")
        for error in report.errors:
            problems.append(f"frictionless: {error.message}")

    # 2. DuckDB on the JSON. Answers differ in type per item, so they are read as JSON.
    con = duckdb.connect()
    con.execute(
        """
        CREATE TABLE doc AS SELECT * FROM read_json(?, format = 'auto', records = true,
            maximum_object_size = 1073741824,
            columns = {
                spiegel_export: 'INTEGER',
                metingen: 'STRUCT(id VARCHAR, instrument VARCHAR, instrument_version VARCHAR,
                                  period VARCHAR, responses BIGINT, records BIGINT)[]',
                responses: 'STRUCT(id VARCHAR, meting VARCHAR, period VARCHAR, answers JSON)[]',
                aggregates: 'STRUCT(meting VARCHAR, items STRUCT(item VARCHAR, cells JSON[])[])[]',
                codebook: 'JSON'
            })
        """,
        [path("export.json")],
    )
    check("export.json format version", con.execute("SELECT spiegel_export FROM doc").fetchone()[0], 1)
    con.execute("CREATE TABLE metingen AS SELECT unnest(metingen, recursive := true) FROM doc")
    con.execute(
        """CREATE TABLE records AS
           SELECT r.id, r.meting FROM (SELECT unnest(coalesce(responses, [])) AS r FROM doc)"""
    )
    check("metingen in export.json", con.execute("SELECT count(*) FROM metingen").fetchone()[0],
          expected["metingen"])
    check("records in export.json", con.execute("SELECT count(*) FROM records").fetchone()[0],
          expected["responses"])
    check("distinct record ids in export.json",
          con.execute("SELECT count(DISTINCT id) FROM records").fetchone()[0], expected["responses"])
    orphans = con.execute(
        "SELECT count(*) FROM records WHERE meting NOT IN (SELECT id FROM metingen)").fetchone()[0]
    check("records naming an unknown meting", orphans, 0)
    for meting, stated, counted in con.execute(
        """SELECT m.id, m.records, count(r.id) FROM metingen m LEFT JOIN records r ON r.meting = m.id
           GROUP BY m.id, m.records ORDER BY m.id"""
    ).fetchall():
        check(f"records of meting {meting} in export.json", counted, stated)
    json_by_instrument = {
        f"{inst}@{version}": {"metingen": n, "responses": int(records)}
        for inst, version, n, records in con.execute(
            """SELECT instrument, instrument_version, count(*), sum(records) FROM metingen
               GROUP BY ALL ORDER BY ALL"""
        ).fetchall()
    }
    check("per instrument in export.json", json_by_instrument, expected["by_instrument"])

    # 3. DuckDB on the CSV files, found through the data package.
    with open(path("datapackage.json"), encoding="utf-8") as f:
        package = json.load(f)
    resources = {r["name"]: r["path"] for r in package["resources"]}
    csv_metingen = con.execute(
        "SELECT * FROM read_csv_auto(?, header = true, all_varchar = true)", [path(resources["metingen"])]
    ).fetchall()
    check("rows of metingen.csv", len(csv_metingen), expected["metingen"])
    con.execute(
        "CREATE TABLE csv_metingen AS SELECT * FROM read_csv_auto(?, header = true, all_varchar = true)",
        [path(resources["metingen"])],
    )
    con.execute("CREATE TABLE csv_records (id VARCHAR, meting VARCHAR)")
    for name, file in resources.items():
        if name in ("metingen", "aggregates"):
            continue
        con.execute(
            """INSERT INTO csv_records SELECT export_response_id, export_meting_id
               FROM read_csv_auto(?, header = true, all_varchar = true)""",
            [path(file)],
        )
    csv_by_instrument = {
        f"{inst}@{version}": {"metingen": n, "responses": int(records)}
        for inst, version, n, records in con.execute(
            """SELECT m.instrument, m.instrument_version, count(DISTINCT m.export_meting_id),
                      count(r.id)
               FROM csv_metingen m LEFT JOIN csv_records r ON r.meting = m.export_meting_id
               GROUP BY ALL ORDER BY ALL"""
        ).fetchall()
    }
    check("per instrument in the CSV files", csv_by_instrument, expected["by_instrument"])
    check("records in the CSV files", con.execute("SELECT count(*) FROM csv_records").fetchone()[0],
          expected["responses"])
    same = con.execute(
        """SELECT count(*) FROM records j FULL OUTER JOIN csv_records c ON j.id = c.id
           WHERE j.id IS NULL OR c.id IS NULL OR j.meting <> c.meting"""
    ).fetchone()[0]
    check("records that differ between export.json and the CSV files", same, 0)
    cells = con.execute(
        """SELECT count(*) FROM (SELECT unnest(a.items) AS i FROM (SELECT unnest(aggregates) AS a FROM doc)),
           LATERAL (SELECT unnest(i.cells))"""
    ).fetchone()[0]
    rows = con.execute(
        "SELECT count(*) FROM read_csv_auto(?, header = true, all_varchar = true)",
        [path(resources["aggregates"])],
    ).fetchone()[0]
    check("rows of aggregates.csv against the cells of export.json", rows, cells)

    # 4. Content hashes of the codebook.
    with open(path("export.json"), encoding="utf-8") as f:
        doc = json.load(f)
    for entry in doc["codebook"]["instruments"]:
        body = {k: v for k, v in entry.items() if k != "content_hash"}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        check(f"content hash of {entry['id']} {entry['version']}", entry["content_hash"], digest)

    if problems:
        print(f"check_export: {len(problems)} problem(s) in {folder}:")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"check_export: {folder} passes (frictionless, DuckDB on JSON and CSV, content hashes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
