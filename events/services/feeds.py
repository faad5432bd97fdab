from events.models import CalendarFeed, new_feed_token


def calendar_feed_for(*, user) -> CalendarFeed:
    """The user's private feed, created on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def calendar_feed_reset(*, user) -> CalendarFeed:
    """Give the feed a new address; the old one stops working."""
    feed = calendar_feed_for(user=user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    return feed
