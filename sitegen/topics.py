"""Plain-English names for the topics reports and indicators are filed under."""

from __future__ import annotations

from typing import get_args

from sitegen.schema import Topic

TOPIC_LABELS: dict[str, str] = {
    "looked-after-children": "Looked-after children",
    "child-protection": "Child protection",
    "children-in-need": "Children in need",
    "front-door": "Contacts, referrals and assessments",
    "early-help": "Early help and prevention",
    "care-leavers": "Care leavers",
    "adoption-permanency": "Adoption and permanence",
    "fostering-placements": "Fostering and placements",
    "uasc": "Unaccompanied asylum-seeking children",
    "workforce": "Social work workforce",
    "schools-education": "Schools and education",
    "send": "Special educational needs and disabilities",
    "youth-justice": "Youth justice",
    "health-wellbeing": "Health and wellbeing",
    "finance": "Money and costs",
    "inspection-quality": "Inspections and quality",
    "complaints": "Complaints",
    "housing": "Housing",
    "governance": "Committee business and governance",
    "youth-voice": "Young people's voice",
}

assert set(TOPIC_LABELS) == set(get_args(Topic)), "every Topic in the schema needs a label here"
