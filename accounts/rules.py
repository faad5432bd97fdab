import rules


@rules.predicate
def is_methodologist(user):
    return user.is_authenticated and user.is_methodologist


@rules.predicate
def is_coordinator(user):
    return user.is_authenticated and user.is_coordinator


@rules.predicate
def is_director(user):
    return user.is_authenticated and user.is_director


@rules.predicate
def is_teacher(user):
    return user.is_authenticated and user.is_teacher


is_municipal = is_methodologist | is_coordinator
