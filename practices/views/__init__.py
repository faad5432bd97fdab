from practices.views.bank import (
    practice_add,
    practice_detail,
    practice_edit,
    practice_file,
    practice_file_add,
    practice_list,
    practice_useful,
)
from practices.views.links import practice_from_activity, practice_from_event
from practices.views.pages import (
    association_page,
    comment_moderate,
    post_add,
    post_comment,
    post_file,
    post_moderate,
    school_page,
)
from practices.views.review import (
    practice_comment,
    practice_publish,
    practice_return,
    practice_submit,
    practice_withdraw,
)

__all__ = [
    "association_page",
    "comment_moderate",
    "post_add",
    "post_comment",
    "post_file",
    "post_moderate",
    "practice_add",
    "practice_comment",
    "practice_detail",
    "practice_edit",
    "practice_file",
    "practice_file_add",
    "practice_from_activity",
    "practice_from_event",
    "practice_list",
    "practice_publish",
    "practice_return",
    "practice_submit",
    "practice_useful",
    "practice_withdraw",
    "school_page",
]
