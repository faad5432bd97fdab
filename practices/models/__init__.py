from practices.models.bank import Practice, PracticeFile, PracticeReview, UsefulMark
from practices.models.discussion import Post, PostComment

__all__ = ["Post", "PostComment", "Practice", "PracticeFile", "PracticeReview", "UsefulMark"]
