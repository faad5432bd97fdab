from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 5 * 1024 * 1024
# Excel's, Excel 97–2003's, OpenDocument's (LibreOffice, МойОфис, Р7-Офис) and text.
FORMATS = (".xlsx", ".xls", ".ods", ".csv")


class RegistryImportForm(forms.Form):
    file = forms.FileField(label=_("File (XLSX, XLS, ODS or CSV)"), required=False)
    sheet = forms.CharField(label=_("Sheet"), required=False, max_length=100)

    def __init__(self, *args, sheets=(), **kwargs):
        super().__init__(*args, **kwargs)
        if len(sheets) > 1:
            self.fields["sheet"] = forms.ChoiceField(
                label=_("Sheet"), required=False, choices=[(s, s) for s in sheets]
            )
        else:
            self.fields["sheet"].widget = forms.HiddenInput()

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if not upload.name.lower().endswith(FORMATS):
            raise forms.ValidationError(
                _(
                    "Upload an XLSX, XLS, ODS or CSV file "
                    "(in Excel: «Сохранить как» → «Книга Excel»)."
                )
            )
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
