"""Seeded generator of synthetic (entirely fictional) roadmap datasets.

    python benchmarks/generate.py N OUT.json [--seed 7]

Shape, chosen to look like a real tracker: 60 technologies in 10 areas, 2,000
organizations named "Fictional Org 0042 (invented)", a few thousand invented
people, sources, and N milestones over 1990-2060 with a mix of points, ranges,
open ends (``2030+``, ``after 2030``), deadlines (``by 2026``), approximate
dates (``~2027``) and sub-year precision (``Q3 2026``, ``2025-09``).  Titles are
20-60 characters; each milestone is supported by 1-4 claims (mean about 2),
with speakers and sources.  Nothing here is a fact about a real company.

The output is a single JSON file that :func:`nevroadmap.core.loader.load`
accepts.  :func:`generate` returns the same plain dict for in-process use.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
import tempfile
from pathlib import Path

AREAS = [
    ("batteries", "Batteries", "#4e79a7",
     ["Solid-state cells", "Sodium-ion cells", "Semi-solid cells", "Silicon anodes", "Cell-to-body packs",
      "Battery recycling"]),
    ("charging", "Charging", "#f28e2b",
     ["Megawatt charging", "Battery swapping", "Wireless charging", "Bidirectional charging", "Plug and charge",
      "Charging corridors"]),
    ("drive", "Electric drive", "#e15759",
     ["800 V platforms", "Silicon-carbide inverters", "Axial-flux motors", "Hub motors", "Range extenders",
      "Integrated e-axles"]),
    ("chassis", "Chassis", "#76b7b2",
     ["Steer-by-wire", "Brake-by-wire", "Active suspension", "Skateboard chassis", "Giga-casting",
      "Torque vectoring"]),
    ("software", "Software & AI", "#59a14f",
     ["Vehicle operating systems", "Over-the-air updates", "In-car assistants", "Zonal architecture",
      "Digital twins", "Simulation data"]),
    ("chips", "Chips", "#edc948",
     ["Central compute chips", "Cockpit chips", "Radar chips", "Power semiconductors", "Chiplets",
      "Safety microcontrollers"]),
    ("perception", "Perception", "#b07aa1",
     ["Lidar", "4D imaging radar", "Thermal cameras", "Sensor fusion", "HD maps", "Occupancy networks"]),
    ("autonomy", "Autonomy", "#ff9da7",
     ["Highway pilot", "Urban pilot", "Robotaxis", "Automated parking", "Driverless trucks",
      "Remote operation"]),
    ("hydrogen", "Hydrogen", "#9c755f",
     ["Fuel-cell stacks", "Hydrogen tanks", "Refuelling stations", "Green hydrogen", "Fuel-cell trucks",
      "Hydrogen buses"]),
    ("market", "Market & policy", "#bab0ac",
     ["EV sales share", "Charging standards", "Battery passports", "Emission rules", "Carbon-neutral plants",
      "Export volumes"]),
]

KINDS = ["automaker"] * 8 + ["battery_maker"] * 3 + ["chip_maker"] * 2 + ["supplier"] * 4 + \
    ["tech_company"] * 2 + ["energy_company", "government", "association", "research", "media", "other"]
VERBS = ["Pilot line for", "Mass production of", "First deliveries of", "Prototype of", "Launch of",
         "Field trial of", "Start of production:", "Demonstration of", "Roll-out of", "Validation of",
         "Supply deal for", "Plant opening for", "Second generation of", "Cost target for"]
QUALIFIERS = ["", "", "in Europe", "in China", "for trucks", "for compact cars", "at scale", "in the home market",
              "for premium models", "with partner", "on new platform", "for export", "at 400 Wh/kg", "under 100 USD/kWh"]
UNITS = [("Wh/kg", 250, 500), ("kW", 100, 1200), ("%", 5, 95), ("km", 300, 1200), ("USD/kWh", 50, 150),
         ("GWh", 1, 200), ("TOPS", 50, 2000), ("units", 1000, 500000)]
BOUNDS = ["exact", "over", "at_least", "under", "up_to", "about"]
ROLES = ["Chief Executive", "Chief Technology Officer", "Head of Batteries", "Vice President", "Chief Engineer",
         "Analyst", "Director of Strategy", "Spokesperson"]
SAY = ["says", "expects", "announced", "confirmed", "plans", "told reporters", "forecasts", "stated"]
WORDS = ("the company will bring the technology to market with partners across several regions while "
         "keeping costs down and quality high as demand for electric vehicles keeps growing").split()


def _year(rng: random.Random) -> int:
    """A year over 1990-2060, most of them in the late 2010s to 2030s."""
    y = int(round(rng.gauss(2027, 7)))
    if rng.random() < 0.06:
        y = rng.randint(1990, 2060)
    return min(2060, max(1990, y))


def _when(rng: random.Random) -> tuple[str, int]:
    """Date text in the roadmap grammar and a representative year."""
    y = _year(rng)
    r = rng.random()
    if r < 0.28:
        text = str(y)
    elif r < 0.46:
        y2 = min(2060, y + rng.choice([1, 1, 2, 2, 3, 4, 5, 8, 10]))
        text = f"{y}-{y2}"
    elif r < 0.52:
        text = f"Q{rng.randint(1, 4)} {y}"
    elif r < 0.56:
        text = f"H{rng.randint(1, 2)} {y}"
    elif r < 0.62:
        text = f"{y}-{rng.randint(1, 12):02d}"
    elif r < 0.65:
        text = f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    elif r < 0.73:
        text = f"{y}+"
    elif r < 0.77:
        text = f"after {y}"
    elif r < 0.80:
        text = f"{y}-{min(2060, y + rng.randint(1, 6))}+"
    elif r < 0.90:
        text = f"by {y}"
    elif r < 0.92:
        text = f"before {y}"
    else:
        text = f"~{y}"
    return text, y


def _status(rng: random.Random, year: int) -> str:
    if year <= 2024:
        return "achieved" if rng.random() < 0.8 else "announced"
    if year <= 2027:
        return rng.choice(["announced", "planned", "planned", "forecast"])
    return rng.choice(["planned", "forecast", "forecast"])


def _title(rng: random.Random, tech: str, org_short: str | None) -> str:
    q = rng.choice(QUALIFIERS)
    parts = [rng.choice(VERBS), tech.lower() if rng.random() < 0.5 else tech]
    if q:
        parts.append(q)
    text = " ".join(parts)
    if org_short and len(text) + len(org_short) + 3 <= 60 and rng.random() < 0.4:
        text = f"{org_short}: {text}"
    if len(text) < 20:
        text += " (phase 1)"
    return text[:60].rstrip()


def _sentence(rng: random.Random, lo: int, hi: int) -> str:
    n = rng.randint(lo, hi)
    return " ".join(rng.choices(WORDS, k=n)).capitalize() + "."


def generate(n: int, seed: int = 7, n_orgs: int = 2000) -> dict:
    """A dataset with ``n`` milestones as plain data (JSON-ready)."""
    rng = random.Random(seed)
    areas, techs = [], []
    for a_id, a_name, color, tnames in AREAS:
        areas.append({"id": a_id, "name": a_name, "color": color})
        for j, t in enumerate(tnames):
            techs.append({"id": f"{a_id}-{j + 1}", "name": t, "area": a_id})
    orgs = []
    for i in range(n_orgs):
        o = {"id": f"org-{i:04d}", "name": f"Fictional Org {i:04d} (invented)", "kind": rng.choice(KINDS)}
        if rng.random() < 0.5:
            o["short_name"] = f"FO{i:04d}"
        if i >= 50 and rng.random() < 0.1:
            o["parent"] = f"org-{rng.randrange(50):04d}"
        orgs.append(o)
    n_people = max(50, min(6000, n // 20))
    people = []
    for i in range(n_people):
        people.append({"id": f"p-{i:05d}", "name": f"Fictional Person {i:05d}", "title": rng.choice(ROLES),
                       "organization": f"org-{rng.randrange(n_orgs):04d}"})
    n_sources = max(20, n // 25)
    sources = []
    for i in range(n_sources):
        s = {"id": f"src-{i:05d}", "title": f"Fictional report {i:05d} on electric vehicles (invented)",
             "publisher": f"Fictional Wire {i % 40:02d}", "url": f"https://example.org/fictional/{i:05d}"}
        if rng.random() < 0.7:
            s["published"] = f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.15:
            s["event"] = f"Fictional Mobility Summit {rng.randint(2015, 2026)}"
        sources.append(s)
    # organizations are not equally busy: a few hundred appear often
    org_cum = list(itertools.accumulate(1.0 / (1 + i) ** 0.6 for i in range(n_orgs)))
    org_ids = [o["id"] for o in orgs]
    org_short = {o["id"]: o.get("short_name") for o in orgs}
    people_by_org: dict[str, list[str]] = {}
    for p in people:
        people_by_org.setdefault(p["organization"], []).append(p["id"])

    milestones, claims = [], []
    width = len(str(n))
    for i in range(n):
        mid = f"m{i:0{width}d}"
        tech = rng.choice(techs)
        k = rng.choices((0, 1, 2, 3), cum_weights=(0.08, 0.70, 0.92, 1.0))[0]
        m_orgs = list(dict.fromkeys(rng.choices(org_ids, cum_weights=org_cum, k=k)))
        when, year = _when(rng)
        m = {"id": mid, "title": _title(rng, tech["name"], org_short[m_orgs[0]] if m_orgs else None),
             "technology": tech["id"], "organizations": m_orgs, "when": when, "status": _status(rng, year)}
        if rng.random() < 0.3:
            unit, lo, hi = rng.choice(UNITS)
            met = {"value": rng.randint(lo, hi), "unit": unit, "bound": rng.choice(BOUNDS)}
            if rng.random() < 0.2:
                met["scope"] = rng.choice(["China", "Europe", "global", "North America"])
            m["metrics"] = [met]
        if rng.random() < 0.25:
            m["description"] = _sentence(rng, 8, 25)
        if rng.random() < 0.2:
            m["tags"] = rng.sample(["pilot", "mass-production", "cost", "safety", "range", "export", "partnership"], 2)
        milestones.append(m)
        for _ in range(rng.choices((1, 2, 3, 4), cum_weights=(0.35, 0.7, 0.9, 1.0))[0]):
            c: dict = {"id": f"c{len(claims):0{width + 1}d}", "source": f"src-{rng.randrange(n_sources):05d}",
                       "supports": [mid]}
            org = rng.choice(m_orgs) if m_orgs and rng.random() < 0.8 else rng.choice(org_ids)
            speakers = people_by_org.get(org)
            if speakers and rng.random() < 0.7:
                c["speaker"] = rng.choice(speakers)
            else:
                c["organization"] = org
            name = f"Fictional Org {org[4:]}"
            c["statement"] = f"{name} {rng.choice(SAY)}: {m['title'][0].lower()}{m['title'][1:]} ({when})."
            if rng.random() < 0.3:
                c["quote"] = _sentence(rng, 6, 18)
            if rng.random() < 0.8:
                c["said"] = f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.2:
                c["locator"] = f"p. {rng.randint(1, 40)}"
            if i and rng.random() < 0.05:  # a few claims back two milestones
                c["supports"].append(f"m{rng.randrange(i):0{width}d}")
            claims.append(c)
    return {"sources": sources, "organizations": orgs, "people": people, "areas": areas,
            "technologies": techs, "milestones": milestones, "claims": claims}


def write(n: int, out: str | os.PathLike, seed: int = 7) -> Path:
    """Generate and write atomically; returns the path."""
    out = Path(out)
    data = generate(n, seed)
    fd, tmp = tempfile.mkstemp(dir=out.parent or ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of milestones")
    ap.add_argument("out", help="output .json file")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be >= 0")
    p = write(args.n, args.out, args.seed)
    print(f"wrote {p} ({p.stat().st_size / 2**20:.1f} MB, {args.n} milestones)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
