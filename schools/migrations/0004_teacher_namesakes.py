# Namesakes in one school: told apart by e-mail or phone.

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('schools', '0003_school_sort_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='teacher',
            name='schools_teacher_unique_name_in_school',
        ),
        migrations.AddConstraint(
            model_name='teacher',
            constraint=models.UniqueConstraint(fields=('school', 'last_name', 'first_name', 'patronymic', 'email', 'phone'), name='schools_teacher_unique_person_in_school'),
        ),
    ]
