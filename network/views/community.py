"""Methodical associations and mentorship pairs, as the portal shows them."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.access import get_object_for_user
from network.filters import MentorshipFilter
from network.models import Mentorship, MethodicalAssociation
from schools.models import Teacher


@login_required
@require_GET
def association_list(request):
    associations = (
        MethodicalAssociation.objects.visible_to(request.user)
        .select_related("leader__school")
        .prefetch_related("subjects", "members")
    )
    return render(request, "network/association_list.html", {"associations": associations})


@login_required
@require_GET
def association_detail(request, pk):
    teachers = Teacher.objects.select_related("school").prefetch_related("subjects")
    association = get_object_for_user(
        request.user,
        MethodicalAssociation.objects.select_related(
            "leader__school", "partnership"
        ).prefetch_related("subjects", Prefetch("members", queryset=teachers)),
        perm="network.view_methodicalassociation",
        known_by="network.know_methodicalassociation",
        pk=pk,
    )
    members = sorted(association.members.all(), key=lambda t: (t.school.sort_name, t.full_name))
    # The association's meetings are events that name it (the events app points here).
    meetings = association.events.visible_to(request.user).order_by("-starts_at")
    return render(
        request,
        "network/association_detail.html",
        {"association": association, "members": members, "meetings": meetings},
    )


@login_required
@require_GET
def mentorship_list(request):
    mentorships = Mentorship.objects.visible_to(request.user).select_related(
        "mentor__school", "mentee__school", "partnership"
    )
    mentorship_filter = MentorshipFilter(request.GET, queryset=mentorships)
    return render(
        request,
        "network/mentorship_list.html",
        {"filter": mentorship_filter, "mentorships": mentorship_filter.qs},
    )
