"""Files of events handed out by views that check who asks: materials and applications."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from core.access import get_object_for_user, require_perm
from core.private_files import private_attachment
from events.models import ContestApplication, EventMaterial


@require_GET
def material_download(request, pk):
    """A material of an event that the visitor may see (published events: anyone)."""
    material = get_object_or_404(EventMaterial.objects.select_related("event"), pk=pk)
    require_perm(request.user, "events.view_event", material.event, known_by="events.view_event")
    return private_attachment(material.file)


@login_required
@require_GET
def application_file(request, pk):
    """A contest application's file: for its author and the centre; 404 for anyone else."""
    application = get_object_for_user(
        request.user,
        ContestApplication.objects.select_related("event", "teacher"),
        perm="events.view_application",
        known_by="events.view_application",
        pk=pk,
    )
    return private_attachment(application.file)
