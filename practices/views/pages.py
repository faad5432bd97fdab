"""The network's own pages: a school's and an association's, with its discussion."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.access import get_object_for_user
from core.errors import DomainError
from core.forms import posted_text
from events.models import Event
from network.models import Mentorship, MethodicalAssociation, Partnership
from network.views.common import private_file
from practices.forms import CommentForm, PostForm
from practices.models import Post, PostComment
from practices.services import discussion
from practices.views.common import practices
from schools.models import School, Teacher

UPCOMING = 10
POSTS = 30


def _upcoming(events, user):
    return (
        events.visible_to(user)
        .filter(ends_at__gte=timezone.now())
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_at")[:UPCOMING]
    )


@login_required
@require_GET
def school_page(request, pk):
    """What the network knows of a school, for every logged-in user."""
    school = get_object_for_user(
        request.user,
        School.objects.all(),
        perm="schools.view_school",
        known_by="schools.view_school",
        pk=pk,
    )
    partnerships = (
        Partnership.objects.filter(Q(leader=school) | Q(schools=school))
        .select_related("leader")
        .prefetch_related("schools")
        .distinct()
    )
    associations = (
        MethodicalAssociation.objects.filter(Q(leader__school=school) | Q(members__school=school))
        .select_related("leader__school")
        .distinct()
    )
    mentors = (
        Mentorship.objects.filter(
            mentor__school=school,
            state__in=[Mentorship.State.PLANNED, Mentorship.State.ACTIVE],
        )
        .select_related("mentor", "mentee__school")
        .order_by("mentor__last_name", "pk")
    )
    visible = set(Partnership.objects.visible_to(request.user).values_list("pk", flat=True))
    return render(
        request,
        "practices/school_page.html",
        {
            "school": school,
            "partnerships": [(p, p.pk in visible) for p in partnerships],
            "associations": associations,
            "practices": practices().published().filter(school=school)[:20],
            "events": _upcoming(Event.objects.filter(host_school=school), request.user),
            "mentors": mentors,
        },
    )


def _association(user, pk, perm="practices.view_association"):
    teachers = Teacher.objects.select_related("school", "user")
    return get_object_for_user(
        user,
        MethodicalAssociation.objects.select_related(
            "leader__school", "leader__user"
        ).prefetch_related("subjects", Prefetch("members", queryset=teachers)),
        perm=perm,
        known_by="practices.know_association",
        pk=pk,
    )


@login_required
@require_GET
def association_page(request, pk):
    association = _association(request.user, pk)
    user = request.user
    moderator = user.has_perm("practices.moderate_association", association)
    comments = PostComment.objects.select_related("author")
    posts = Post.objects.filter(association=association).select_related("author")
    if not moderator:
        posts = posts.filter(hidden=False)
        comments = comments.filter(hidden=False)
    posts = posts.prefetch_related(Prefetch("comments", queryset=comments))[:POSTS]
    members = sorted(association.members.all(), key=lambda t: (t.school.sort_name, t.full_name))
    teacher_ids = [association.leader_id, *(member.pk for member in members)]
    return render(
        request,
        "practices/association_page.html",
        {
            "association": association,
            "members": members,
            "events": _upcoming(association.events.all(), user),
            "practices": practices().published().filter(authors__in=teacher_ids).distinct()[:20],
            "posts": posts,
            "can_post": user.has_perm("practices.post_in_association", association),
            "can_moderate": moderator,
            "post_form": PostForm(),
        },
    )


@login_required
@require_POST
def post_add(request, pk):
    association = _association(request.user, pk, perm="practices.post_in_association")
    back = redirect("practices:association", pk=association.pk)
    form = PostForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return back
    try:
        discussion.post_create(
            association=association,
            by=request.user,
            text=form.cleaned_data["text"],
            upload=form.cleaned_data.get("upload"),
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The post is published; the members are notified."))
    return back


def _in_association(user, queryset, pk, perm):
    """A post or comment, checked by the rules of its association (404 to outsiders)."""
    row = get_object_or_404(queryset, pk=pk)
    association_id = row.association_id if isinstance(row, Post) else row.post.association_id
    _association(user, association_id, perm=perm)
    return row


def _back(association_id, anchor=""):
    url = reverse("practices:association", args=[association_id])
    return redirect(f"{url}#{anchor}" if anchor else url)


@login_required
@require_POST
def post_comment(request, pk):
    post = _in_association(request.user, Post.objects.all(), pk, "practices.post_in_association")
    text = posted_text(request, CommentForm)
    if text is not None:
        try:
            discussion.post_comment(post=post, by=request.user, text=text)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The comment is added."))
    return _back(post.association_id, f"post-{post.pk}")


def _moderation_message(action):
    return {
        "hide": _("It is hidden from the members."),
        "show": _("It is shown again."),
        "delete": _("It is deleted."),
    }[action]


@login_required
@require_POST
def post_moderate(request, pk):
    post = _in_association(request.user, Post.objects.all(), pk, "practices.moderate_association")
    action = request.POST.get("action", "")
    try:
        discussion.post_moderate(post=post, by=request.user, action=action)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _moderation_message(action))
    return _back(post.association_id)


@login_required
@require_POST
def comment_moderate(request, pk):
    comment = _in_association(
        request.user,
        PostComment.objects.select_related("post"),
        pk,
        "practices.moderate_association",
    )
    action = request.POST.get("action", "")
    try:
        discussion.comment_moderate(comment=comment, by=request.user, action=action)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _moderation_message(action))
    return _back(comment.post.association_id, f"post-{comment.post_id}")


@login_required
@require_GET
def post_file(request, pk):
    post = _in_association(request.user, Post.objects.all(), pk, "practices.view_association")
    if post.hidden and not request.user.has_perm(
        "practices.moderate_association", _association(request.user, post.association_id)
    ):
        raise Http404
    return private_file(post.file, post.file_name)
