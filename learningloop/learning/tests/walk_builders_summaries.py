"""Records the authorisation walk needs for the Summary of Learning pages' URLs that take an id. Each
workflow URL gets its own summary so the order the walk visits them in does not matter."""

from learningloop.learning.models import SummaryStatus

from .factories_summaries import FindingFactory, KeyMessageFactory, SummaryFactory


def extend(objects):
    group = objects["group"]
    finding = FindingFactory(activity__source_type=objects["source_type"])
    summary = SummaryFactory(subgroup=group, activities=[finding.activity])
    objects["summary"] = summary
    objects["key_message"] = KeyMessageFactory(summary=summary)
    objects["key_message_to_delete"] = KeyMessageFactory(summary=SummaryFactory(subgroup=group))
    objects["summary_to_submit"] = KeyMessageFactory(summary=SummaryFactory(subgroup=group)).summary
    objects["summary_to_accept"] = SummaryFactory(subgroup=group, status=SummaryStatus.SUBMITTED)
    objects["summary_to_return"] = SummaryFactory(subgroup=group, status=SummaryStatus.SUBMITTED)
