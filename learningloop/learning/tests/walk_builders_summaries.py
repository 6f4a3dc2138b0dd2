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

    # One summary per (page, state) the walk visits for the state rules (core.policy STATE_RULES).
    def in_state(status, with_message=False):
        summary = SummaryFactory(subgroup=group, status=status)
        return KeyMessageFactory(summary=summary) if with_message else summary

    objects["summary_submitted"] = in_state(SummaryStatus.SUBMITTED)
    objects["summary_accepted"] = in_state(SummaryStatus.ACCEPTED)
    objects["summary_returned"] = in_state(SummaryStatus.RETURNED)
    objects["summary_submitted_for_message"] = in_state(SummaryStatus.SUBMITTED)
    objects["key_message_of_accepted"] = in_state(SummaryStatus.ACCEPTED, with_message=True)
    objects["key_message_of_submitted"] = in_state(SummaryStatus.SUBMITTED, with_message=True)
    objects["summary_submitted_to_submit"] = in_state(SummaryStatus.SUBMITTED, with_message=True).summary
    objects["summary_returned_to_submit"] = in_state(SummaryStatus.RETURNED, with_message=True).summary
    objects["summary_draft_to_accept"] = in_state(SummaryStatus.DRAFT, with_message=True).summary
    objects["summary_accepted_to_accept"] = in_state(SummaryStatus.ACCEPTED)
    objects["summary_draft_to_return"] = in_state(SummaryStatus.DRAFT)
    objects["summary_draft_for_plan"] = in_state(SummaryStatus.DRAFT, with_message=True).summary
