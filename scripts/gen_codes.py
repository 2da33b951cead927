#!/usr/bin/env python3
"""Writes a codes.toml of N synthetic codes shaped like Tencent Cloud's.

`cargo xtask gen-codes` writes the same files (the benchmarks build with it);
this copy stays only while scripts/scale_build.sh calls it.

Real codes are 10 to 89 characters, about 36 on average, in 2 or 3 dotted
levels under a few dozen categories; this reproduces that shape with a fixed
seed, so every run writes the same file.

    scripts/gen_codes.py 12388 > /tmp/codes.toml
    scripts/gen_codes.py 1000 --unknown 100 --queries /tmp/queries.txt > /tmp/codes.toml
"""
import argparse
import random
import re

CATEGORIES = [
    ("AuthFailure", "never"), ("FailedOperation", None), ("InternalError", "transient"),
    ("InvalidParameter", None), ("InvalidParameterValue", None), ("LimitExceeded", None),
    ("MissingParameter", None), ("OperationDenied", None), ("RequestLimitExceeded", "throttling"),
    ("ResourceInUse", None), ("ResourceInsufficient", None), ("ResourceNotFound", None),
    ("ResourceUnavailable", None), ("ResourcesSoldOut", None), ("UnauthorizedOperation", None),
    ("UnsupportedOperation", None),
]
WORDS = (
    "Instance Image Disk Snapshot Vpc Subnet Security Group Policy Domain Record Certificate "
    "Bucket Object Channel Input Output Template Plan Quota Account Role User Key Token Zone "
    "Region Cluster Node Pod Service Task Job Queue Topic Message Stream Record Backup Database "
    "Table Index Query Cdn Origin Cache Rule Listener Target Health Check Alarm Metric Tag State "
    "Status Type Name Id Count Limit Size Length Format Value Param Period Time Start End Not "
    "Found Exist Exists Invalid Illegal Expired Occupied Busy Deleted Locked Conflict Mismatch "
    "Unsupported Exceeded Insufficient Balance Order Deal Price Charge Renew Release Mount"
).split()


def camel(rng, lo, hi):
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def variant_name(code):
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[._]", code) if p)


def codes(n, rng):
    seen, names, out = set(), set(), []
    while len(out) < n:
        category, _ = rng.choice(CATEGORIES)
        segments = [category, camel(rng, 1, 4)]
        if rng.random() < 0.25:
            segments.append(camel(rng, 1, 3))
        if rng.random() < 0.05:
            segments[-1] = "_".join(w.upper() for w in re.findall("[A-Z][a-z]*", segments[-1]))
        code = ".".join(segments)[:89]
        if code in seen or variant_name(code) in names or len(code) < 10 or code.endswith("_"):
            continue
        seen.add(code)
        names.add(variant_name(code))
        out.append(code)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2064)
    parser.add_argument("--queries", help="also write a shuffled query mix to this file, one per line")
    parser.add_argument("--unknown", type=float, default=0.10, help="share of unknown codes in the mix")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    listed = codes(args.count, rng)
    categories = {c: retry for c, retry in CATEGORIES}
    lines = []
    for category in sorted({c.split(".")[0] for c in listed}):
        lines.append(f"[{category}]")
        lines.append(f'retry = "{categories.get(category) or "never"}"\n')
    for code in sorted(listed):
        lines.append(f"[{code}]")
        lines.append(f'description = "{camel(rng, 3, 8)} of {code.split(".")[-1]} failed."\n')
    print("\n".join(lines))
    if args.queries:
        unknown = codes(int(args.count * args.unknown) + len(listed), random.Random(args.seed + 1))
        known = set(listed)
        unknown = [u for u in unknown if u not in known][: max(1, int(len(listed) * args.unknown))]
        mix = listed + unknown
        rng.shuffle(mix)
        with open(args.queries, "w") as f:
            f.write("\n".join(mix) + "\n")


if __name__ == "__main__":
    main()
