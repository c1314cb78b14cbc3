"""Action plans: a page per plan with its status summary, and every action in one filterable table."""

from __future__ import annotations

from collections import Counter

from sitegen.content import Content
from sitegen.markdown import cell, cite, link, long_date, plural, short_date, table, text
from sitegen.schema import Action, ActionPlan
from sitegen.uris import ALL_ACTIONS, plan_uri, report_uri

INDEX = "action-plans/index.md"
# Action tables are wide: give them the space the table of contents would take.
WIDE_PAGE = "---\nhide:\n  - toc\n---\n\n"

STATUS_LABELS = {
    "complete": "Complete",
    "on-track": "On track",
    "at-risk": "At risk",
    "off-track": "Off track",
    "not-started": "Not started",
    "unknown": "Not stated",
}
RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue (complete)"}


def is_overdue(action: Action, plan: ActionPlan) -> bool:
    """Past its deadline on the plan's own date and not complete."""
    return (action.deadline_date is not None and action.deadline_date < plan.as_at
            and action.status_group != "complete")


def plans_in_order(content: Content) -> list[ActionPlan]:
    return sorted(content.action_plans.values(), key=lambda p: (p.as_at, p.title), reverse=True)


def status_counts(plan: ActionPlan) -> Counter[str]:
    return Counter(a.status_group for a in plan.actions)


def _status(action: Action) -> str:
    label = STATUS_LABELS[action.status_group]
    printed = action.status or (RAG_LABELS[action.rag] if action.rag else "")
    if printed and printed.casefold() != label.casefold():
        return f"{label} ({printed})"
    return label


def _action_text(action: Action) -> str:
    body = cell(action.action)
    if action.progress:
        body += f"<br>*Progress:* {cell(action.progress)}"
    return body


def index_page(content: Content) -> str:
    headers = ["Plan", "As at", "Actions", *STATUS_LABELS.values(), "Overdue"]
    rows = []
    for plan in plans_in_order(content):
        counts = status_counts(plan)
        overdue = sum(is_overdue(a, plan) for a in plan.actions)
        rows.append([f"[{cell(plan.title)}]({link(INDEX, plan_uri(plan.id))})",
                     short_date(plan.as_at), str(len(plan.actions)),
                     *(str(counts.get(group, 0)) for group in STATUS_LABELS), str(overdue)])
    total = sum(len(p.actions) for p in content.action_plans.values())
    return "\n\n".join([
        f"{WIDE_PAGE}# Action plans",
        f"The papers contain {plural(len(content.action_plans), 'action plan')} with "
        f"{plural(total, 'action')} between them. Every row is here. \"Overdue\" means past its "
        "deadline on the plan's own date and not marked complete.",
        f"[See and filter every action in one table]({link(INDEX, ALL_ACTIONS)}){{ .md-button }}",
        '<div class="plan-summary" markdown>',
        table(headers, rows),
        "</div>",
    ]) + "\n"


def plan_page(plan: ActionPlan, content: Content) -> str:
    uri = plan_uri(plan.id)
    counts = status_counts(plan)
    overdue = [a for a in plan.actions if is_overdue(a, plan)]
    facts = [f"**As at:** {long_date(plan.as_at)}", f"**Source:** {cite(plan.source, content, uri)}"]
    if plan.report:
        facts.insert(0, f"**Report:** [{cell(content.reports[plan.report].title)}]"
                        f"({link(uri, report_uri(plan.report))})")
    summary = ", ".join(f"{counts[g]} {STATUS_LABELS[g].lower()}" for g in STATUS_LABELS
                        if counts.get(g))
    parts = [
        f"{WIDE_PAGE}# {text(plan.title)}",
        "  \n".join(facts),
        "## Where the plan stands",
        f"{plural(len(plan.actions), 'action')}: {summary}. "
        + (f"**{plural(len(overdue), 'action')} overdue** as at {long_date(plan.as_at)}: "
           + ", ".join(cell(a.ref) for a in overdue) + "." if overdue
           else f"None is overdue as at {long_date(plan.as_at)}."),
    ]
    if plan.status_key:
        parts.append(f'??? note "How we read the plan\'s statuses"\n\n    {text(plan.status_key)}')
    parts.append("## Every action")
    rows = [[cell(a.ref), cell(a.area), _action_text(a), cell(a.owner), cell(a.deadline),
             _status(a) + (" **Overdue**" if is_overdue(a, plan) else ""),
             cite(a.source, content, uri)] for a in plan.actions]
    parts.append('<div class="action-table" markdown>')
    parts.append(table(["Ref", "Area", "Action", "Owner", "Deadline", "Status", "Source"], rows))
    parts.append("</div>")
    return "\n\n".join(parts) + "\n"


def all_actions_page(content: Content) -> str:
    rows = []
    for plan in plans_in_order(content):
        for a in plan.actions:
            rows.append([f"[{cell(plan.title)}]({link(ALL_ACTIONS, plan_uri(plan.id))})",
                         cell(a.ref), cell(a.action), cell(a.owner), cell(a.deadline),
                         STATUS_LABELS[a.status_group], "Overdue" if is_overdue(a, plan) else "No"])
    return "\n\n".join([
        f"{WIDE_PAGE}# Every action, across all plans",
        "Filter by plan, status or whether it is overdue, or type words to find an action. "
        "Each plan's own page gives the status in the plan's words, progress notes and sources. "
        "Without JavaScript, the full "
        "table is shown.",
        '<div class="filterable action-table" data-filter-columns="Plan,Status,Overdue" markdown>',
        table(["Plan", "Ref", "Action", "Owner", "Deadline", "Status", "Overdue"], rows),
        "</div>",
    ]) + "\n"


def nav(content: Content) -> list[object]:
    return [INDEX, {"Every action": ALL_ACTIONS},
            *({p.title: plan_uri(p.id)} for p in plans_in_order(content))]
