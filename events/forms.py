from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import text_limits
from core.uploads import DOCUMENTS, MB, validate_upload
from events.models import ContestApplication, Event, EventMaterial, Feedback
from schools.models import Teacher

# Materials and contest works: documents, presentations, pictures and archives up to 20 MB.
MAX_FILE_SIZE = 20 * MB


def validate_document(file):
    return validate_upload(file, allowed=DOCUMENTS, max_size=MAX_FILE_SIZE)


DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _url_field(model, name):
    field = model._meta.get_field(name)
    return forms.URLField(
        label=field.verbose_name.capitalize(),
        help_text=field.help_text,
        required=False,
        assume_scheme="https",
    )


@text_limits(long=("description",))
class EventForm(forms.ModelForm):
    online_url = _url_field(Event, "online_url")

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "format",
            "description",
            "starts_at",
            "ends_at",
            "host_school",
            "venue",
            "partnership",
            "association",
            "activity",
            "online_url",
            "organiser",
            "subjects",
            "audience",
            "capacity",
            "reserved_seats",
            "reserved_until",
            "registration_opens_at",
            "registration_closes_at",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "reserved_until": DATETIME,
            "registration_opens_at": DATETIME,
            "registration_closes_at": DATETIME,
            "subjects": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }


@text_limits
class MaterialForm(forms.ModelForm):
    url = _url_field(EventMaterial, "url")

    class Meta:
        model = EventMaterial
        fields = ["title", "file", "url"]

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("url"):
            raise forms.ValidationError(_("Attach a file or give a link."))
        return data

    def clean_file(self):
        file = self.cleaned_data.get("file")
        return validate_document(file) if file else file


@text_limits
class RegisterTeacherForm(forms.Form):
    teacher = forms.ModelChoiceField(queryset=Teacher.objects.none(), label=_("Teacher"))

    def __init__(self, *args, teachers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teacher"].queryset = teachers


@text_limits
class FeedbackForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("Rating"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Feedback
        fields = ["rating", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 4})}


@text_limits(long=("text",))
class ApplicationForm(forms.ModelForm):
    class Meta:
        model = ContestApplication
        fields = ["text", "file"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}

    def clean_file(self):
        return validate_document(self.cleaned_data["file"])
