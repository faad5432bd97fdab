import rules

from accounts.rules import is_director, is_methodologist, is_municipal
from schools.selectors import school_id_of


@rules.predicate
def is_member_of_school(user, school):
    return school is not None and school_id_of(user) == school.pk


@rules.predicate
def is_member_of_teachers_school(user, teacher):
    return teacher is not None and school_id_of(user) == teacher.school_id


is_authenticated = rules.is_authenticated

# Who may know a school's pages and entries: refused, they get 403; anyone else 404.
rules.add_perm("schools.know_school", is_municipal | is_member_of_school)
rules.add_perm("schools.know_teacher", is_municipal | is_member_of_teachers_school)
# The municipality's figures (schools, teachers, categories) are for the centre.
rules.add_perm("schools.view_municipality", is_municipal)
# The audit trail of a school's entry in the registry.
rules.add_perm("schools.view_school_history", is_methodologist)
# The directory of schools is open to every logged-in user.
rules.add_perm("schools.view_school", is_authenticated)
rules.add_perm("schools.view_school_teachers", is_municipal | (is_director & is_member_of_school))
rules.add_perm(
    "schools.change_teacher", is_methodologist | (is_director & is_member_of_teachers_school)
)
# Bulk import of schools and teachers from spreadsheets, and its templates.
rules.add_perm("schools.import_registry", is_methodologist)
