"""The milestones as plain rows (dicts of text and lists): the JSON that ``nevroadmap list
--format json`` prints and ``File > Export Data…`` writes, one shape for both."""

from __future__ import annotations

__all__ = ["milestone_rows"]


def milestone_rows(roadmap, milestones) -> list[dict]:
    from nevroadmap.core.claims import named_metric

    rows = []
    for m in milestones:
        claims = roadmap.claims_for(m.id)
        rows.append({
            "id": m.id,
            "title": m.title,
            "technology": m.technology,
            "technology_name": roadmap.tech_name(m.technology),
            "organizations": list(m.organizations),
            "when": str(m.when),
            "status": m.status.value,
            "metrics": [named_metric(x) for x in m.metrics],  # named: "NEV sales over 12,800,000 units (China)"
            "claims": [
                {
                    "id": c.id,
                    "statement": c.statement,
                    "quote": c.quote,
                    "speaker": roadmap.person_by_id[c.speaker].name if c.speaker in roadmap.person_by_id else None,
                    "organization": roadmap.claim_organization(c),
                    "said": str(c.said) if c.said else None,
                    "source": c.source,
                    "source_url": roadmap.source_by_id[c.source].url if c.source in roadmap.source_by_id else None,
                }
                for c in claims
            ],
        })
    return rows
