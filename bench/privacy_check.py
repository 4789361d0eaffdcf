"""The privacy check's quality on the labelled corpus, and its speed beside a bare regex.

    python bench/privacy_check.py [--corpus FILE] [--runs N] [--show]

Quality: per kind, span-level precision and recall. A finding is a true positive when a label
of the same kind overlaps it; a label is found when a finding of the same kind overlaps it.
The corpus (bench/privacy_corpus.tsv) is checked as a facts field (``facts=True``).
Aims (issue 10): recall >= 0.95 for bsn, email, phone and postcode, >= 0.8 for names;
precision >= 0.8 for every kind. Exits 1 when an aim is missed.

Speed: the time per sentence of ``check`` against one precompiled ``re.search`` over the same
sentences, with the ratio, and the time for one 2,000-character text (budget: well under
10 ms). Printed, never asserted. ``--show`` prints each miss and false alarm (the corpus is
fiction; the app itself never prints or logs what the check finds).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.concerns.privacy import Finding, FindingKind, check  # noqa: E402

CORPUS = ROOT / "bench" / "privacy_corpus.tsv"
RECALL_AIMS = {
    FindingKind.BSN: 0.95,
    FindingKind.EMAIL: 0.95,
    FindingKind.PHONE: 0.95,
    FindingKind.POSTCODE: 0.95,
    FindingKind.NAME: 0.8,
}
PRECISION_AIM = 0.8
BUDGET_MS = 10.0


@dataclass(frozen=True)
class Label:
    kind: FindingKind
    start: int
    end: int


@dataclass(frozen=True)
class Entry:
    line: int
    text: str
    labels: tuple[Label, ...]


def load_corpus(path: Path = CORPUS) -> list[Entry]:
    """The corpus' entries; a label's offsets are computed from its substring."""
    entries = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        text, *marks = raw.split("\t")
        labels = []
        for mark in marks:
            kind_id, _, wanted = mark.partition(":")
            occurrence = 1
            if re.search(r"@\d+$", wanted):
                wanted, _, count = wanted.rpartition("@")
                occurrence = int(count)
            start = -1
            for _ in range(occurrence):
                start = text.find(wanted, start + 1)
            if start < 0 or not wanted:
                raise ValueError(f"{path.name}:{number}: {wanted!r} is not in the text")
            labels.append(Label(FindingKind(kind_id), start, start + len(wanted)))
        entries.append(Entry(number, text, tuple(labels)))
    return entries


@dataclass
class Tally:
    findings: int = 0
    true_findings: int = 0
    labels: int = 0
    found_labels: int = 0
    misses: list[tuple[int, str]] = field(default_factory=list)
    false_alarms: list[tuple[int, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_findings / self.findings if self.findings else 1.0

    @property
    def recall(self) -> float:
        return self.found_labels / self.labels if self.labels else 1.0


def _overlap(a: Finding | Label, b: Finding | Label) -> bool:
    return a.kind == b.kind and a.start < b.end and b.start < a.end


def score(entries: list[Entry]) -> dict[FindingKind, Tally]:
    """Per kind: how many findings were right, how many labels were found."""
    tallies = {kind: Tally() for kind in FindingKind}
    for entry in entries:
        findings = check(entry.text, facts=True)
        for finding in findings:
            tally = tallies[finding.kind]
            tally.findings += 1
            if any(_overlap(finding, label) for label in entry.labels):
                tally.true_findings += 1
            else:
                tally.false_alarms.append((entry.line, entry.text[finding.start : finding.end]))
        for label in entry.labels:
            tally = tallies[label.kind]
            tally.labels += 1
            if any(_overlap(label, finding) for finding in findings):
                tally.found_labels += 1
            else:
                tally.misses.append((entry.line, entry.text[label.start : label.end]))
    return tallies


def aims_missed(tallies: dict[FindingKind, Tally]) -> list[str]:
    missed = []
    for kind, tally in tallies.items():
        if tally.findings and tally.precision < PRECISION_AIM:
            missed.append(f"{kind.value} precision {tally.precision:.2f} < {PRECISION_AIM}")
        aim = RECALL_AIMS.get(kind)
        if aim is not None and tally.recall < aim:
            missed.append(f"{kind.value} recall {tally.recall:.2f} < {aim}")
    return missed


def _median_ms(work: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--show", action="store_true", help="print misses and false alarms")
    arguments = parser.parse_args()
    entries = load_corpus(arguments.corpus)
    with_data = sum(1 for e in entries if any(lb.kind != "interpretation" for lb in e.labels))
    print(f"corpus: {len(entries)} sentences, {with_data} with personal data")

    tallies = score(entries)
    header = ("kind", "labels", "found", "recall", "findings", "precision")
    print("{:15s} {:>6s} {:>6s} {:>7s} {:>8s} {:>9s}".format(*header))
    totals = Tally()
    for kind, tally in tallies.items():
        print(
            f"{kind.value:15s} {tally.labels:6d} {tally.found_labels:6d} {tally.recall:7.2f} "
            f"{tally.findings:8d} {tally.precision:9.2f}"
        )
        if kind != FindingKind.INTERPRETATION:
            totals.labels += tally.labels
            totals.found_labels += tally.found_labels
            totals.findings += tally.findings
            totals.true_findings += tally.true_findings
    print(
        f"{'personal data':15s} {totals.labels:6d} {totals.found_labels:6d} "
        f"{totals.recall:7.2f} {totals.findings:8d} {totals.precision:9.2f}"
    )
    if arguments.show:
        for kind, tally in tallies.items():
            for line, text in tally.misses:
                print(f"  miss        {kind.value:14s} line {line}: {text!r}")
            for line, text in tally.false_alarms:
                print(f"  false alarm {kind.value:14s} line {line}: {text!r}")

    texts = [entry.text for entry in entries]
    reference = re.compile(r"\d{9}")
    for text in texts:  # warm-up: word lists read, patterns hot
        check(text, facts=True)

    def bare() -> None:
        for text in texts:
            reference.search(text)

    def ours() -> None:
        for text in texts:
            check(text, facts=True)

    bare_ms = _median_ms(bare, arguments.runs) / len(texts)
    ours_ms = _median_ms(ours, arguments.runs) / len(texts)
    print(
        f"per sentence: check {ours_ms * 1000:.1f} µs, bare re.search {bare_ms * 1000:.2f} µs, "
        f"ratio {ours_ms / bare_ms:.0f}x"
    )
    long_text = " ".join(texts)[:2000]
    long_ms = _median_ms(lambda: check(long_text, facts=True), arguments.runs)
    verdict = "ok" if long_ms < BUDGET_MS else "OVER"
    print(f"2,000 characters: {long_ms:.2f} ms (budget {BUDGET_MS:.0f} ms) {verdict}")

    missed = aims_missed(tallies)
    for problem in missed:
        print(f"aim missed: {problem}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
