"""Records the authorisation walk needs for the dissemination requests pages' URLs that take an id."""

from learningloop.dissemination.models import ResponseStatus

from .factories_requests import EvidenceFactory, RequestFactory, ResponseFactory, answered


def extend(objects):
    """A request to the home agency (police) and the other agency (health): the home agency's response
    open to answer, another submitted and waiting for review, and evidence on the open one."""
    request = RequestFactory()
    objects["embedding_request"] = request
    objects["agency_response"] = ResponseFactory(request=request, agency=objects["agency"])
    objects["other_agency_response"] = ResponseFactory(request=request, agency=objects["other_agency"])
    objects["submitted_response"] = answered(
        request=RequestFactory(), agency=objects["agency"], status=ResponseStatus.SUBMITTED
    )
    objects["response_evidence"] = EvidenceFactory(response=objects["agency_response"])
    # A request for information (for example a rapid review's chronologies): the home agency's to answer.
    information = RequestFactory(kind="information", title="Walk chronologies", key_messages=[])
    objects["information_response"] = ResponseFactory(request=information, agency=objects["agency"])
    # Home-agency responses in the other states the state rules name (core.policy STATE_RULES).
    for status in (ResponseStatus.MORE_INFORMATION, ResponseStatus.ACCEPTED, ResponseStatus.DRAFT):
        objects[f"response_{status}"] = answered(
            request=RequestFactory(), agency=objects["agency"], status=status
        )
